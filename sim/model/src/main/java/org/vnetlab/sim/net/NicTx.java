package org.vnetlab.sim.net;

import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.cpu.Irq;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.TimedTrains;
import org.vnetlab.sim.packet.Train;

/**
 * A NIC's transmit side and the wire behind it. The qdisc and the ring hold frames in the order
 * they were queued (their ready times); the wire takes them one after another, each starting
 * when it is ready and the frame before it has been serialised at the link rate (plus the
 * NIC's per-frame overhead), and each reaches the far end one propagation delay after its last
 * bit. The ring with the qdisc holds at most {@code capacity} frames not yet on the wire; a
 * sender finding it full waits.
 *
 * <p>Trains make this order subtle: a sender hands over a job's frames when the job ends, with
 * ready times spread back over the job, so a train sent later may hold frames that were ready
 * before frames of a train sent earlier. Frames are therefore put on the wire lazily: only
 * frames whose start time has come are fixed (whenever the NIC is looked at: a send, a room
 * check, the far end admitting what has arrived), and a train sent meanwhile takes its place,
 * by ready time, among the frames still waiting. Two senders that keep a wire busy thus
 * alternate on it, as their packets do in a real qdisc, instead of taking turns train by
 * train. A far end that does not look by itself (the emulator's) has each frame pushed to it
 * by an event when it starts.
 */
public final class NicTx implements PacketPort {

    private final Kernel kernel;
    private final int capacity;
    private final DataRate rate;
    private final long propagation;
    private final long frameOverhead;
    private WireEnd far;
    /** Whether {@link #far} looks by itself (calls {@link #advance}); else frames are pushed to it as they start. */
    private boolean farPulls;
    /** Frames queued and not yet on the wire, by the time they were ready: the order the wire takes them in. */
    private final TimedTrains queued = new TimedTrains();
    /** When the wire has finished the last frame put on it. */
    private long busyUntil;
    /** The earliest train waiting, and a run of it on the wire (re-timed to its arrival at the far end). */
    private final Train waitingHead = new Train();
    private final Train onWire = new Train();
    private long roomWakes;
    private final SocketHolds holds = new SocketHolds();
    private long framesSent;
    private long bytesOnWire;
    /** Told of every run of frames put on the wire, timed when each has left it; or null. */
    private Departures departures;
    /** Senders blocked on a full ring, each once; every one is woken when room frees. */
    private final java.util.ArrayList<Task> waiting = new java.util.ArrayList<>(4);
    private final java.util.IdentityHashMap<Task, Boolean> isWaiting = new java.util.IdentityHashMap<>();
    private final java.util.ArrayList<Task> waking = new java.util.ArrayList<>(4);
    private final Event roomEvent;
    /** The line its transmit-completion interrupt comes on, which wakes the blocked senders. */
    private Irq irq = Irq.LOCAL;
    /** For a far end that does not look by itself: puts frames on the wire when they start. */
    private final Event startEvent;
    /** The last frame {@link #serialise(PacketKind, int)} timed, and its time on the wire. */
    private PacketKind lastKind;
    private int lastPayload;
    private long lastSerialise;

    /**
     * @param frameOverhead time per frame beyond its bits (the NIC's per-frame turnaround)
     */
    public NicTx(Kernel kernel, String trace, int capacity, DataRate rate, long frameOverhead, long propagation,
                 WireEnd far) {
        this.kernel = kernel;
        this.roomEvent = new Event(trace + ".nic.tx") {
            @Override
            protected void fire() {
                wakeWaiting();
            }
        };
        this.startEvent = new Event(trace + ".nic.tx.wire") {
            @Override
            protected void fire() {
                advance(kernel.now());
            }
        };
        this.frameOverhead = frameOverhead;
        this.capacity = capacity;
        this.rate = rate;
        this.propagation = propagation;
        connectFarEnd(far);
    }

    private void wakeWaiting() {
        roomWakes++;
        waking.addAll(waiting);
        waiting.clear();
        isWaiting.clear();
        for (int i = 0; i < waking.size(); i++) {
            irq.raise(waking.get(i));
        }
        waking.clear();
    }

