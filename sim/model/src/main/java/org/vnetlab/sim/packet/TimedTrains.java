package org.vnetlab.sim.packet;

/**
 * Packets at known times that need not come in the order they were added: the frames a wire
 * carries. Trains of several senders share a wire and interleave in time (a paced train leaves
 * gaps that other senders' frames fill), so unlike a {@link PacketQueue}, whose head train is
 * always the earliest, this answers by time: how many packets by a time, when the k-th one
 * is, and it hands packets on in time order. Trains are kept sorted by their next packet's time
 * (ties by the order they were added), so trains that do not overlap cost O(1) each, as in a
 * queue; only trains that do overlap are split where they interleave.
 *
 * <p>Storage is primitive arrays indexed through a sorted slot table: no allocation per packet.
 */
public final class TimedTrains {

    /** Below this k, the k-th time of overlapping trains is found by merging, above it by bisection. */
    private static final int MERGE_LIMIT = 16;

    private int slots = 8;
    private long[] time = new long[slots];
    private long[] step = new long[slots];
    private long[] stamp = new long[slots];
    private long[] stampStep = new long[slots];
    private long[] seq = new long[slots];
    private long[] ack = new long[slots];
    private long[] added = new long[slots];
    private int[] count = new int[slots];
    private int[] payload = new int[slots];
    private int[] flow = new int[slots];
    /** By {@link PacketKind#index()}. */
    private int[] kind = new int[slots];
    /** A ring of the live trains' slots, by (next packet's time, order added), from {@link #head}. */
    private int[] order = new int[slots];
    private int head;
    /** Scratch for {@link #merged}: how far into each of the first trains the merge has gone. */
    private int[] mergeAt = new int[8];
    /** Slots not in use. */
    private int[] free = new int[slots];
    private int freeCount;
    private int trains;
    private long size;
    private long additions;
    /**
     * Where {@link #timeOf} last stopped: the train at position {@code cursorAt} in time order, after
     * {@code cursorBefore} packets, with no train up to it overlapping the next. The k-th time is
     * looked for from here, not from the earliest train: netback asks the NIC for its k-th frame
     * after every frame, k a few frames from the last one asked (the NIC's receiving far end asks
     * for its next few between), among hundreds of trains of one frame. Kept so through adds and
     * takes (position 0 with no packets before it always is).
     */
    private int cursorAt;
    private long cursorBefore;

    public TimedTrains() {
        for (int i = slots - 1; i >= 0; i--) {
            free[freeCount++] = i;
        }
    }

    /** Packets held. */
    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds {@code t}, its ready times being the packets' times here. */
    public void add(Train t) {
        int n = t.count();
        if (n <= 0) {
            return;
        }
        if (freeCount == 0) {
            grow();
        }
        int s = free[--freeCount];
        time[s] = t.ready();
        step[s] = t.readyStep();
        stamp[s] = t.stamp();
        stampStep[s] = t.stampStep();
        seq[s] = t.seq();
        ack[s] = t.ack();
        count[s] = n;
        payload[s] = t.payload();
        flow[s] = t.flow();
        kind[s] = t.kind().index();
        added[s] = additions++;
        int i = trains++;
        // trains mostly come in time order: search from the tail
        while (i > 0 && before(s, at(i - 1))) {
            order[index(i)] = at(i - 1);
            i--;
        }
        order[index(i)] = s;
        size += n;
        if (i <= cursorAt && trains > 1) {
            // it comes before the cursor's train: that train moves on, if this one overlaps neither neighbour
            if ((i == 0 || lastOf(at(i - 1)) <= time[s]) && lastOf(s) <= time[at(i + 1)]) {
                cursorAt++;
                cursorBefore += n;
            } else {
                resetCursor();
            }
        }
    }

    /** Time of the earliest packet, or {@link Long#MAX_VALUE} when empty. */
    public long firstTime() {
        return trains == 0 ? Long.MAX_VALUE : time[at(0)];
    }

    /** The payload of the earliest train's packets (the queue must not be empty). */
    public int firstPayload() {
        return payload[at(0)];
    }

