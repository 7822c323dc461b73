package org.vnetlab.sim.net;

import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.TimedTrains;
import org.vnetlab.sim.packet.Train;

/**
 * A NIC's transmit side and the wire behind it: frames leave in order, each serialised at the
 * link rate once the wire has finished the frames queued before it, and reach the far NIC one
 * propagation delay after their last bit. Frames of a paced train keep their spacing; the
 * wire's backlog counts only their serialisation, so trains of several senders share it and
 * their frames interleave in time. The ring (with the qdisc in front of it) holds at most
 * {@code capacity} frames not yet on the wire; a sender finding it full waits.
 */
public final class NicTx implements PacketPort {

    private final Kernel kernel;
    private final int capacity;
    private final DataRate rate;
    private final long propagation;
    private final long frameOverhead;
    private WireEnd far;
    /**
     * Frames not yet on the wire, at the times they start on it. Senders' trains interleave, so
     * the frames that have started are not only those of the earliest train.
     */
    private final TimedTrains queued = new TimedTrains();
    private long busyUntil;
    /** The train being sent, re-timed: its start on the wire, then its arrival at the far end. */
    private final Train onWire = new Train();
    private long framesSent;
    private long bytesOnWire;
    /** Senders blocked on a full ring; every one is woken when room frees. */
    private final java.util.ArrayList<Task> waiting = new java.util.ArrayList<>(4);
    private final java.util.ArrayList<Task> waking = new java.util.ArrayList<>(4);
    private final Event roomEvent;

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
        this.frameOverhead = frameOverhead;
        this.capacity = capacity;
        this.rate = rate;
        this.propagation = propagation;
        this.far = far;
    }

    private void wakeWaiting() {
        waking.addAll(waiting);
        waiting.clear();
        for (int i = 0; i < waking.size(); i++) {
            waking.get(i).wake();
        }
        waking.clear();
    }

    private void retire(long now) {
        queued.removeBy(now);
    }

    /**
     * Connects the far end of the wire to {@code end} instead: the emulator's edge device, which
     * sends each frame to a real socket when it reaches the far end.
     */
    public void connectFarEnd(WireEnd end) {
        this.far = end;
    }

    @Override
    public int room(long now) {
        retire(now);
        return capacity - (int) queued.size();
    }

    @Override
    public void send(Train train) {
        int n = train.count();
        if (n > room(kernel.now())) {
            throw new IllegalStateException("send of " + n + " to a transmit ring with room for "
                    + room(kernel.now()) + "; senders must check room()");
        }
        int wireBytes = train.kind().wireBytes(train.payload());
        long serialise = rate.nanosFor(wireBytes) + frameOverhead;
        long start = Math.max(train.ready(), busyUntil);
        long spacing = Math.max(train.readyStep(), serialise);
        // the wire is busy only while it serialises: a paced train leaves gaps that other
        // senders' frames fill, so it holds the wire for its frames' time, not its whole span
        busyUntil = start + n * serialise;
        queued.add(onWire.copy(train).readyAt(start).readyEvery(spacing));
        framesSent += n;
        bytesOnWire += (long) n * wireBytes;
        far.arrive(onWire.readyAt(start + serialise + propagation));
    }

    @Override
    public void wakeWhenRoom(Task sender) {
        if (!waiting.contains(sender)) {
            waiting.add(sender);
        }
        long now = kernel.now();
        int room = room(now);
        // wake once a quarter of the ring is free, so senders work in batches: when the frame
        // that frees the last of that quarter starts (every frame held starts after now)
        long k = Math.max(0, Math.min(queued.size() - 1, capacity / 4 - room - 1));
        kernel.scheduleAt(roomEvent, queued.isEmpty() ? now : queued.timeOf(k));
    }

    public long framesSent() {
        return framesSent;
    }

    /** Wire bytes sent so far (frames with preamble, FCS and gap). */
    public long bytesOnWire() {
        return bytesOnWire;
    }
}
