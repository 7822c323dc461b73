package org.vnetlab.sim.kernel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The single-threaded discrete-event kernel. Virtual time is a long count of nanoseconds.
 * Events are totally ordered by (time, sequence): two events at the same time fire in the
 * order they were scheduled, so a run is the same every time. The queue is a 4-ary heap of
 * reusable {@link Event} objects whose keys are kept beside them in primitive arrays, so that
 * sifting compares adjacent longs instead of reading scattered events: no allocation per event.
 * A {@link Watchdog} stops a run that fires events without virtual time advancing.
 */
public final class Kernel {

    private static final long MILLI = 1_000_000L;
    /** Events remembered for the watchdog's report (a power of two). */
    private static final int RECENT = 4096;

    private long now;
    private long nextSequence;
    private long fired;
    private Event[] heap = new Event[256];
    /** The heap's keys, index for index: time, then the order scheduled. */
    private long[] times = new long[256];
    private long[] sequences = new long[256];
    private int size;
    /** The event firing now, or null. */
    private Event firing;
    /**
     * Whether the firing event still holds the heap's root, looking unscheduled: until it
     * re-schedules itself, or an event scheduled meanwhile takes its place, or it has fired.
     */
    private boolean firingAtRoot;
    private boolean stopped;
    private Watchdog watchdog = Watchdog.OFF;
    private long eventsAtInstant;
    private long milliEnd;
    private long eventsInMilli;
    private final Event[] recent = new Event[RECENT];
    private final Fidelity fidelity;
    private int trainPackets = Integer.MAX_VALUE;

    /** A kernel for a run with trains. */
    public Kernel() {
        this(Fidelity.TRAINS);
    }

    public Kernel(Fidelity fidelity) {
        this.fidelity = fidelity;
    }

    /** How this run times packets; components read it. */
    public Fidelity fidelity() {
        return fidelity;
    }

    /**
     * Sets the longest train a job releases at once with trains: a job's output is released in
     * parts of this many packets, each when the CPU has done it (unbounded by default: at the end).
     */
    public void releaseTrainsOf(int packets) {
        if (packets < 1) {
            throw new IllegalArgumentException("a train holds at least 1 packet, got " + packets);
        }
        this.trainPackets = packets;
    }

    /** Packets a job releases at once: 1 with exact timing, else the trains' length. */
    public int partPackets() {
        return fidelity.exact() ? 1 : trainPackets;
    }

    /** Sets the bounds past which a run counts as livelocked. */
    public void watch(Watchdog bounds) {
        this.watchdog = bounds;
    }

    public long now() {
        return now;
    }

    /** Events fired so far, for benchmarks. */
    public long eventsFired() {
        return fired;
    }

