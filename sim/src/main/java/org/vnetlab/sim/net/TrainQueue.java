package org.vnetlab.sim.net;

import java.util.Arrays;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * Packets on a wire, in flight towards a NIC, stored as trains: runs of packets of one flow
 * and size arriving at evenly spaced times. A paced stream behind a saturated link is one long
 * train, so a flood of small packets that the receiver drops costs O(1) per train rather than
 * per packet; a TCP segment or a probe is a train of one. Order and times stay exact.
 */
final class TrainQueue {

    private int capacity = 64;
    private long[] firstArrival = new long[capacity];
    private long[] spacing = new long[capacity];
    private long[] firstStamp = new long[capacity];
    private long[] stampSpacing = new long[capacity];
    private long[] firstSeq = new long[capacity];
    private long[] ack = new long[capacity];
    private int[] count = new int[capacity];
    private int[] taken = new int[capacity];
    private int[] payload = new int[capacity];
    private int[] flow = new int[capacity];
    private int[] flags = new int[capacity];
    private int head;
    private int size;
    private long pending;

    boolean isEmpty() {
        return size == 0;
    }

    /** Packets still in flight. */
    long pending() {
        return pending;
    }

    /**
     * Appends one packet arriving at {@code arrival}; it joins the last train when it continues
     * that train's spacing, flow, size, sequence and stamps.
     */
    void push(long arrival, long stamp, int payloadBytes, int flowId, long seq, long ackNo, int flagBits) {
        if (size > 0) {
            int t = (head + size - 1) % capacity;
            if (payload[t] == payloadBytes && flow[t] == flowId && flags[t] == flagBits && ack[t] == ackNo
                    && firstSeq[t] + count[t] == seq) {
                long lastArrival = firstArrival[t] + (count[t] - 1) * spacing[t];
                long lastStamp = firstStamp[t] + (count[t] - 1) * stampSpacing[t];
                if (count[t] == 1 && arrival >= lastArrival) {
                    spacing[t] = arrival - lastArrival;
                    stampSpacing[t] = stamp - lastStamp;
                    count[t]++;
                    pending++;
                    return;
                }
                if (arrival - lastArrival == spacing[t] && stamp - lastStamp == stampSpacing[t]) {
                    count[t]++;
                    pending++;
                    return;
                }
            }
        }
        if (size == capacity) {
            grow();
        }
        int i = (head + size) % capacity;
        firstArrival[i] = arrival;
        spacing[i] = 0;
        firstStamp[i] = stamp;
        stampSpacing[i] = 0;
        firstSeq[i] = seq;
        ack[i] = ackNo;
        count[i] = 1;
        taken[i] = 0;
        payload[i] = payloadBytes;
        flow[i] = flowId;
        flags[i] = flagBits;
        size++;
        pending++;
    }

    /** Arrival time of the {@code n}-th packet still in flight (0 = next), or Long.MAX_VALUE. */
    long arrivalOf(long n) {
        for (int k = 0; k < size; k++) {
            int i = (head + k) % capacity;
            int left = count[i] - taken[i];
            if (n < left) {
                return firstArrival[i] + (taken[i] + n) * spacing[i];
            }
            n -= left;
        }
        return Long.MAX_VALUE;
    }

    /**
     * Moves every packet that has arrived by {@code now} into {@code ring}; those that find it
     * full are dropped there (counted on the ring's trace).
     */
    void admit(long now, PacketQueue ring) {
        while (size > 0) {
            int i = head;
            while (taken[i] < count[i]) {
                int j = taken[i];
                long at = firstArrival[i] + j * spacing[i];
                if (at > now) {
                    return;
                }
                if (ring.isFull()) {
                    long arrived = spacing[i] == 0 ? count[i] - j
                            : Math.min(count[i] - j, (now - at) / spacing[i] + 1);
                    ring.drop(arrived);
                    taken[i] += (int) arrived;
                    pending -= arrived;
                    continue;
                }
                ring.offer(at, firstStamp[i] + j * stampSpacing[i], payload[i], flow[i], firstSeq[i] + j, ack[i],
                        flags[i]);
                taken[i]++;
                pending--;
            }
            head = (head + 1) % capacity;
            size--;
        }
    }

    private void grow() {
        int n = capacity * 2;
        firstArrival = unwrap(firstArrival, n);
        spacing = unwrap(spacing, n);
        firstStamp = unwrap(firstStamp, n);
        stampSpacing = unwrap(stampSpacing, n);
        firstSeq = unwrap(firstSeq, n);
        ack = unwrap(ack, n);
        count = unwrap(count, n);
        taken = unwrap(taken, n);
        payload = unwrap(payload, n);
        flow = unwrap(flow, n);
        flags = unwrap(flags, n);
        head = 0;
        capacity = n;
    }

    private long[] unwrap(long[] a, int n) {
        long[] b = new long[n];
        for (int k = 0; k < size; k++) {
            b[k] = a[(head + k) % capacity];
        }
        return b;
    }

    private int[] unwrap(int[] a, int n) {
        int[] b = Arrays.copyOf(new int[0], n);
        for (int k = 0; k < size; k++) {
            b[k] = a[(head + k) % capacity];
        }
        return b;
    }
}
