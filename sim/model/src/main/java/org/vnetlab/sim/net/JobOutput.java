package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.PacketKind;
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
 *
 * <p>A train must not hand a packet over later than a sleeping reader would take it: packet by
 * packet, the first packet for a reader asleep on its socket wakes it when it is done. So a
 * part ends at the first packet the owner's {@link HandOver} wants at once, and a part in
 * progress is cut short there when such a reader falls asleep meanwhile ({@link #shorten}).
 */
public final class JobOutput {

    /** Where the job's owner sends {@code n} packets of segment {@code segment}, the first ready at {@code first}. */
    public interface Delivery {
        void deliver(int segment, int n, long first, long step);
    }

    /** Whether a packet of {@code flow} and {@code kind} should be handed over as soon as it is done. */
    public interface HandOver {
        boolean wantsAtOnce(int flow, PacketKind kind);
    }

    private final PacketQueue taken;
    private final boolean batched;
    private HandOver handOver;
    private int[] counts = new int[16];
    private double[] perPacket = new double[16];
    private int[] flows = new int[16];
    private PacketKind[] kinds = new PacketKind[16];
    private int segments;
    private int packets;
    private double total;
    private int partPackets;
    /**
     * The CPU's speed, the job's work as the executor counts it, and how long the CPU takes over
     * each packet in whole ns, as exact timing's one part a packet does: each part ends at the
     * first ns by which it is done ({@link #nanosFor}). A segment's packets take {@code nanos}
     * each; the job's first {@code firstNanos} (the overhead with it), its last what the job has
     * left by then ({@link #lastNanos}), as the executor's remaining work counts it.
     */
    private double speed = 1;
    private double jobWork;
    private long[] nanos = new long[16];
    private long firstNanos;
    private long lastNanos = -1;
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
    /**
     * Work (as {@link #nextPart} counts it) done of the next part already when the part in
     * progress was cut short at what is done ({@link #shorten}): the next part is that much shorter,
     * and the part that ends released its packets by when each was done, not spread to its end.
     */
    private long doneAhead;
    /** Of the released packets, the CPU time their parts took, from the job's start (ns). */
    private long releasedNanos;
    /**
     * The work the part in progress was given (by {@link #nextPart} or {@link #shorten}) and how
     * far (ns) into its packets the CPU was then: with the work it has left, how far it is now.
     */
    private double partWork;
    private long partAhead;

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

    /** Parts end at the first packet {@code h} wants at once. */
    public void handOverAtOnce(HandOver h) {
        this.handOver = h;
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
        doneAhead = 0;
        releasedNanos = 0;
        partWork = 0;
        partAhead = 0;
        lastNanos = -1;
    }

    /** Moves {@code n} packets from the head of {@code from}, each costing {@code cost}. */
    public void take(PacketQueue from, int n, double cost, long now) {
        if (segments == counts.length) {
            counts = java.util.Arrays.copyOf(counts, segments * 2);
            perPacket = java.util.Arrays.copyOf(perPacket, segments * 2);
            flows = java.util.Arrays.copyOf(flows, segments * 2);
            kinds = java.util.Arrays.copyOf(kinds, segments * 2);
            nanos = java.util.Arrays.copyOf(nanos, segments * 2);
        }
        flows[segments] = from.headFlow();
        kinds[segments] = from.headKind();
        from.moveHeadTo(taken, n, now, 0);
        counts[segments] = n;
        perPacket[segments] = cost;
        segments++;
        packets += n;
        total += n * cost;
    }

    /**
     * The work of the job beginning at {@code now} on a CPU of {@code speed}: {@code overheadNs}
     * before any packet, then every packet's cost, all scaled by {@code noise}, released in parts
     * of {@code partOf} packets.
     */
    public double work(long now, double overheadNs, double noise, int partOf, double speed) {
        this.partStart = now;
        this.partPackets = partOf;
        this.speed = speed;
        this.jobWork = (overheadNs + total) * noise;
        // the same sums exact timing's parts make (overhead + cost, then cost, each times noise)
        for (int k = 0; k < segments; k++) {
            nanos[k] = nanosFor(perPacket[k] * noise);
        }
        firstNanos = packets == 1 ? nanosFor(jobWork) : nanosFor((overheadNs + perPacket[0]) * noise);
        return jobWork;
    }

    /** The whole ns the CPU takes over {@code work}: the executor's part ends at the first ns it is done by. */
    private long nanosFor(double work) {
        double ns = work / speed;
        long whole = (long) ns;
        return whole < ns ? whole + 1 : whole;
    }

    /**
     * Work the executor takes exactly {@code ns} over: {@code ns} times the speed, less a rounding
     * error that would make it ns and a fraction.
     */
    private double workOf(long ns) {
        double w = ns * speed;
        while (w > 0 && w / speed > ns) {
            w = Math.nextDown(w);
        }
        return w;
    }

    /**
     * The ns the job's last packet takes: what is left of the job's work after the others, each
     * taken off in whole ns as the executor's parts do packet by packet.
     */
    private long lastNanos() {
        if (lastNanos < 0) {
            double left = jobWork;
            int j = 0;
            for (int k = 0; k < segments && j < packets - 1; k++) {
                for (int i = 0; i < counts[k] && j < packets - 1; i++, j++) {
                    left = Math.max(0, left - (j == 0 ? firstNanos : nanos[k]) * speed);
                }
            }
            lastNanos = nanosFor(left);
        }
        return lastNanos;
    }

    /**
     * The CPU time (ns) of packets {@code from} to {@code upTo - 1}, packet {@code from} being
     * segment {@code segment}'s {@code index}-th.
     */
    private long nanosOf(int from, int segment, int index, int upTo) {
        long ns = 0;
        int j = from;
        for (int left = upTo - from; left > 0; ) {
            int n = Math.min(left, counts[segment] - index);
            ns += n * nanos[segment];
            if (j == 0) {
                ns += firstNanos - nanos[segment];
            }
            if (j + n == packets && packets > 1) {
                ns += lastNanos() - nanos[segment];
            }
            j += n;
            left -= n;
            index = 0;
            segment++;
        }
        return ns;
    }

    /**
     * The work from the end of the last part to the end of the next one (the overhead comes
     * before the first), or 0 when what is left ends with the job.
     */
    public double nextPart() {
        ended = given;
        if (batched) {
            return 0;
        }
        int part = untilWanted(partSegment, partIndex, Math.min(partPackets, packets - given));
        if (part == packets - given) {
            return 0;
        }
        long ns = nanosOf(given, partSegment, partIndex, given + part);
        for (int left = part; left > 0; ) {
            int n = Math.min(left, counts[partSegment] - partIndex);
            left -= n;
            partIndex += n;
            if (partIndex == counts[partSegment]) {
                partSegment++;
                partIndex = 0;
            }
        }
        given += part;
        partAhead = doneAhead;
        partWork = workOf(Math.max(0, ns - doneAhead));
        return partWork;
    }

    /**
     * Of at most {@code limit} packets from segment {@code segment}'s {@code index}-th on, how
     * many up to and including the first one wanted at once.
     */
    private int untilWanted(int segment, int index, int limit) {
        if (handOver == null) {
            return limit;
        }
        int n = 0;
        for (int s = segment; n < limit; s++) {
            if (handOver.wantsAtOnce(flows[s], kinds[s])) {
                return n + 1;
            }
            n += counts[s] - (s == segment ? index : 0);
        }
        return limit;
    }

    /**
     * The part in progress has {@code left} work still to do (as {@link #nextPart} counts it);
     * if a packet of it is wanted at once now, the part ends with that packet, or, if that is
     * done already, with what is done. Returns the work left to the new end, or {@code left}.
     * Cut at what is done, the part's packets are released by when each was done, and the work
     * the CPU did of the next packet meanwhile is taken off the next part ({@link #doneAhead}):
     * spread to the cut, they were stamped later than packet by packet, and a reader that had just
     * found its socket empty on a CPU that halted at that moment woke one wake-up latency later
     * instead of at once (vserver-double receiving 36 B, 0.5 s, trial 1: a frame for ctx2 done at
     * 4.0198 ms was stamped 4.0202, ctx2's reader ran again 5 us later, and the trial gave ctx1
     * 80.4 Mbit/s in trains against 81.5 exact, its socket dropping 17914 datagrams against 16147).
     */
    public double shorten(double left) {
        return shorten(left, false);
    }

    /**
     * A reader begins a job now: if a packet of the part in progress it wants ({@link HandOver})
     * is done already, the part ends with what is done, as {@link #shorten} cuts it, and this
     * returns 0; otherwise {@code left}, the part as it is.
     */
    public double releaseDone(double left) {
        return shorten(left, true);
    }

    private double shorten(double left, boolean doneOnly) {
        int end = given > ended ? given : packets;
        if (handOver == null || batched || end - ended <= 1) {
            return left;
        }
        int wanted = ended + untilWanted(releaseSegment, releaseIndex, end - ended);
        if (wanted >= end) {
            // none is wanted before the part's last packet, with which it ends anyway
            return left;
        }
        // how far (CPU ns) the CPU is into the part's packets: the CPU runs whole ns, so what a
        // part's work less what is left of it comes to is a whole number but for rounding errors
        long done = given > ended ? partAhead + Math.round((partWork - left) / speed)
                : Math.round((jobWork - left) / speed) - releasedNanos;
        int doneUpTo = ended;
        while (doneUpTo < end && nanosUpTo(doneUpTo + 1) <= done) {
            doneUpTo++;
        }
        if (doneOnly && wanted > doneUpTo) {
            return left;
        }
        int newEnd = Math.max(wanted, doneUpTo);
        if (newEnd >= end) {
            return left;
        }
        given = newEnd;
        long upTo = nanosUpTo(newEnd);
        // the CPU is into the packet after the last one done: that time belongs to the next part
        doneAhead = Math.max(0, done - upTo);
        // the segment of packet newEnd, looked for from the first packet not released (a job
        // that reads many flows has a segment a packet: walking from the job's first was most
        // of the work here)
        int segment = releaseSegment;
        int first = released - releaseIndex;
        while (first + counts[segment] <= newEnd) {
            first += counts[segment];
            segment++;
        }
        partSegment = segment;
        partIndex = newEnd - first;
        partAhead = done;
        partWork = upTo > done ? workOf(upTo - done) : 0;
        return partWork;
    }

    /**
     * The CPU time (ns) from the first packet not released yet (the start of the part in
     * progress) to the end of packet {@code upTo - 1}.
     */
    private long nanosUpTo(int upTo) {
        return nanosOf(released, releaseSegment, releaseIndex, upTo);
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
     * {@code end} by what each cost; the last is released at {@code end} itself, or, for a part
     * cut short at what is done, when it was done.
     */
    private void release(int upTo, long end, Delivery to) {
        long upToNanos = nanosUpTo(upTo);
        // the part took its packets' CPU time (and what it did of the next one, cut at what is
        // done): each packet is done when exact timing's part for it ends, as many whole ns
        // from the part's start. A part that took longer (its job paused) spreads the pause.
        long took = upToNanos + doneAhead;
        double timeScale = took > 0 && end - partStart > took ? (double) (end - partStart) / took : 1;
        // a part cut short at what is done ends when its last packet was done, before now
        long last = doneAhead > 0 ? Math.min(end, partStart + (long) (upToNanos * timeScale)) : end;
        doneAhead = 0;
        long done = 0;
        while (released < upTo) {
            int n = Math.min(upTo - released, counts[releaseSegment] - releaseIndex);
            long each = nanos[releaseSegment];
            long ns = nanosUpTo(released + n);
            long step = (long) (each * timeScale);
            long first = Math.min(last, partStart + (long) ((done + nanosUpTo(released + 1)) * timeScale));
            if (released + n == upTo) {
                if (upTo == packets && n > 1 && first + (n - 1) * step != last) {
                    // the job's last packet ends with it, after what the others left of its work
                    to.deliver(releaseSegment, n - 1, first, step);
                    to.deliver(releaseSegment, 1, last, 0);
                } else {
                    to.deliver(releaseSegment, n, last - (n - 1) * step, step);
                }
            } else {
                to.deliver(releaseSegment, n, first, step);
            }
            done += ns;
            releasedNanos += ns;
            released += n;
            releaseIndex += n;
            if (releaseIndex == counts[releaseSegment]) {
                releaseSegment++;
                releaseIndex = 0;
            }
        }
        partStart = last;
    }
}
