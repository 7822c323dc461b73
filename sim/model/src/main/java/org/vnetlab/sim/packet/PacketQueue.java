package org.vnetlab.sim.packet;

import java.util.function.BooleanSupplier;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A bounded FIFO of packets, stored as trains ({@link Train}): runs of packets of one kind,
 * flow and size whose ready times, send stamps and sequence numbers step evenly. A batch of
 * equal packets that a job emits is one train, so moving it costs the same for 1 or 64
 * packets; a packet that does not continue the last train starts a new one. Storage is
 * primitive arrays: moving packets never allocates (the train table grows, rarely, to the most
 * trains ever queued).
 *
 * <p>A packet offered to a full queue is dropped and counted under the queue's trace name
 * (e.g. {@code host.nic.rx.drop}), which tests, results and the planner all read.
 */
public final class PacketQueue {

    private final String dropTrace;
    private final int capacity;
    /**
     * A train takes {@link #STRIDE} adjacent longs of {@link #data}, a field each, so storing or
     * reading it touches a cache line or two, not one per field: with many guests a packet goes
     * through a few queues of its guest's, which are mostly out of the first-level cache.
     */
    private static final int STRIDE = 8;
    private static final int READY = 0;
    private static final int READY_STEP = 1;
    private static final int STAMP = 2;
    private static final int STAMP_STEP = 3;
    private static final int SEQ = 4;
    private static final int ACK = 5;
    /** The packets left in the train (low 32 bits) and its kind's {@link PacketKind#index()} (high). */
    private static final int COUNT_KIND = 6;
    /** The packets' payload (low 32 bits) and flow (high). */
    private static final int PAYLOAD_FLOW = 7;
    /** Train slots, always a power of two so indices wrap with a mask. */
    private int slots = 8;
    private long[] data = new long[slots * STRIDE];
    private int head;
    private int trains;
    private int size;
    private long drops;
    private Runnable onNonEmpty;
    private BooleanSupplier readerWaiting;

