package org.vnetlab.core.model;

import java.util.Objects;
import org.vnetlab.core.units.DataRate;

/**
 * An iperf-like UDP stream between machine 2 and a guest, swept over payload sizes.
 *
 * @param rate          the rate the sender is asked for
 * @param durationNanos how long each direction runs
 * @param parallel      client/server pairs run side by side, each a flow of its own at {@code rate}
 *                      (iperf -P); throughput and loss are their sum
 * @param pacing        how a sender ahead of {@code rate} waits for its next datagram's time
 */
public record UdpStream(String guest, DataRate rate, PayloadSizes sizes, Direction direction, long durationNanos,
                        int parallel, Pacing pacing)
        implements Workload {

    /** How a sender that is ahead of its rate waits; one that is behind sends at once either way. */
    public enum Pacing {
        /** Sleeps and wakes when the next datagram is due, as a paced application does. */
        TIMER,
        /**
         * iperf 2, the study's tool (the default): its gap in whole microseconds, and after each
         * write a busy wait in {@code delay_loop}, reading {@code gettimeofday()} until the time has
         * come, so the sender holds its CPU while it is ahead.
         */
        SPIN
    }

    public UdpStream {
        Checks.name("guest", guest);
        Checks.positive("udp duration", durationNanos);
        Checks.positive("udp parallel", parallel);
        Objects.requireNonNull(pacing, "udp pacing");
    }

    @Override
    public String type() {
        return "udp";
    }
}