    /** The kind of the earliest train's packets (the queue must not be empty). */
    public PacketKind firstKind() {
        return PacketKind.ofIndex(kind[at(0)]);
    }

    /** Packets at or before {@code t}. */
    public long countBy(long t) {
        long n = 0;
        for (int k = 0; k < trains; k++) {
            int s = at(k);
            if (time[s] > t) {
                break;
            }
            n += due(s, t);
        }
        return n;
    }

    /**
     * Time of the {@code k}-th packet in time order (0 = the earliest), or {@link Long#MAX_VALUE}
     * when fewer are held.
     */
    public long timeOf(long k) {
        if (k < 0 || k >= size) {
            return Long.MAX_VALUE;
        }
        if (2 * k < cursorBefore) {
            // nearer the earliest train than the cursor: the cursor stays for the later question
            return kthTime(k);
        }
        while (k < cursorBefore) {
            cursorAt--;
            cursorBefore -= count[at(cursorAt)];
        }
        while (true) {
            int s = at(cursorAt);
            boolean nextOverlaps = cursorAt + 1 < trains && lastOf(s) > time[at(cursorAt + 1)];
            if (k < cursorBefore + count[s]) {
                if (!nextOverlaps) {
                    return time[s] + (k - cursorBefore) * step[s];
                }
                break;
            }
            if (nextOverlaps) {
                break;
            }
            cursorBefore += count[s];
            cursorAt++;
        }
        return kthTime(k);
    }

    /** {@link #timeOf} for a k below {@link #size}, walking from the earliest train. */
    private long kthTime(long k) {
        // walk the trains until they hold more than k packets; while none overlaps the next,
        // the answer is read off the train it falls in
        long before = 0;
        long last = Long.MIN_VALUE;
        boolean overlap = false;
        for (int i = 0; i < trains; i++) {
            int s = at(i);
            overlap |= last > time[s];
            if (before + count[s] > k) {
                if (!overlap && (i + 1 == trains || lastOf(s) <= time[at(i + 1)])) {
                    return time[s] + (k - before) * step[s];
                }
                return k < MERGE_LIMIT ? merged(k) : search(k, time[at(0)], Math.max(last, lastOf(s)));
            }
            before += count[s];
            last = Math.max(last, lastOf(s));
        }
        throw new IllegalStateException("size " + size + " disagrees with the trains held");
    }

    /**
     * The k-th time by merging the first k + 1 trains (the k-th packet is among them: they hold
     * at least k + 1 packets no later than the first packet of any train after them).
     */
    private long merged(long k) {
        int m = (int) Math.min(trains, k + 1);
        if (mergeAt.length < m) {
            mergeAt = new int[Math.max(m, 2 * mergeAt.length)];
        }
        java.util.Arrays.fill(mergeAt, 0, m, 0);
        long t = Long.MAX_VALUE;
        for (long taken = 0; taken <= k; taken++) {
            int best = -1;
            t = Long.MAX_VALUE;
            for (int i = 0; i < m; i++) {
                int s = at(i);
                if (mergeAt[i] < count[s]) {
                    long ti = time[s] + mergeAt[i] * step[s];
                    if (ti < t) {
                        t = ti;
                        best = i;
                    }
                }
            }
            mergeAt[best]++;
        }
        return t;
    }

