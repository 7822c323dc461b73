package org.vnetlab.live.data;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one side of a test moved so far: payload bytes and datagrams, and when the first and the
 * last arrived or left. Written by one data thread (ordered stores, no locks), read by any.
 */
public final class Tally {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();

    /** Records {@code n} payload bytes in one datagram (or one read) at {@code now}. */
    public void add(long n, long now, boolean datagram) {
        if (packets.get() == 0 && bytes.get() == 0) {
            firstNanos.lazySet(now);
        }
        lastNanos.lazySet(now);
        if (datagram) {
            packets.lazySet(packets.get() + 1);
        }
        bytes.lazySet(bytes.get() + n);
    }

    public long bytes() {
        return bytes.get();
    }

    public long packets() {
        return packets.get();
    }

    /** Nanoseconds from the first to the last byte; 0 before two arrivals. */
    public long spanNanos() {
        return bytes.get() == 0 ? 0 : lastNanos.get() - firstNanos.get();
    }
}
