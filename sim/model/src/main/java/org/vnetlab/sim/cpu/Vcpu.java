package org.vnetlab.sim.cpu;

import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A Xen virtual CPU: runs its domain's tasks while the credit scheduler gives it a physical
 * CPU, and blocks (gives the CPU back) when it has nothing to do.
 */
public final class Vcpu extends Executor {

    /** The credit scheduler's priorities, highest first (XEN-FACTS: BOOST > UNDER > OVER). */
    public enum CreditPriority { BOOST, UNDER, OVER }

    final Domain domain;
    final int weight;
    final int cap;
    final long affinityMask;
    private CreditScheduler scheduler;
    // credit-scheduler state, owned by CreditScheduler
    int credit;
    CreditPriority priority = CreditPriority.UNDER;
    boolean active;
    boolean parked;
    boolean queued;
    Pcpu home;
    long queuedSequence;
    private long wakeLatency;
    private boolean assigned;
    private final Event started = new Event(name() + ".start") {
        @Override
        protected void fire() {
            start();
        }
    };

    /**
     * @param affinityMask bit i set: may run on physical CPU i (all bits for no pinning)
     */
    public Vcpu(Kernel kernel, String name, double speed, Domain domain, int weight, int cap, long affinityMask) {
        super(kernel, name, speed);
        this.domain = domain;
        this.weight = weight;
        this.cap = cap;
        this.affinityMask = affinityMask;
    }

    void attach(CreditScheduler s, Pcpu initial) {
        this.scheduler = s;
        this.home = initial;
    }

    public Domain domain() {
        return domain;
    }

    public CreditPriority creditPriority() {
        return priority;
    }

    public int credit() {
        return credit;
    }

    boolean mayRunOn(Pcpu p) {
        return (affinityMask & (1L << p.id)) != 0;
    }

    /** Whether a physical CPU is assigned to it (it may still be waking up on it). */
    boolean onCpu() {
        return assigned;
    }

    @Override
    protected void wantCpu() {
        scheduler.wake(this);
    }

    @Override
    protected void idle() {
        scheduler.block(this);
    }

    /**
     * Sets how long a blocked VCPU takes to run once the scheduler picked it: the hypervisor's
     * context switch and the event-channel upcall into the guest.
     */
    public void setWakeLatency(long nanos) {
        this.wakeLatency = nanos;
    }

    void run() {
        assigned = true;
        if (wakeLatency > 0 && !hasJobInProgress()) {
            kernel.scheduleAfter(started, wakeLatency);
        } else {
            start();
        }
    }

    void preempt() {
        assigned = false;
        kernel.cancel(started);
        stopRunning();
    }
}