    public PacketQueue(String dropTrace, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException(dropTrace + ": queue capacity must be positive, got " + capacity);
        }
        this.dropTrace = dropTrace;
        this.capacity = capacity;
    }

    /** A queue without a bound, for packets in flight. */
    public static PacketQueue unbounded(String name) {
        return new PacketQueue(name, Integer.MAX_VALUE);
    }

    /** Called when packets enter an empty queue: how a consumer is woken. */
    public void onNonEmpty(Runnable listener) {
        this.onNonEmpty = listener;
    }

    /**
     * Tells whether the consumer that {@link #onNonEmpty} wakes is asleep waiting for a packet
     * now, so that the next one should be handed over the moment it is done.
     */
    public void readerWaitingWhen(BooleanSupplier waiting) {
        this.readerWaiting = waiting;
    }

    /** Whether a consumer sleeps on this queue, waiting for its next packet. */
    public boolean readerWaiting() {
        return readerWaiting != null && readerWaiting.getAsBoolean();
    }

    public String dropTrace() {
        return dropTrace;
    }

    public int capacity() {
        return capacity;
    }

    /** Packets queued. */
    public int size() {
        return size;
    }

    public int room() {
        return capacity - size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size == capacity;
    }

    public long drops() {
        return drops;
    }

    /** Counts packets lost on the way here without storing them. */
    public void drop(long n) {
        drops += n;
    }

    /** Appends {@code t}, dropping the packets that do not fit. Returns how many were stored. */
    public int offer(Train t) {
        return store(t.ready(), t.readyStep(), t.stamp(), t.stampStep(), t.count(), t.payload(), t.flow(), t.seq(),
                t.ack(), t.kind());
    }

    /** Appends a train given field by field (for this package's queues), dropping what does not fit. */
    int store(long ready0, long rStep, long stamp0, long sStep, int n, int payloadBytes, int flowId,
                      long seq0, long ackNo, PacketKind packetKind) {
        int stored = Math.min(n, capacity - size);
        drops += n - stored;
        if (stored == 0) {
            return 0;
        }
        boolean wasEmpty = size == 0;
        if (!extendTail(ready0, rStep, stamp0, sStep, stored, payloadBytes, flowId, seq0, ackNo, packetKind)) {
            if (trains == slots) {
                grow();
            }
            int b = base((head + trains) & (slots - 1));
            data[b + READY] = ready0;
            data[b + READY_STEP] = rStep;
            data[b + STAMP] = stamp0;
            data[b + STAMP_STEP] = sStep;
            data[b + SEQ] = seq0;
            data[b + ACK] = ackNo;
            data[b + COUNT_KIND] = countKind(stored, packetKind.index());
            data[b + PAYLOAD_FLOW] = payloadFlow(payloadBytes, flowId);
            trains++;
        }
        size += stored;
        if (wasEmpty && onNonEmpty != null) {
            onNonEmpty.run();
        }
        return stored;
    }

    private boolean extendTail(long ready0, long rStep, long stamp0, long sStep, int n, int payloadBytes, int flowId,
                               long seq0, long ackNo, PacketKind packetKind) {
        if (trains == 0) {
            return false;
        }
        int t = base((head + trains - 1) & (slots - 1));
        int count = count(t);
        if (data[t + PAYLOAD_FLOW] != payloadFlow(payloadBytes, flowId) || kind(t) != packetKind.index()
                || data[t + ACK] != ackNo || data[t + SEQ] + count != seq0) {
            return false;
        }
        long nextReady = data[t + READY] + count * data[t + READY_STEP];
        long nextStamp = data[t + STAMP] + count * data[t + STAMP_STEP];
        if (count == 1) {
            long rs = ready0 - data[t + READY];
            long ss = stamp0 - data[t + STAMP];
            if (rs < 0 || (n > 1 && (rs != rStep || ss != sStep))) {
                return false;
            }
            data[t + READY_STEP] = rs;
            data[t + STAMP_STEP] = ss;
            data[t + COUNT_KIND] += n;
            return true;
        }
        if (ready0 != nextReady || stamp0 != nextStamp
                || (n > 1 && (rStep != data[t + READY_STEP] || sStep != data[t + STAMP_STEP]))) {
            return false;
        }
        data[t + COUNT_KIND] += n;
        return true;
    }

    // --- the head train ---

    /** Reads the head train into {@code into} (which the caller owns) and returns it. */
    public Train head(Train into) {
        checkNotEmpty();
        int h = base(head);
        return into.of(PacketKind.ofIndex(kind(h)), payload(h), flow(h)).readyAt(data[h + READY])
                .readyEvery(data[h + READY_STEP]).stampedAt(data[h + STAMP]).stampedEvery(data[h + STAMP_STEP])
                .seq(data[h + SEQ]).ack(data[h + ACK]).count(count(h));
    }

    /** Packets left in the head train. */
    public int headCount() {
        return count(base(head));
    }

    public long headReady() {
        return data[base(head) + READY];
    }

    /**
     * Whether a packet is held and the oldest is ready by {@code now}; if it is held for later,
     * {@code recheck} is scheduled (or moved earlier) to its time, so its reader looks again then.
     */
    public boolean headReadyBy(long now, Kernel kernel, Event recheck) {
        if (isEmpty()) {
            return false;
        }
        long at = data[base(head) + READY];
        if (at > now) {
            if (!recheck.isScheduled() || recheck.time() > at) {
                kernel.scheduleAt(recheck, at);
            }
            return false;
        }
        return true;
    }

    /** When the oldest packet held was ready, or {@code now} if none is (or it is not yet ready). */
    public long readySince(long now) {
        return isEmpty() ? now : Math.min(now, data[base(head) + READY]);
    }

    public long headStamp() {
        return data[base(head) + STAMP];
    }

    public long headSeq() {
        return data[base(head) + SEQ];
    }

    public int headPayload() {
        return payload(base(head));
    }

    public int headFlow() {
        return flow(base(head));
    }

    public PacketKind headKind() {
        return PacketKind.ofIndex(kind(base(head)));
    }

    /** Removes the first {@code n} packets of the head train. */
    public void removeHead(int n) {
        int h = base(head);
        if (size == 0 || n > count(h) || n < 0) {
            throw new IllegalStateException(dropTrace + ": remove " + n + " from a head train of "
                    + (size == 0 ? 0 : count(h)));
        }
        data[h + COUNT_KIND] -= n;
        size -= n;
        if (count(h) == 0) {
            head = (head + 1) & (slots - 1);
            trains--;
        } else {
            data[h + READY] += n * data[h + READY_STEP];
            data[h + STAMP] += n * data[h + STAMP_STEP];
            data[h + SEQ] += n;
        }
    }

    /** Removes the head packet. */
    public void removeHead() {
        removeHead(1);
    }

    /**
     * Moves the first {@code n} packets of the head train to {@code to}, the first ready there
     * at {@code firstReady}, the others one every {@code step} ns. Returns how many {@code to} stored.
     */
    public int moveHeadTo(PacketQueue to, int n, long firstReady, long step) {
        int h = base(head);
        int stored = to.store(firstReady, step, data[h + STAMP], data[h + STAMP_STEP], n, payload(h), flow(h),
                data[h + SEQ], data[h + ACK], PacketKind.ofIndex(kind(h)));
        removeHead(n);
        return stored;
    }

    /** How many packets of the head train are ready by {@code now}. */
    public int headReadyBy(long now) {
        int h = base(head);
        if (size == 0 || data[h + READY] > now) {
            return 0;
        }
        long step = data[h + READY_STEP];
        return step == 0 ? count(h) : (int) Math.min(count(h), (now - data[h + READY]) / step + 1);
    }

    private void checkNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException(dropTrace + ": the queue is empty");
        }
    }

    /** Where slot {@code slot}'s fields begin in {@link #data}. */
    private static int base(int slot) {
        return slot * STRIDE;
    }

    private int count(int base) {
        return (int) data[base + COUNT_KIND];
    }

    private int kind(int base) {
        return (int) (data[base + COUNT_KIND] >>> 32);
    }

    private int payload(int base) {
        return (int) data[base + PAYLOAD_FLOW];
    }

    private int flow(int base) {
        return (int) (data[base + PAYLOAD_FLOW] >>> 32);
    }

    /** A count (never negative, so adding to or taking from it leaves the kind) with its kind. */
    private static long countKind(int count, int kind) {
        return ((long) kind << 32) | count;
    }

    private static long payloadFlow(int payload, int flow) {
        return ((long) flow << 32) | (payload & 0xffffffffL);
    }

    private void grow() {
        int n = slots * 2;
        long[] unwrapped = new long[n * STRIDE];
        for (int k = 0; k < trains; k++) {
            System.arraycopy(data, base((head + k) & (slots - 1)), unwrapped, base(k), STRIDE);
        }
        data = unwrapped;
        head = 0;
        slots = n;
    }
}
