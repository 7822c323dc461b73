package org.vnetlab.sim.app;

/**
 * How iperf 2's UDP client paces its datagrams (iperf 2.0.2 and 2.0.4, {@code Client::Run} and
 * {@code compat/delay.cpp}), one loop a datagram: it reads the clock, adds to {@code delay} the
 * target gap less the time the last loop took (only while that is positive or {@code delay} is),
 * writes the datagram (which may block on a full socket), and then, if {@code delay} is positive,
 * spins that long in {@code delay_loop}, reading the clock until the time has passed. So a
 * sender ahead of its rate holds its CPU while it waits, one that a block set behind sends back
 * to back until it has caught up (if it was ahead when it blocked), and one already behind lets a
 * slow loop's lateness go. The target is whole microseconds ({@code delay_target}, an int).
 */
final class Iperf2Pacing {

    private final long targetNanos;
    private long lastStamp = Long.MIN_VALUE;
    private long delayNanos;
    /** Whether this loop has read the clock; when the busy wait after the last write ends. */
    private boolean clockRead;
    private long spinUntil;

    /** @param targetNanos iperf's {@code delay_target}: the datagram's bits over the rate, in whole microseconds */
    Iperf2Pacing(long targetNanos) {
        if (targetNanos < 0 || targetNanos % 1000 != 0) {
            throw new IllegalArgumentException("iperf's target gap is whole microseconds, got " + targetNanos + " ns");
        }
        this.targetNanos = targetNanos;
    }

    /** A loop begins at {@code now}: the clock read before the write, and {@code delay} adjusted. */
    void loopBegins(long now) {
        if (lastStamp != Long.MIN_VALUE) {
            long adjust = targetNanos - (now - lastStamp);
            if (adjust > 0 || delayNanos > 0) {
                delayNanos += adjust;
            }
        }
        lastStamp = now;
    }

    /** How long the loop spins after its write: {@code delay} if positive, else 0. */
    long spinNanos() {
        return Math.max(0, delayNanos);
    }

    /** The loop is ready to write at {@code now}: it reads the clock once, before the write, which may block. */
    void readyToWrite(long now) {
        if (!clockRead) {
            loopBegins(now);
            clockRead = true;
        }
    }

    /** The loop's write ended at {@code end}: it spins from then while {@code delay} is positive. */
    void written(long end) {
        clockRead = false;
        spinUntil = end + spinNanos();
    }

    /** What is left at {@code now} of the busy wait after the last write. */
    long spinLeft(long now) {
        return Math.max(0, spinUntil - now);
    }
}
