package org.vnetlab.live.emulate;

import java.util.SortedMap;

/**
 * The emulator's counters since it started.
 *
 * @param elapsedNanos wall time since the start
 * @param packetsIn    datagrams received at the listen address
 * @param packetsOut   datagrams sent on (to the forward address, or back to their senders)
 * @param bytesOut     payload bytes of those
 * @param drops        queue trace -> datagrams dropped there (the model's queues and the emulator's own)
 * @param cpuNanos     domain -> modelled CPU time used, ns of one physical CPU
 * @param pacer        lateness of the model's events against their modelled times
 * @param release      lateness of datagrams leaving against their modelled arrival at the far end
 * @param transit      time each datagram spent in the model, from its arrival to the far end of the
 *                     modelled wire: the latency the model adds, apart from the emulator's own
 */
public record Counters(long elapsedNanos, long packetsIn, long packetsOut, long bytesOut,
                       SortedMap<String, Long> drops, SortedMap<String, Long> cpuNanos, PacingStats.Summary pacer,
                       PacingStats.Summary release, PacingStats.Summary transit) {
}