    /** Time of the earliest scheduled event, or {@link Long#MAX_VALUE} when none is: a realtime clock waits for it. */
    public long nextEventTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Schedules (or re-schedules) {@code e} at absolute time {@code at} (not before now). */
    public void scheduleAt(Event e, long at) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule into the past: " + at + " < " + now);
        }
        e.time = at;
        long sequence = nextSequence++;
        if (e == firing) {
            firing = null;
            if (firingAtRoot) {
                // it re-schedules itself from its own fire(): re-keyed where it is, at the root
                firingAtRoot = false;
                siftDown(0, e, at, sequence);
                return;
            }
        } else if (firingAtRoot && e.heapIndex < 0) {
            // a new event while the firing one holds the root: it takes the root, the firing one
            // being out of the heap from now on (put back if it re-schedules itself). Most events
            // that do not re-schedule themselves schedule another (a CPU that begins a job, its
            // completion): this saves sifting the heap's last event from the root to the leaves.
            firingAtRoot = false;
            siftDown(0, e, at, sequence);
            return;
        }
        if (e.heapIndex >= 0) {
            // re-keyed in place: it can only move towards the root or towards the leaves
            int i = e.heapIndex;
            if (before(at, sequence, times[i], sequences[i])) {
                siftUp(i, e, at, sequence);
            } else {
                siftDown(i, e, at, sequence);
            }
            return;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            times = Arrays.copyOf(times, size * 2);
            sequences = Arrays.copyOf(sequences, size * 2);
        }
        size++;
        siftUp(size - 1, e, at, sequence);
    }

    public void scheduleAfter(Event e, long delay) {
        scheduleAt(e, now + delay);
    }

    /** Takes {@code e} out of the queue if it is there. */
    public void cancel(Event e) {
        if (e.heapIndex >= 0) {
            remove(e);
        }
    }

    /** Fires events in order until the queue is empty, {@link #stop()} is called or time passes {@code until}. */
    public void runUntil(long until) {
        stopped = false;
        while (size > 0 && !stopped) {
            long time = times[0];
            if (time > until) {
                break;
            }
            Event e = heap[0];
            eventsAtInstant = time == now ? eventsAtInstant + 1 : 1;
            now = time;
            if (now >= milliEnd) {
                milliEnd = now + MILLI;
                eventsInMilli = 0;
            }
            recent[(int) (fired & (RECENT - 1))] = e;
            fired++;
            if (eventsAtInstant > watchdog.maxEventsAtOneInstant()) {
                throw livelock(eventsAtInstant + " events in a row at one instant (bound "
                        + watchdog.maxEventsAtOneInstant() + ")");
            }
            if (++eventsInMilli > watchdog.maxEventsPerMilli()) {
                throw livelock(eventsInMilli + " events within 1 ms of virtual time (bound "
                        + watchdog.maxEventsPerMilli() + ")");
            }
            // it stays at the root while it fires, looking unscheduled: nothing else can come
            // before it (every other event is later, or as early and scheduled after it), and
            // an event that re-schedules itself, as most do, is then re-keyed in place instead
            // of taken out and put back
            e.heapIndex = -1;
            firing = e;
            firingAtRoot = true;
            try {
                e.fire();
            } finally {
                if (firing == e) {
                    firing = null;
                    if (firingAtRoot) {
                        firingAtRoot = false;
                        e.heapIndex = 0;
                        removeAt(0);
                    }
                }
            }
        }
        if (!stopped && now < until) {
            now = until;
        }
    }

    public void stop() {
        stopped = true;
    }

    /** The watchdog's report: what happened, and whose events the kernel fired last. */
    private LivelockException livelock(String what) {
        Map<String, Long> owners = new LinkedHashMap<>();
        for (long i = Math.max(0, fired - RECENT); i < fired; i++) {
            owners.merge(recent[(int) (i & (RECENT - 1))].owner(), 1L, Long::sum);
        }
        String busiest = owners.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(6).map(o -> o.getKey() + " (" + o.getValue() + ")").collect(Collectors.joining(", "));
        return new LivelockException(String.format(Locale.ROOT,
                "livelock at virtual time %.6f ms: %s; the last %d events came from %s", now / 1e6, what,
                Math.min(fired, RECENT), busiest));
    }

    private void remove(Event e) {
        removeAt(e.heapIndex);
    }

    private void removeAt(int i) {
        heap[i].heapIndex = -1;
        size--;
        Event last = heap[size];
        heap[size] = null;
        if (i == size) {
            return;
        }
        long time = times[size];
        long sequence = sequences[size];
        if (i > 0 && before(time, sequence, times[(i - 1) >>> 2], sequences[(i - 1) >>> 2])) {
            siftUp(i, last, time, sequence);
        } else {
            siftDown(i, last, time, sequence);
        }
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    /** Puts {@code e} with its key into the hole at {@code i}, moving it towards the root. */
    private void siftUp(int i, Event e, long time, long sequence) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            place(i, heap[parent], times[parent], sequences[parent]);
            i = parent;
        }
        place(i, e, time, sequence);
    }

    /** Puts {@code e} with its key into the hole at {@code i}, moving it towards the leaves. */
    private void siftDown(int i, Event e, long time, long sequence) {
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            long bestTime = times[first];
            long bestSequence = sequences[first];
            int last = Math.min(first + 4, size);
            for (int c = first + 1; c < last; c++) {
                if (before(times[c], sequences[c], bestTime, bestSequence)) {
                    best = c;
                    bestTime = times[c];
                    bestSequence = sequences[c];
                }
            }
            if (!before(bestTime, bestSequence, time, sequence)) {
                break;
            }
            place(i, heap[best], bestTime, bestSequence);
            i = best;
        }
        place(i, e, time, sequence);
    }

    private void place(int i, Event e, long time, long sequence) {
        heap[i] = e;
        times[i] = time;
        sequences[i] = sequence;
        e.heapIndex = i;
    }
}