    /** The least t in [lo, hi] with more than k packets at or before it (trains overlap). */
    private long search(long k, long lo, long hi) {
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (countBy(mid) > k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private long lastOf(int s) {
        return time[s] + (count[s] - 1) * step[s];
    }

    /** Removes every packet at or before {@code t}; returns how many. */
    public long removeBy(long t) {
        long removed = 0;
        while (trains > 0 && time[at(0)] <= t) {
            int n = due(at(0), t);
            removed += n;
            take(n);
        }
        return removed;
    }

    /**
     * Moves every packet at or before {@code t} to {@code to} in time order, keeping its time as
     * its ready time there; {@code to} drops what does not fit. Returns how many left here.
     */
    public long moveBy(long t, PacketQueue to) {
        long moved = 0;
        while (trains > 0 && time[at(0)] <= t) {
            int s = at(0);
            int n = Math.min(due(s, t), headRun());
            to.store(time[s], step[s], stamp[s], stampStep[s], n, payload[s], flow[s], seq[s], ack[s], PacketKind.ofIndex(kind[s]));
            moved += n;
            take(n);
        }
        return moved;
    }

    /**
     * Reads the earliest train into {@code into} (which the caller owns), its times being the
     * packets' times here, and returns it.
     */
    public Train head(Train into) {
        if (trains == 0) {
            throw new IllegalStateException("no trains held");
        }
        int s = at(0);
        return into.of(PacketKind.ofIndex(kind[s]), payload[s], flow[s]).readyAt(time[s]).readyEvery(step[s])
                .stampedAt(stamp[s]).stampedEvery(stampStep[s]).seq(seq[s]).ack(ack[s]).count(count[s]);
    }

    /**
     * How many packets of the earliest train come before the next train's first one (at equal
     * times, the train added first goes first): the run that can be handed on in one piece.
     */
    public int headRun() {
        int s = at(0);
        if (trains == 1) {
            return count[s];
        }
        int next = at(1);
        return due(s, added[s] < added[next] ? time[next] : time[next] - 1);
    }

    /** Removes the first {@code n} packets of the earliest train. */
    public void removeHead(int n) {
        if (trains == 0 || n <= 0 || n > count[at(0)]) {
            throw new IllegalStateException("remove " + n + " from the earliest train of "
                    + (trains == 0 ? 0 : count[at(0)]));
        }
        take(n);
    }

    /** Packets of train slot {@code s} at or before {@code t}. */
    private int due(int s, long t) {
        if (time[s] > t) {
            return 0;
        }
        long st = step[s];
        return st == 0 ? count[s] : (int) Math.min(count[s], (t - time[s]) / st + 1);
    }

    /** Takes the first {@code n} packets of the earliest train and re-sorts what is left of it. */
    private void take(int n) {
        int s = at(0);
        size -= n;
        count[s] -= n;
        if (count[s] == 0) {
            head = index(1);
            trains--;
            free[freeCount++] = s;
            if (cursorAt > 0) {
                cursorAt--;
                cursorBefore -= n;
            }
            return;
        }
        time[s] += n * step[s];
        stamp[s] += n * stampStep[s];
        seq[s] += n;
        int i = 0;
        while (i + 1 < trains && before(at(i + 1), s)) {
            order[index(i)] = at(i + 1);
            i++;
        }
        order[index(i)] = s;
        if (i > 0) {
            resetCursor();
        } else if (cursorAt > 0) {
            // still the earliest, ending where it did: the trains after it are as they were
            cursorBefore -= n;
        }
    }

    private void resetCursor() {
        cursorAt = 0;
        cursorBefore = 0;
    }

    /** The slot of the i-th train in time order. */
    private int at(int i) {
        return order[index(i)];
    }

    private int index(int i) {
        return (head + i) & (slots - 1);
    }

    private boolean before(int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && added[a] < added[b]);
    }

    private void grow() {
        int n = slots * 2;
        int[] sorted = new int[n];
        for (int i = 0; i < trains; i++) {
            sorted[i] = at(i);
        }
        order = sorted;
        head = 0;
        time = java.util.Arrays.copyOf(time, n);
        step = java.util.Arrays.copyOf(step, n);
        stamp = java.util.Arrays.copyOf(stamp, n);
        stampStep = java.util.Arrays.copyOf(stampStep, n);
        seq = java.util.Arrays.copyOf(seq, n);
        ack = java.util.Arrays.copyOf(ack, n);
        added = java.util.Arrays.copyOf(added, n);
        count = java.util.Arrays.copyOf(count, n);
        payload = java.util.Arrays.copyOf(payload, n);
        flow = java.util.Arrays.copyOf(flow, n);
        kind = java.util.Arrays.copyOf(kind, n);
        free = java.util.Arrays.copyOf(free, n);
        for (int i = n - 1; i >= slots; i--) {
            free[freeCount++] = i;
        }
        slots = n;
    }
}
