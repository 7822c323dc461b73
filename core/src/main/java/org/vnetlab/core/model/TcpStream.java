package org.vnetlab.core.model;

import org.vnetlab.core.units.ByteSize;

/**
 * An iperf-like bulk TCP transfer between machine 2 and a guest.
 *
 * @param receiveWindow the largest window the receiver advertises
 * @param congestion    the sender's congestion avoidance: {@code reno} or {@code cubic}
 * @param parallel      connections run side by side, each a flow of its own (iperf -P); throughput
 *                      is their sum
 */
public record TcpStream(String guest, Direction direction, long durationNanos, ByteSize receiveWindow,
                        String congestion, int parallel) implements Workload {

    /** The congestion-avoidance algorithms a sender can use. */
    public static final java.util.List<String> CONGESTION = java.util.List.of("reno", "cubic");

    public TcpStream {
        Checks.name("guest", guest);
        Checks.positive("tcp duration", durationNanos);
        Checks.positive("tcp receive window", receiveWindow.bytes());
        Checks.positive("tcp parallel", parallel);
        if (!CONGESTION.contains(congestion)) {
            throw new IllegalArgumentException("tcp congestion must be one of " + CONGESTION + ", got " + congestion);
        }
    }

    @Override
    public String type() {
        return "tcp";
    }
}
