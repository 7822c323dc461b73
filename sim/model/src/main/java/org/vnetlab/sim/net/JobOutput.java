package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.PacketQueue;

/**
 * The packets a job took, as segments of equal packets with their per-packet cost, so that
 * when the job ends each packet can be released at the time its own share of the work was
 * done: segment k's packets finish evenly spread over the part of the job they cost.
 */
final class JobOutput {

    private final PacketQueue taken;
    private int[] counts = new int[16];
    private double[] perPacket = new double[16];
    private int segments;
    private double total;
    private long[] first = new long[16];
    private long[] steps = new long[16];

    JobOutput(String name) {
        this.taken = PacketQueue.unbounded(name);
    }

    PacketQueue taken() {
        return taken;
    }

    void clear() {
        segments = 0;
        total = 0;
    }

    /** Moves {@code n} packets from the head of {@code from}, each costing {@code cost}. */
    void take(PacketQueue from, int n, double cost, long now) {
        from.moveHeadTo(taken, n, now, 0);
        if (segments == counts.length) {
            counts = java.util.Arrays.copyOf(counts, segments * 2);
            perPacket = java.util.Arrays.copyOf(perPacket, segments * 2);
        }
        counts[segments] = n;
        perPacket[segments] = cost;
        segments++;
        total += n * cost;
    }

    /** CPU work of everything taken, ns at speed 1.0. */
    double total() {
        return total;
    }

    int segments() {
        return segments;
    }

    int count(int k) {
        return counts[k];
    }

    /**
     * Spreads the job, which ran from {@code start} to {@code end} and spent {@code overhead}
     * (ns at speed 1.0) before any packet, over the segments: afterwards {@link #first(int)} and
     * {@link #step(int)} say when each segment's packets are done.
     */
    void spread(long start, long end, double overhead) {
        if (first.length < counts.length) {
            first = new long[counts.length];
            steps = new long[counts.length];
        }
        double scale = (end - start) / Math.max(1e-9, total + overhead);
        double done = overhead;
        for (int k = 0; k < segments; k++) {
            steps[k] = (long) (perPacket[k] * scale);
            first[k] = Math.min(end, start + (long) ((done + perPacket[k]) * scale));
            done += counts[k] * perPacket[k];
        }
    }

    long first(int k) {
        return first[k];
    }

    long step(int k) {
        return steps[k];
    }
}
