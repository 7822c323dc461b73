package org.vnetlab.live.client;

import java.util.List;
import java.util.Map;
import org.vnetlab.core.net.Transport;
import org.vnetlab.live.control.TestSpec;

/**
 * One trial of one direction, counted at the receiver as iperf does.
 *
 * @param bytes           payload bytes delivered
 * @param packetsSent     datagrams the sender sent (0 for TCP)
 * @param packetsReceived datagrams delivered (0 for TCP)
 * @param reordered       datagrams delivered after one with a higher sequence number
 * @param seconds         the receiver's time from the first to the last byte
 * @param cpuPercent      the server's one-second CPU samples per source
 */
public record TrialResult(TestSpec spec, long bytes, long packetsSent, long packetsReceived, long reordered,
                          double seconds, Map<String, List<Double>> cpuPercent) {

    /** Delivered payload rate in Mbit/s. */
    public double mbps() {
        return seconds <= 0 ? 0 : bytes * 8 / seconds / 1e6;
    }

    /** The payload rate the sender achieved over the test's duration (UDP), in Mbit/s. */
    public double sentMbps() {
        return packetsSent * spec.payload() * 8 / (spec.duration().toNanos() / 1e9) / 1e6;
    }

    /** The fraction of sent datagrams not delivered (UDP), or null (TCP). */
    public Double loss() {
        if (spec.transport() == Transport.TCP) {
            return null;
        }
        return packetsSent == 0 ? 0.0 : Math.max(0, packetsSent - packetsReceived) / (double) packetsSent;
    }
}