    /**
     * Tells {@code listener} of the frames as they are put on the wire, each timed when it has
     * left it (its last bit serialised): the NIC's driver may free a frame from then on. A frame
     * is put on the wire only once its start has come (see {@link #advance}); a listener that
     * needs every frame left by a time first calls {@link #advance} with it.
     */
    public void onDeparture(Departures listener) {
        this.departures = listener;
    }

    /** Frames that have left the wire. */
    @FunctionalInterface
    public interface Departures {
        /** Frames put on the wire, each at the time it has left it; the caller keeps the train. */
        void departed(Train frames);
    }

    /**
     * Connects the far end of the wire to {@code end} (the emulator's edge device replaces the
     * simulated far NIC this way).
     */
    public void connectFarEnd(WireEnd end) {
        if (far != null) {
            far.attach(null);
        }
        this.far = end;
        this.farPulls = end.attach(this);
    }

    /**
     * Each frame as soon as it is done: the far NIC's NAPI poll ends, and enables its interrupt
     * again, when it finds its ring empty, so a frame handed on at the end of a train's part,
     * later than it was ready, makes the far side take an interrupt (and its cost) where the
     * poll would have gone on, and leaves a receiver sharing that CPU other gaps (native 36 B
     * transmit: 16.6 Mbit/s in parts of 16 against 28.6 packet by packet).
     */
    @Override
    public boolean wantsEachPacket() {
        return true;
    }

    @Override
    public int room(long now) {
        advance(now);
        return capacity - (int) queued.size();
    }

    @Override
    public void send(Train train) {
        long now = kernel.now();
        int n = train.count();
        if (n > room(now)) {
            throw new IllegalStateException("send of " + n + " to a transmit ring with room for " + room(now)
                    + "; senders must check room()");
        }
        queued.add(train);
        framesSent += n;
        bytesOnWire += (long) n * train.kind().wireBytes(train.payload());
        if (farPulls) {
            far.queued(train);
        } else {
            scheduleStart();
        }
    }

    /**
     * Puts on the wire, in the order they were ready, every frame whose start has come by
     * {@code now}, and hands them to the far end with their arrival times. Called whenever the
     * NIC is looked at; a frame is fixed only once it has started.
     */
    public void advance(long now) {
        while (!queued.isEmpty()) {
            long first = Math.max(queued.firstTime(), busyUntil);
            if (first > now) {
                break;
            }
            queued.head(waitingHead);
            int run = queued.headRun();
            long serialise = serialise(waitingHead);
            long step = waitingHead.readyStep();
            // frames ready while the wire is busy go back to back; a train paced slower than the
            // wire keeps its own spacing once it has caught up with its ready times
            int compressed = step <= serialise ? run
                    : busyUntil <= waitingHead.ready() ? 0
                    : (int) Math.min(run, (busyUntil - waitingHead.ready()) / (step - serialise) + 1);
            int started;
            if (compressed > 0) {
                started = (int) Math.min(compressed, (now - first) / serialise + 1);
                putOnWire(started, first, serialise, serialise);
            } else {
                started = waitingHead.ready() > now ? 0
                        : step == 0 ? run : (int) Math.min(run, (now - waitingHead.ready()) / step + 1);
                putOnWire(started, waitingHead.ready(), step, serialise);
            }
            int flow = waitingHead.flow();
            queued.removeHead(started);
            // the driver frees what the wire took, and the senders' sockets get their room back;
            // last, as a sender woken here may look at this NIC again at once
            holds.freed(flow, started, irq);
        }
        if (!farPulls) {
            scheduleStart();
        }
    }

    /** The first {@code n} frames of the waiting head start at {@code start}, one every {@code step} ns. */
    private void putOnWire(int n, long start, long step, long serialise) {
        busyUntil = start + (n - 1) * step + serialise;
        far.arrive(onWire.copy(waitingHead).count(n).readyAt(start + serialise + propagation).readyEvery(step));
        if (departures != null) {
            departures.departed(onWire.copy(waitingHead).count(n).readyAt(start + serialise).readyEvery(step));
        }
    }

