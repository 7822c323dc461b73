package org.vnetlab.sim.net;

import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Packets;

/**
 * A NIC's transmit side and the wire behind it: frames leave in order, each serialised at the
 * link rate once the wire has finished the frames queued before it, and reach the far NIC one
 * propagation delay after their last bit. Frames of a paced train keep their spacing; the
 * wire's backlog counts only their serialisation, so trains of several senders share it. The ring (with the qdisc in front of it) holds at most {@code capacity}
 * frames not yet on the wire; a sender finding it full waits.
 */
public final class NicTx implements PacketPort {

    private final Kernel kernel;
    private final int capacity;
    private final DataRate rate;
    private final long propagation;
    private final long frameOverhead;
    private WireEnd far;
    /** Frames not yet on the wire, as trains whose ready time is when they start on it. */
    private final PacketQueue queued = PacketQueue.unbounded("nic.tx.queued");
    private long busyUntil;
    private long framesSent;
    private long bytesOnWire;
    /** Senders blocked on a full ring; every one is woken when room frees. */
    private final java.util.ArrayList<Task> waiting = new java.util.ArrayList<>(4);
    private final java.util.ArrayList<Task> waking = new java.util.ArrayList<>(4);
    private final Event roomEvent = new Event() {
        @Override
        protected void fire() {
            waking.addAll(waiting);
            waiting.clear();
            for (int i = 0; i < waking.size(); i++) {
                waking.get(i).wake();
            }
            waking.clear();
        }
    };

    /**
     * @param frameOverhead time per frame beyond its bits (the NIC's per-frame turnaround)
     */
    public NicTx(Kernel kernel, int capacity, DataRate rate, long frameOverhead, long propagation, WireEnd far) {
        this.kernel = kernel;
        this.frameOverhead = frameOverhead;
        this.capacity = capacity;
        this.rate = rate;
        this.propagation = propagation;
        this.far = far;
    }

    private void retire(long now) {
        while (!queued.isEmpty()) {
            int started = queued.headReadyBy(now);
            if (started == 0) {
                return;
            }
            queued.removeHead(started);
        }
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
        return capacity - queued.size();
    }

    @Override
    public void send(long ready0, long readyStep, long stamp0, long stampStep, int n, int payload, int flow,
                     long seq0, long ack, int flags) {
        if (n > room(kernel.now())) {
            throw new IllegalStateException("send of " + n + " to a transmit ring with room for "
                    + room(kernel.now()) + "; senders must check room()");
        }
        long serialise = rate.nanosFor(Packets.wireBytes(payload, flags)) + frameOverhead;
        long start = Math.max(ready0, busyUntil);
        long spacing = Math.max(readyStep, serialise);
        // the wire is busy only while it serialises: a paced train leaves gaps that other
        // senders' frames fill, so it holds the wire for its frames' time, not its whole span
        busyUntil = start + n * serialise;
        queued.offer(start, spacing, stamp0, stampStep, n, payload, flow, seq0, ack, flags);
        framesSent += n;
        bytesOnWire += (long) n * Packets.wireBytes(payload, flags);
        far.arrive(start + serialise + propagation, spacing, stamp0, stampStep, n, payload, flow, seq0, ack, flags);
    }

    @Override
    public void wakeWhenRoom(Task sender) {
        if (!waiting.contains(sender)) {
            waiting.add(sender);
        }
        retire(kernel.now());
        // wake once a quarter of the ring has drained, so senders work in batches
        int index = Math.max(0, Math.min(queued.size() - 1, capacity / 4 - (capacity - queued.size())));
        long at = queued.isEmpty() ? kernel.now() : Math.max(kernel.now(), queued.readyOf(index) + 1);
        kernel.scheduleAt(roomEvent, at);
    }

    public long framesSent() {
        return framesSent;
    }

    /** Wire bytes sent so far (frames with preamble, FCS and gap). */
    public long bytesOnWire() {
        return bytesOnWire;
    }
}
