package org.vnetlab.sim.packet;

/**
 * A bounded FIFO of packets, stored field by field in primitive arrays so that moving a packet
 * never allocates. A packet offered to a full queue is dropped and counted under the queue's
 * trace name (e.g. {@code nic.rx.drop}), which tests, results and the planner all read.
 *
 * <p>Each packet carries: {@code ready}, the time it became available here (packets enter in
 * batches whose members finish at their own times); {@code stamp}, its send time at the source
 * (for RTT and latency); {@code payload} bytes; {@code flow}, the stream it belongs to;
 * {@code seq} and {@code ack} numbers; and {@code flags} (see {@link Packets}).
 */
public final class PacketQueue {

    private final String dropTrace;
    private final int capacity;
    private final long[] ready;
    private final long[] stamp;
    private final long[] seq;
    private final long[] ack;
    private final int[] payload;
    private final int[] flow;
    private final int[] flags;
    private int head;
    private int size;
    private long drops;
    private long accepted;
    private Runnable onNonEmpty;

    public PacketQueue(String dropTrace, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException(dropTrace + ": queue capacity must be positive, got " + capacity);
        }
        this.dropTrace = dropTrace;
        this.capacity = capacity;
        ready = new long[capacity];
        stamp = new long[capacity];
        seq = new long[capacity];
        ack = new long[capacity];
        payload = new int[capacity];
        flow = new int[capacity];
        flags = new int[capacity];
    }

    /** Called when a packet enters an empty queue: how a consumer is woken. */
    public void onNonEmpty(Runnable listener) {
        this.onNonEmpty = listener;
    }

    public String dropTrace() {
        return dropTrace;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
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

    public long accepted() {
        return accepted;
    }

    /** Counts a packet lost on the way here without storing it (e.g. arrivals past a full ring). */
    public void drop(long count) {
        drops += count;
    }

    /** Appends a packet, or drops it when full. Returns whether it was stored. */
    public boolean offer(long readyAt, long stampAt, int payloadBytes, int flowId, long seqNo, long ackNo,
                         int flagBits) {
        if (size == capacity) {
            drops++;
            return false;
        }
        int i = (head + size) % capacity;
        ready[i] = readyAt;
        stamp[i] = stampAt;
        payload[i] = payloadBytes;
        flow[i] = flowId;
        seq[i] = seqNo;
        ack[i] = ackNo;
        flags[i] = flagBits;
        size++;
        accepted++;
        if (size == 1 && onNonEmpty != null) {
            onNonEmpty.run();
        }
        return true;
    }

    /** Moves the head packet to {@code to}, now available there at {@code readyAt}. */
    public boolean moveHeadTo(PacketQueue to, long readyAt) {
        int i = head;
        boolean stored = to.offer(readyAt, stamp[i], payload[i], flow[i], seq[i], ack[i], flags[i]);
        removeHead();
        return stored;
    }

    public void removeHead() {
        if (size == 0) {
            throw new IllegalStateException(dropTrace + ": remove from an empty queue");
        }
        head = (head + 1) % capacity;
        size--;
    }

    /** The {@code k}-th packet from the head (0 = head). */
    private int at(int k) {
        return (head + k) % capacity;
    }

    public long ready(int k) {
        return ready[at(k)];
    }

    public long stamp(int k) {
        return stamp[at(k)];
    }

    public int payload(int k) {
        return payload[at(k)];
    }

    public int flow(int k) {
        return flow[at(k)];
    }

    public long seq(int k) {
        return seq[at(k)];
    }

    public long ack(int k) {
        return ack[at(k)];
    }

    public int flags(int k) {
        return flags[at(k)];
    }

    /** How many packets from the head are available at {@code now}, at most {@code max}. */
    public int readyCount(long now, int max) {
        int n = Math.min(size, max);
        for (int k = 0; k < n; k++) {
            if (ready[at(k)] > now) {
                return k;
            }
        }
        return n;
    }
}
