package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.PacketQueue;

/**
 * The packets a job took, as segments of equal packets with their per-packet cost, released
 * where the job's owner sends them ({@link Delivery}) when the CPU has done them. The job is
 * split into parts of {@code partPackets} packets ({@link #nextPart}); each part's packets are
 * released by the part's own event, spread evenly over the time the part took by what each
 * cost. With exact timing a part is one packet, released at the end of its part; with trains
 * a part is a train, so a job of 64 packets costs a few events, not 64. Work whose output the
 * real code hands over in one go at the end of a batch (netback pushes its ring responses and
 * notifies the guest once per run) releases everything when the job ends ({@link #atEnd}).
 */
public final class JobOutput {

    /** Where the job's owner sends {@code n} packets of segment {@code segment}, the first ready at {@code first}. */
    public interface Delivery {
        void deliver(int segment, int n, long first, long step);
    }

    private final PacketQueue taken;
    private final boolean batched;
    private int[] counts = new int[16];
    private double[] perPacket = new double[16];
    private int segments;
    private int packets;
    private double total;
    private double overhead;
    private double scale;
    private int partPackets;
    /**
     * Packets covered by the parts handed out, by the parts that ended (the executor asks for
     * the next part before it reports the last one done), and released; where the next part
     * and release begin.
     */
    private int given;
    private int ended;
    private int released;
    private int partSegment;
    private int partIndex;
    private int releaseSegment;
    private int releaseIndex;
    /** When the part not yet released began. */
    private long partStart;

    /** Output released as the CPU has done it. */
    public JobOutput(String name) {
        this(name, false);
    }

    private JobOutput(String name, boolean batched) {
        this.taken = PacketQueue.unbounded(name);
        this.batched = batched;
    }

    /** Output released all at once when the job ends. */
    public static JobOutput atEnd(String name) {
        return new JobOutput(name, true);
    }

    public PacketQueue taken() {
        return taken;
    }

    public void clear() {
        segments = 0;
        packets = 0;
        total = 0;
        given = 0;
        ended = 0;
        released = 0;
        partSegment = 0;
        partIndex = 0;
        releaseSegment = 0;
        releaseIndex = 0;
    }

    /** Moves {@code n} packets from the head of {@code from}, each costing {@code cost}. */
    public void take(PacketQueue from, int n, double cost, long now) {
        from.moveHeadTo(taken, n, now, 0);
        if (segments == counts.length) {
            counts = java.util.Arrays.copyOf(counts, segments * 2);
            perPacket = java.util.Arrays.copyOf(perPacket, segments * 2);
        }
        counts[segments] = n;
        perPacket[segments] = cost;
        segments++;
        packets += n;
        total += n * cost;
    }

    /**
     * The work of the job beginning at {@code now}: {@code overheadNs} before any packet, then
     * every packet's cost, all scaled by {@code noise}, released in parts of {@code partOf} packets.
     */
    public double work(long now, double overheadNs, double noise, int partOf) {
        this.partStart = now;
        this.overhead = overheadNs;
        this.scale = noise;
        this.partPackets = partOf;
        return (overheadNs + total) * noise;
    }

    /**
     * The work from the end of the last part to the end of the next one (the overhead comes
     * before the first), or 0 when what is left ends with the job.
     */
    public double nextPart() {
        ended = given;
        if (batched || packets - given <= partPackets) {
            return 0;
        }
        double work = given == 0 ? overhead : 0;
        for (int left = partPackets; left > 0; ) {
            int n = Math.min(left, counts[partSegment] - partIndex);
            work += n * perPacket[partSegment];
            left -= n;
            partIndex += n;
            if (partIndex == counts[partSegment]) {
                partSegment++;
                partIndex = 0;
            }
        }
        given += partPackets;
        return work * scale;
    }

    /** A part ended at {@code now}: releases its packets. */
    public void partDone(long now, Delivery to) {
        release(ended, now, to);
    }

    /** The job is done at {@code end}: releases what it has not released yet. */
    public void finish(long end, Delivery to) {
        if (batched) {
            for (int k = 0; k < segments; k++) {
                to.deliver(k, counts[k], end, 0);
            }
            return;
        }
        release(packets, end, to);
    }

    /**
     * Releases packets up to {@code upTo}, spread over the part from {@code partStart} to
     * {@code end} by what each cost; the last is released at {@code end} itself.
     */
    private void release(int upTo, long end, Delivery to) {
        double work = released == 0 ? overhead : 0;
        int segment = releaseSegment;
        int index = releaseIndex;
        for (int left = upTo - released; left > 0; ) {
            int n = Math.min(left, counts[segment] - index);
            work += n * perPacket[segment];
            left -= n;
            index = 0;
            segment++;
        }
        double timeScale = (end - partStart) / Math.max(1e-9, work);
        double done = released == 0 ? overhead : 0;
        while (released < upTo) {
            int n = Math.min(upTo - released, counts[releaseSegment] - releaseIndex);
            double cost = perPacket[releaseSegment];
            long step = (long) (cost * timeScale);
            long first = released + n == upTo ? end - (n - 1) * step
                    : Math.min(end, partStart + (long) ((done + cost) * timeScale));
            to.deliver(releaseSegment, n, first, step);
            done += n * cost;
            released += n;
            releaseIndex += n;
            if (releaseIndex == counts[releaseSegment]) {
                releaseSegment++;
                releaseIndex = 0;
            }
        }
        partStart = end;
    }
}
