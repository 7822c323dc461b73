package org.vnetlab.core.model;

import org.vnetlab.core.units.DataRate;

/**
 * An iperf-like UDP stream between machine 2 and a guest, swept over payload sizes.
 *
 * @param rate          the rate the sender is asked for
 * @param durationNanos how long each direction runs
 * @param parallel      client/server pairs run side by side, each a flow of its own at {@code rate}
 *                      (iperf -P); throughput and loss are their sum
 */
public record UdpStream(String guest, DataRate rate, PayloadSizes sizes, Direction direction, long durationNanos,
                        int parallel)
        implements Workload {

    public UdpStream {
        Checks.name("guest", guest);
        Checks.positive("udp duration", durationNanos);
        Checks.positive("udp parallel", parallel);
    }

    @Override
    public String type() {
        return "udp";
    }
}
