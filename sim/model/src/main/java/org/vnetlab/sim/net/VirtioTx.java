package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * A KVM guest's virtio-net transmit queue: the port its processes send through (their cost
 * includes the driver's {@code start_xmit}). A frame holds its descriptor until the host's
 * vhost-net worker has taken it. The guest kicks the host (a VM exit, ioeventfd) only while the
 * worker asks for it: from when the worker found the queue empty until it runs again
 * ({@code vhost_enable_notify}, {@code vhost_disable_notify}). A sender that finds every
 * descriptor taken stops the queue and asks for an interrupt; the worker's next run frees
 * descriptors and interrupts the guest (irqfd), whose handler wakes the sender.
 */
public final class VirtioTx extends GuestTxPort {

    private final PacketQueue queue;
    private final Notice kick;
    private final Notice interrupt;
    private Task worker;
    /** The worker sleeps with notifications on: the next frame kicks it. */
    private boolean notify = true;

    /**
     * @param ringSize      the virtqueue's descriptors
     * @param kickCost      a kick's VM exit and re-entry, ns at speed 1.0
     * @param interruptCost an injected interrupt's work on the vCPU (exits, handler, EOI)
     */
    public VirtioTx(String guest, Domain domain, int ringSize, double kickCost, double interruptCost, double jitter,
                    RandomStream random) {
        this.queue = new PacketQueue(guest + ".virtio.tx.drop", ringSize);
        this.kick = new Notice(guest + ".virtio.kick", domain, kickCost, jitter, random);
        this.interrupt = new Notice(guest + ".virtio.tx.irq", domain, interruptCost, jitter, random);
    }

    /** The guest's kick, then its transmit interrupt's handler: place both on the guest's vCPU. */
    public Task kick() {
        return kick;
    }

    public Task interrupt() {
        return interrupt;
    }

    void servedBy(Task vhostWorker) {
        this.worker = vhostWorker;
    }

    /** Frames the worker has not taken yet. */
    PacketQueue queue() {
        return queue;
    }

    /** The worker runs: it polls the queue, no kick needed. */
    void workerRunning() {
        notify = false;
    }

    /** The worker found the queue empty and sleeps: the next frame kicks it. */
    void workerSleeps() {
        notify = true;
    }

    /** The worker took frames: descriptors are free, and a stopped sender is interrupted. */
    void took() {
        freedAllBut(queue.size());
        if (senderBlocked()) {
            interrupt.raise();
        }
    }

    @Override
    public int room(long now) {
        return queue.capacity() - queue.size();
    }

    @Override
    public void send(Train train) {
        queued(train.flow(), queue.offer(train));
        if (notify) {
            notify = false;
            kick.raise();
        }
    }

    /** A notification's work on the guest's vCPU: the kick's exit, or the transmit interrupt's handler. */
    private final class Notice extends GuestNotice {

        Notice(String name, Domain domain, double cost, double jitter, RandomStream random) {
            super(name, domain, cost, jitter, random);
        }

        @Override
        protected void endJob(long start, long end) {
            if (this == kick) {
                worker.wake();
            } else {
                wakeSenderIfRoom(end);
            }
        }
    }
}
