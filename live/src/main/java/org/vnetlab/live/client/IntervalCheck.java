package org.vnetlab.live.client;

import java.util.function.LongSupplier;
import org.vnetlab.live.control.ControlMessage.Interval;

/**
 * Whether a server's per-second counts, printed as they come, could be true of the test so far:
 * seconds counting up from 1 no faster than the clock, each of whole datagrams of the test's
 * payload (UDP) or of none (TCP), and in all no more than this client has sent. What comes over
 * the network is hostile until checked; {@link ReportCheck} checks the report the same way.
 */
final class IntervalCheck {

    private final String server;
    private final int payload;
    private final LongSupplier sentBytes;
    private final long writeBytes;
    private final long startedNanos;
    private int lastSecond;
    private long bytes;

    /**
     * @param payload      each datagram's payload; 0 for TCP, whose intervals count no packets
     * @param sentBytes    what this client has sent so far
     * @param writeBytes   the most one write of the client's sender hands on before its count grows
     * @param startedNanos when this client sent Start (System.nanoTime): the server's clock began later
     */
    IntervalCheck(String server, int payload, LongSupplier sentBytes, long writeBytes, long startedNanos) {
        this.server = server;
        this.payload = payload;
        this.sentBytes = sentBytes;
        this.writeBytes = writeBytes;
        this.startedNanos = startedNanos;
    }

    /** Fails with one line naming the server when {@code i} could not be true. */
    void check(Interval i, long nowNanos) {
        String problem = problem(i, nowNanos);
        if (problem != null) {
            throw new MeasureException(server + " sent an impossible interval: " + problem);
        }
        lastSecond = i.second();
        bytes += i.bytes();
    }

    String problem(Interval i, long nowNanos) {
        if (i.second() != lastSecond + 1) {
            return "second " + i.second() + " after " + (lastSecond == 0 ? "none" : "second " + lastSecond)
                    + " (they count up from 1)";
        }
        long seconds = (nowNanos - startedNanos) / 1_000_000_000L + 1;
        if (i.second() > seconds) {
            return "second " + i.second() + " within " + seconds + " s of Start";
        }
        if (payload == 0 ? i.packets() != 0 : i.bytes() % payload != 0 || i.bytes() / payload != i.packets()) {
            return payload == 0 ? "packets " + i.packets() + " in a TCP test (it counts none)"
                    : "bytes " + i.bytes() + " in packets " + i.packets() + " (each datagram carries " + payload + " B)";
        }
        long sent = sentBytes.getAsLong() + writeBytes;
        if (i.bytes() > sent - bytes) {
            return "bytes " + i.bytes() + " in second " + i.second() + ", more than the " + Math.max(0, sent - bytes)
                    + " this client had sent besides those counted before";
        }
        return null;
    }
}
