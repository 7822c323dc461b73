package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A KVM guest's virtio-net receive queue and its NAPI poll ({@code virtnet_poll} in the guest's
 * NET_RX softirq, on its vCPU): the frames the host's vhost-net worker put in the guest's buffers
 * wait in the used ring; a poll takes at most the NAPI weight within the pass's budget, each
 * through the driver's receive and the guest's stack to its socket. The host interrupts the guest
 * (irqfd) only while the guest asks for it: from the interrupt until a poll ends with the ring
 * empty, the guest's callbacks are off ({@code virtqueue_disable_cb}) and frames the worker adds
 * are picked up by the polls already due. Each poll refills the buffers it took; if the worker
 * had stopped for want of buffers, the poll ends with a kick (a VM exit) that wakes it.
 */
public final class VirtioRx extends ReadyFramesPoll {

    private final double interruptCost;
    private final double kickCost;
    /** The guest's callbacks are off: an interrupt came and no poll has ended with the ring empty since. */
    private boolean callbacksOff;
    private boolean interrupted;
    private boolean kickAtEnd;
    private Task worker;
    private boolean workerStarved;

    /**
     * @param ringSize      the virtqueue's descriptors: buffers the guest has posted
     * @param perPacket     the driver's receive work per frame, ns at speed 1.0
     * @param interruptCost an injected interrupt's work on the vCPU (exits, handler, EOI)
     * @param kickCost      a kick's VM exit and re-entry
     * @param stack         the guest's stack up to its sockets
     */
    public VirtioRx(Kernel kernel, String name, Domain domain, int ringSize, int weight, double perPacket,
                    double interruptCost, double kickCost, RxPath stack, double spread, RandomStream random) {
        super(kernel, name, domain, ringSize, weight, perPacket, stack, spread, random);
        this.interruptCost = interruptCost;
        this.kickCost = kickCost;
    }

    /** The host's worker that fills this queue, woken by the guest's kick once buffers are back. */
    void servedBy(Task vhostWorker) {
        this.worker = vhostWorker;
    }

    /** Buffers free for the worker to fill. */
    int room() {
        return frames.capacity() - frames.size();
    }

    /** The worker found no buffer for a waiting frame: the guest's refill will kick it. */
    void starved() {
        workerStarved = true;
    }

    /**
     * The worker added {@code batch}'s first {@code n} frames to the used ring, ready from
     * {@code ready0} one every {@code step}; it signals the guest (irqfd) unless callbacks are off.
     */
    void add(PacketQueue batch, int n, long ready0, long step) {
        batch.moveHeadTo(frames, n, ready0, step);
        if (!callbacksOff) {
            callbacksOff = true;
            interrupted = true;
        }
        wake();
    }

    /** The interrupt's handler if an interrupt woke the poll, and the kick if it refills a starved worker. */
    @Override
    protected double overhead(int taken) {
        double overhead = interrupted ? interruptCost : 0;
        interrupted = false;
        kickAtEnd = workerStarved && taken > 0;
        if (kickAtEnd) {
            workerStarved = false;
            overhead += kickCost;
        }
        return overhead;
    }

    @Override
    protected void jobEnded(long start, long end) {
        if (frames.isEmpty()) {
            // virtqueue_enable_cb: the next frame interrupts again
            callbacksOff = false;
        }
        if (kickAtEnd) {
            kickAtEnd = false;
            worker.wake();
        }
    }
}
