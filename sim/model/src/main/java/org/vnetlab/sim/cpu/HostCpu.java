package org.vnetlab.sim.cpu;

import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A physical CPU under a native Linux kernel (native, VServer, machine 2): it always has
 * itself, takes its local APIC timer's tick {@code HZ} times a second, and halts ({@code hlt})
 * in the idle loop, so a wake-up from another CPU first takes an IPI.
 */
public final class HostCpu extends Executor {

    private long period;
    private final Event tick;

    /** @param kernelDomain charged for the kernel's own work on it (the timer interrupt) */
    public HostCpu(Kernel kernel, String name, double speed, Domain kernelDomain) {
        super(kernel, name, speed, kernelDomain);
        this.tick = new Event(name + ".tick") {
            @Override
            protected void fire() {
                kernel.scheduleAfter(this, period);
                timerInterrupt();
            }
        };
    }

    /** Starts running; call once when the host is built. */
    public void powerOn() {
        start();
    }

    @Override
    protected void startTicks(long periodNanos, long phaseNanos) {
        this.period = periodNanos;
        kernel.scheduleAfter(tick, phaseNanos == 0 ? periodNanos : phaseNanos);
    }

    @Override
    protected void wantCpu() {
        // a host CPU always has itself
    }

    @Override
    protected void idle() {
        // the idle loop halts until an interrupt
    }
}
