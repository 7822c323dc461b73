package org.vnetlab.live.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;
import org.vnetlab.core.units.DataRate;

/**
 * Sends a test's datagrams on a connected channel at a target payload rate for a duration. Datagram
 * {@code n} is due at {@code start + n * interval}; a sender behind schedule sends at once, one
 * ahead sleeps (or spins for the last few microseconds). Allocation-free per datagram. {@link #stop()}
 * wakes a sleeping sender at once, however far off its next datagram was.
 */
public final class UdpPacedSender {

    private static final long SPIN_NANOS = 20_000;

    private final DatagramChannel channel;
    private final ByteBuffer datagram;
    private final double intervalNanos;
    private final Tally tally = new Tally();
    private volatile boolean stopped;
    private volatile Thread sending;

    public UdpPacedSender(DatagramChannel channel, long token, int payload, DataRate rate) {
        this.channel = channel;
        this.datagram = DataHeader.datagram(token, payload);
        this.intervalNanos = payload * 8e9 / rate.bitsPerSecond();
    }

    /** Sends for {@code durationNanos} (or until {@link #stop()}); returns datagrams sent. */
    public long run(long durationNanos) throws IOException {
        sending = Thread.currentThread();
        long start = System.nanoTime();
        long end = start + durationNanos;
        int payload = datagram.capacity();
        long n = 0;
        try {
            while (!stopped) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                long due = start + (long) (n * intervalNanos);
                if (now < due) {
                    long wait = due - now;
                    if (wait > SPIN_NANOS) {
                        LockSupport.parkNanos(wait - SPIN_NANOS / 2);
                    } else {
                        Thread.onSpinWait();
                    }
                    continue;
                }
                DataHeader.sequence(datagram, n);
                channel.write(datagram);
                n++;
                tally.add(payload, now, true);
            }
        } catch (ClosedChannelException e) {
            // stopped from outside
        } finally {
            sending = null;
        }
        return n;
    }

    /** Ends {@link #run} soon, from any thread: a sender asleep until its next datagram is woken. */
    public void stop() {
        stopped = true;
        LockSupport.unpark(sending);
    }

    public Tally tally() {
        return tally;
    }
}