    private long serialise(Train t) {
        return serialise(t.kind(), t.payload());
    }

    /**
     * The time a frame of {@code kind} and {@code payload} holds the wire; the last answer is
     * remembered, as a wire mostly carries one kind of frame (it is asked several times a frame).
     */
    private long serialise(PacketKind kind, int payload) {
        if (kind != lastKind || payload != lastPayload) {
            lastSerialise = rate.nanosFor(kind.wireBytes(payload)) + frameOverhead;
            lastKind = kind;
            lastPayload = payload;
        }
        return lastSerialise;
    }

    /** For a far end that does not look by itself: an event when the next frame starts. */
    private void scheduleStart() {
        if (queued.isEmpty()) {
            kernel.cancel(startEvent);
            return;
        }
        long at = Math.max(kernel.now(), Math.max(queued.firstTime(), busyUntil));
        if (!startEvent.isScheduled() || startEvent.time() != at) {
            kernel.scheduleAt(startEvent, at);
        }
    }

    /**
     * A lower bound of when the {@code k}-th frame waiting (0 = the next) reaches the far end, or
     * {@link Long#MAX_VALUE}: it is not ready before the k-th ready time, nor does it start
     * before k frames like the next one have gone back to back. Exact for the next frame when
     * nothing is queued before it meanwhile; a far end checks when the time comes.
     */
    public long arrivalAtLeast(long k) {
        long left = departureAtLeast(k);
        return left == Long.MAX_VALUE ? left : left + propagation;
    }

    /**
     * A lower bound of when the {@code k}-th frame waiting (0 = the next) has left the wire (its
     * last bit serialised), or {@link Long#MAX_VALUE}; see {@link #arrivalAtLeast}.
     */
    public long departureAtLeast(long k) {
        if (k >= queued.size()) {
            return Long.MAX_VALUE;
        }
        return Math.max(queued.timeOf(k), backToBack(k)) + nextSerialise();
    }

    /** When the {@code k}-th frame waiting starts if frames like the next one go back to back from the next start. */
    private long backToBack(long k) {
        return Math.max(queued.firstTime(), busyUntil) + k * nextSerialise();
    }

    /** Serialisation of the next frame waiting. */
    private long nextSerialise() {
        return serialise(queued.firstKind(), queued.firstPayload());
    }

    /** The line the NIC's transmit completions interrupt on (default: each sender's own CPU takes it). */
    public void interruptOn(Irq line) {
        this.irq = line;
    }

    @Override
    public boolean holdFor(int flow, SendBuffer socket) {
        holds.register(flow, socket);
        return true;
    }

    /** {@code n} frames of {@code flow} meant for this NIC were dropped on the way: their sockets get the room back. */
    void droppedBefore(int flow, int n) {
        if (n > 0) {
            holds.freed(flow, n, Irq.LOCAL);
        }
    }

    @Override
    public long roomWakes() {
        return roomWakes;
    }

    @Override
    public void wakeWhenRoom(Task sender) {
        if (isWaiting.put(sender, Boolean.TRUE) == null) {
            waiting.add(sender);
        }
        if (roomEvent.isScheduled()) {
            return;
        }
        long now = kernel.now();
        int room = room(now);
        // wake once a quarter of the ring is free, so senders work in batches: not before the
        // frame that frees the last of that quarter can start, were frames to go back to back
        // from the next start (every frame held starts after now); if room is still short
        // then (frames paced slower than the wire), the senders wait again
        long k = Math.max(0, Math.min(queued.size() - 1, capacity / 4 - room - 1));
        kernel.scheduleAt(roomEvent, queued.isEmpty() ? now : Math.max(now, backToBack(k)));
    }

    public long framesSent() {
        return framesSent;
    }

    /** Wire bytes sent so far (frames with preamble, FCS and gap). */
    public long bytesOnWire() {
        return bytesOnWire;
    }
}
