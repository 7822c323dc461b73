package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;

/**
 * A notification's fixed work on a guest's CPU, in the softirq work that follows its interrupt
 * (the model has no hard-interrupt context), ahead of the polls and tasklets still to run
 * ({@link Context#IRQ}): an event channel's upcall, a virtio kick's VM exit, an injected
 * interrupt's handler. Notices raised before it runs are
 * handled by one run, as a pending interrupt is taken once.
 */
abstract class GuestNotice extends Task {

    private final double cost;
    private final double jitter;
    private final RandomStream random;
    private boolean due;

    /** @param cost the notification's work, ns at speed 1.0 */
    GuestNotice(String name, Domain domain, double cost, double jitter, RandomStream random) {
        super(name, domain, Context.IRQ);
        this.cost = cost;
        this.jitter = jitter;
        this.random = random;
    }

    /** The notification comes: it runs once its CPU takes it. */
    final void raise() {
        due = true;
        wake();
    }

    @Override
    protected final boolean hasWork(long now) {
        return due;
    }

    @Override
    protected final double beginJob(long now) {
        due = false;
        return notifications() * cost * random.jitter(jitter);
    }

    /** The notifications this run pays for: one, unless another handler already took it. */
    protected int notifications() {
        return 1;
    }
}
