package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Irq;
import org.vnetlab.sim.cpu.Task;

/**
 * A paravirtual guest driver's transmit queue (netfront's ring, virtio-net's): the host side
 * that serves it runs on another CPU and is woken by the first packet, so each packet is
 * handed over as soon as it is done; a sender that finds the queue full blocks until the
 * guest's transmit completion frees room and wakes it.
 */
abstract class GuestTxPort implements PacketPort {

    private Task blocked;
    private long roomWakes;
    private final SocketHolds holds = new SocketHolds();
    /** Frames queued so far, and freed (their slot given back) so far. */
    private long queuedFrames;
    private long freedFrames;

    @Override
    public final long roomWakes() {
        return roomWakes;
    }

    @Override
    public final boolean wantsEachPacket() {
        return true;
    }

    @Override
    public final void wakeWhenRoom(Task sender) {
        blocked = sender;
    }

    @Override
    public final boolean holdFor(int flow, SendBuffer socket) {
        holds.register(flow, socket);
        return true;
    }

    /** {@code n} frames of {@code flow} were queued; they are freed in order. */
    protected final void queued(int flow, int n) {
        queuedFrames += n;
        holds.queued(flow, n);
    }

    /**
     * Frames are freed in the order they were queued until {@code waiting} are left, in the
     * guest's own context (the transmit completion's handler or a send call).
     */
    protected final void freedAllBut(long waiting) {
        long n = queuedFrames - waiting - freedFrames;
        if (n > 0) {
            freedFrames += n;
            holds.freedInOrder((int) n, Irq.LOCAL);
        }
    }

    /** The guest's transmit completion at {@code now}: wakes the blocked sender if room has freed. */
    protected final void wakeSenderIfRoom(long now) {
        if (blocked != null && room(now) > 0) {
            Task t = blocked;
            blocked = null;
            roomWakes++;
            t.wake();
        }
    }

    /** Whether a sender is blocked, waiting for room. */
    protected final boolean senderBlocked() {
        return blocked != null;
    }
}
