package org.vnetlab.live.emulate;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real datagrams between the edge that receives them and the model that carries them. Slot
 * {@code seq & mask} keeps datagram {@code seq}'s bytes, source and arrival time from its
 * arrival until it leaves the emulator: the model carries only its number. One producer (an
 * edge's receive thread) and one consumer (the pacing thread).
 *
 * <p>A slot is reused {@code slots} datagrams later. That is far more than the model can hold at
 * once (its queues are bounded: rings, qdisc, sockets), so a datagram still inside the model is
 * not overwritten in practice; if one ever is, it is counted and not sent
 * ({@link #STALE}). Arrivals that find every slot still waiting to enter the model are dropped
 * ({@link #OVERFLOW}).
 */
public final class IngressRing {

    /** Trace of datagrams dropped because the model fell behind the receiver by a whole ring. */
    public static final String OVERFLOW = "emulator.ingress.drop";
    /** Trace of datagrams whose slot was reused before the model released them. */
    public static final String STALE = "emulator.slot.stale";
    /** Trace of datagrams larger than a slot, dropped rather than sent on cut. */
    public static final String OVERSIZE = "emulator.ingress.oversize";

    private final int mask;
    private final ByteBuffer[] data;
    private final SocketAddress[] source;
    private final long[] arrival;
    private final long[] seqOf;
    private final AtomicLong published = new AtomicLong();
    private volatile long consumed;
    private long overflow;
    private long oversize;

    /** The ring's memory could not be had: more than one buffer holds, or than the JVM's direct memory allows. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * A ring of {@code slots} datagrams of fewer than {@code slotBytes} bytes each.
     *
     * @throws TooLarge when slots x slotBytes of direct memory cannot be had (said in one line)
     */
    public IngressRing(int slots, int slotBytes) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("emulator slots must be a power of two, got " + slots);
        }
        mask = slots - 1;
        data = new ByteBuffer[slots];
        source = new SocketAddress[slots];
        arrival = new long[slots];
        seqOf = new long[slots];
        ByteBuffer memory = allocate(slots, slotBytes);
        for (int i = 0; i < slots; i++) {
            data[i] = memory.slice(i * slotBytes, slotBytes);
            seqOf[i] = -1;
        }
    }

    /**
     * All slots' memory in one direct buffer. One allocation, so that running out is known at once
     * and leaves nothing half made: the JVM's direct memory limit (-XX:MaxDirectMemorySize, by
     * default the heap's maximum) is not public, so trying is the only sure check, and a failed
     * reservation allocates nothing, which makes its OutOfMemoryError safe to turn into a message.
     */
    private static ByteBuffer allocate(int slots, int slotBytes) {
        long bytes = (long) slots * slotBytes;
        String needs = String.format(Locale.ROOT, "the emulator's ingress ring needs %d MiB of direct memory (%d slots"
                + " of %d B)", bytes >> 20, slots, slotBytes);
        if (bytes > Integer.MAX_VALUE) {
            throw new TooLarge(needs + ", more than one buffer holds (2 GiB)");
        }
        try {
            return ByteBuffer.allocateDirect((int) bytes);
        } catch (OutOfMemoryError e) {
            throw new TooLarge(needs + ", more than the JVM allows (-XX:MaxDirectMemorySize)");
        }
    }

    // --- producer ---

    /** The buffer the next datagram is received into (cleared), or null when the ring is full. */
    public ByteBuffer claim() {
        long seq = published.get();
        if (seq - consumed > mask) {
            return null;
        }
        ByteBuffer b = data[(int) (seq & mask)];
        b.clear();
        return b;
    }

    /** A datagram that could not be kept: counted under {@link #OVERFLOW}. */
    public void overflowed() {
        overflow++;
    }

    /** A datagram too large for its slot: counted under {@link #OVERSIZE}. */
    public void oversized() {
        oversize++;
    }

    /** The claimed buffer holds a datagram from {@code from} that arrived at {@code nanoTime}. */
    public void publish(SocketAddress from, long nanoTime) {
        long seq = published.get();
        int i = (int) (seq & mask);
        data[i].flip();
        source[i] = from;
        arrival[i] = nanoTime;
        seqOf[i] = seq;
        published.lazySet(seq + 1);
    }

    // --- consumer ---

    /** Datagrams published and not yet taken by the model. */
    public boolean hasPending() {
        return published.get() != consumed;
    }

    public long published() {
        return published.get();
    }

    /** The next datagram for the model; call {@link #taken()} after reading it. */
    public long nextSeq() {
        return consumed;
    }

    public long arrivalOf(long seq) {
        return arrival[(int) (seq & mask)];
    }

    public int lengthOf(long seq) {
        return data[(int) (seq & mask)].remaining();
    }

    public void taken() {
        consumed = consumed + 1;
    }

    /** Whether datagram {@code seq} still has its slot (not yet reused). */
    public boolean holds(long seq) {
        return seqOf[(int) (seq & mask)] == seq;
    }

    /** The datagram's bytes, positioned for sending (a duplicate view: sending does not consume it). */
    public ByteBuffer bytesOf(long seq) {
        return data[(int) (seq & mask)].duplicate();
    }

    public SocketAddress sourceOf(long seq) {
        return source[(int) (seq & mask)];
    }

    /** Datagrams dropped because the ring was full. */
    public long overflows() {
        return overflow;
    }

    /** Datagrams dropped because they did not fit a slot. */
    public long oversizes() {
        return oversize;
    }
}
