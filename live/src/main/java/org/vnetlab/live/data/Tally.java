package org.vnetlab.live.data;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one side of a test moved so far: payload bytes and datagrams, and when the first and the
 * last arrived or left. Written by one data thread (ordered stores, no locks), read by any.
 * {@link #counts()} reads bytes and datagrams as one pair: read one by one, a reader racing the
 * writer could see a datagram counted without its bytes, and an honest interval would then hold a
 * fraction of a datagram (a client checking intervals refused one so).
 */
public final class Tally {

    /** Bytes and datagrams as of one moment. */
    public record Counts(long bytes, long packets) {
    }

    /** Odd while the writer updates the counts (a sequence lock for one writer). */
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();

    /** Records {@code n} payload bytes in one datagram (or one read) at {@code now}. */
    public void add(long n, long now, boolean datagram) {
        long v = version.get();
        version.lazySet(v + 1);
        VarHandle.storeStoreFence();
        if (packets.get() == 0 && bytes.get() == 0) {
            firstNanos.lazySet(now);
        }
        lastNanos.lazySet(now);
        if (datagram) {
            packets.lazySet(packets.get() + 1);
        }
        bytes.lazySet(bytes.get() + n);
        version.lazySet(v + 2);
    }

    public long bytes() {
        return bytes.get();
    }

    public long packets() {
        return packets.get();
    }

    /** Bytes and datagrams counted together: never a datagram without its bytes, nor bytes without theirs. */
    public Counts counts() {
        while (true) {
            long before = version.get();
            long b = bytes.get();
            long p = packets.get();
            if ((before & 1) == 0 && version.get() == before) {
                return new Counts(b, p);
            }
            Thread.onSpinWait();
        }
    }

    /** Nanoseconds from the first to the last byte; 0 before two arrivals. */
    public long spanNanos() {
        return bytes.get() == 0 ? 0 : lastNanos.get() - firstNanos.get();
    }
}
