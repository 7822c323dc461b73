package org.vnetlab.core.model;

import org.vnetlab.core.units.DataRate;

/**
 * An RTP-like probe stream from machine 2 to a reflector in a guest and back.
 *
 * @param rate    the stream's rate
 * @param payload payload bytes per packet (holds sequence number and send time)
 * @param count   RTT measurements taken
 * @param packets probe packets in one measurement
 * @param pauseNanos idle time between two measurements
 * @param clockResolutionNanos the resolution of the clock the tool stamps its probes with
 *                             (gettimeofday: 1 us); each stamp is floored to it
 * @param withStreams the scenario's TCP streams run beside the probe, as background load
 */
public record RttProbe(String guest, DataRate rate, int payload, int count, int packets, long pauseNanos,
                       long clockResolutionNanos, boolean withStreams) implements Workload {

    public RttProbe {
        Checks.name("guest", guest);
        Checks.positive("rtt payload", payload);
        Checks.positive("rtt count", count);
        Checks.positive("rtt packets", packets);
        Checks.nonNegative("rtt pause", pauseNanos);
        Checks.positive("rtt clock resolution", clockResolutionNanos);
    }

    @Override
    public String type() {
        return "rtt";
    }
}
