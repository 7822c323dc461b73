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
    /** Train slots, always a power of two so indices wrap with a mask. */
    private int slots = 8;
    private long[] ready = new long[slots];
    private long[] readyStep = new long[slots];
    private long[] stamp = new long[slots];
    private long[] stampStep = new long[slots];
    private long[] seq = new long[slots];
    private long[] ack = new long[slots];
    private int[] count = new int[slots];
    private int[] payload = new int[slots];
    private int[] flow = new int[slots];
    /** By {@link PacketKind#index()}. */
    private int[] kind = new int[slots];
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
            int i = (head + trains) & (slots - 1);
            ready[i] = ready0;
            readyStep[i] = rStep;
            stamp[i] = stamp0;
            stampStep[i] = sStep;
            seq[i] = seq0;
            ack[i] = ackNo;
            count[i] = stored;
            payload[i] = payloadBytes;
            flow[i] = flowId;
            kind[i] = packetKind.index();
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
        int t = (head + trains - 1) & (slots - 1);
        if (payload[t] != payloadBytes || flow[t] != flowId || kind[t] != packetKind.index() || ack[t] != ackNo
                || seq[t] + count[t] != seq0) {
            return false;
        }
        long nextReady = ready[t] + count[t] * readyStep[t];
        long nextStamp = stamp[t] + count[t] * stampStep[t];
        if (count[t] == 1) {
            long rs = ready0 - ready[t];
            long ss = stamp0 - stamp[t];
            if (rs < 0 || (n > 1 && (rs != rStep || ss != sStep))) {
                return false;
            }
            readyStep[t] = rs;
            stampStep[t] = ss;
            count[t] += n;
            return true;
        }
        if (ready0 != nextReady || stamp0 != nextStamp || (n > 1 && (rStep != readyStep[t] || sStep != stampStep[t]))) {
            return false;
        }
        count[t] += n;
        return true;
    }

    // --- the head train ---

    /** Reads the head train into {@code into} (which the caller owns) and returns it. */
    public Train head(Train into) {
        checkNotEmpty();
        return into.of(PacketKind.ofIndex(kind[head]), payload[head], flow[head]).readyAt(ready[head]).readyEvery(readyStep[head])
                .stampedAt(stamp[head]).stampedEvery(stampStep[head]).seq(seq[head]).ack(ack[head])
                .count(count[head]);
    }

    /** Packets left in the head train. */
    public int headCount() {
        return count[head];
    }

    public long headReady() {
        return ready[head];
    }

    /**
     * Whether a packet is held and the oldest is ready by {@code now}; if it is held for later,
     * {@code recheck} is scheduled (or moved earlier) to its time, so its reader looks again then.
     */
    public boolean headReadyBy(long now, Kernel kernel, Event recheck) {
        if (isEmpty()) {
            return false;
        }
        long at = ready[head];
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
        return isEmpty() ? now : Math.min(now, ready[head]);
    }

    public long headStamp() {
        return stamp[head];
    }

    public long headSeq() {
        return seq[head];
    }

    public int headPayload() {
        return payload[head];
    }

    public int headFlow() {
        return flow[head];
    }

    public PacketKind headKind() {
        return PacketKind.ofIndex(kind[head]);
    }

    /** Removes the first {@code n} packets of the head train. */
    public void removeHead(int n) {
        if (size == 0 || n > count[head] || n < 0) {
            throw new IllegalStateException(dropTrace + ": remove " + n + " from a head train of "
                    + (size == 0 ? 0 : count[head]));
        }
        count[head] -= n;
        size -= n;
        if (count[head] == 0) {
            head = (head + 1) & (slots - 1);
            trains--;
        } else {
            ready[head] += n * readyStep[head];
            stamp[head] += n * stampStep[head];
            seq[head] += n;
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
        int stored = to.store(firstReady, step, stamp[head], stampStep[head], n, payload[head], flow[head], seq[head],
                ack[head], PacketKind.ofIndex(kind[head]));
        removeHead(n);
        return stored;
    }

    /** How many packets of the head train are ready by {@code now}. */
    public int headReadyBy(long now) {
        if (size == 0 || ready[head] > now) {
            return 0;
        }
        long step = readyStep[head];
        return step == 0 ? count[head] : (int) Math.min(count[head], (now - ready[head]) / step + 1);
    }

    private void checkNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException(dropTrace + ": the queue is empty");
        }
    }

    private void grow() {
        int n = slots * 2;
        ready = unwrap(ready, n);
        readyStep = unwrap(readyStep, n);
        stamp = unwrap(stamp, n);
        stampStep = unwrap(stampStep, n);
        seq = unwrap(seq, n);
        ack = unwrap(ack, n);
        count = unwrap(count, n);
        payload = unwrap(payload, n);
        flow = unwrap(flow, n);
        kind = unwrap(kind, n);
        head = 0;
        slots = n;
    }

    private long[] unwrap(long[] a, int n) {
        long[] b = new long[n];
        for (int k = 0; k < trains; k++) {
            b[k] = a[(head + k) & (slots - 1)];
        }
        return b;
    }

    private int[] unwrap(int[] a, int n) {
        int[] b = new int[n];
        for (int k = 0; k < trains; k++) {
            b[k] = a[(head + k) & (slots - 1)];
        }
        return b;
    }
}
