package org.vnetlab.sim.cpu;

import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A Xen virtual CPU: a CPU of its guest's kernel that runs only while the hypervisor's
 * scheduler gives it a physical CPU, and blocks (gives the CPU back) when its kernel has
 * nothing to do. Its scheduling state is the hypervisor scheduler's own.
 */
public final class Vcpu extends Executor {

    private final Domain domain;
    private final int weight;
    private final int cap;
    private final long affinityMask;
    private CpuScheduler<Vcpu> scheduler;
    private int schedulerIndex;
    private long wakeLatency;
    private final Event started = new Event(name() + ".start") {
        @Override
        protected void fire() {
            start();
        }
    };

    /**
     * @param weight       the domain's weight (Xen's default 256)
     * @param cap          the domain's cap in percent of one CPU, 0 for none
     * @param affinityMask bit i set: may run on physical CPU i (all bits for no pinning)
     */
    public Vcpu(Kernel kernel, String name, double speed, Domain domain, int weight, int cap, long affinityMask) {
        super(kernel, name, speed);
        this.domain = domain;
        this.weight = weight;
        this.cap = cap;
        this.affinityMask = affinityMask;
    }

    void attach(CpuScheduler<Vcpu> s, int index) {
        this.scheduler = s;
        this.schedulerIndex = index;
    }

    /** Where its scheduler keeps its state. */
    int schedulerIndex() {
        return schedulerIndex;
    }

    public Domain domain() {
        return domain;
    }

    int weight() {
        return weight;
    }

    int cap() {
        return cap;
    }

    long affinityMask() {
        return affinityMask;
    }

    boolean mayRunOn(int physicalCpu) {
        return (affinityMask & (1L << physicalCpu)) != 0;
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

    /** The scheduler gives it a physical CPU. */
    void run() {
        if (wakeLatency > 0 && !hasJobInProgress()) {
            kernel.scheduleAfter(started, wakeLatency);
        } else {
            start();
        }
    }

    /** The scheduler takes its physical CPU away. */
    void preempt() {
        kernel.cancel(started);
        stopRunning();
    }
}
