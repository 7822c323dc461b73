package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A process that burns CPU: busy for {@code load} of every period, asleep for the rest. At load
 * 1 it never sleeps: to its kernel's scheduler a CPU hog of the lowest dynamic priority, which
 * softirqs and better threads preempt.
 */
public final class CpuBurner extends Task {

    private static final long PERIOD = 10_000_000L;
    /** The longest job: the scheduler can look in between. */
    private static final long SLICE = 1_000_000L;
    private final Kernel kernel;
    private final double load;
    private long periodStart;
    private boolean sleeping;
    private final Event wakeup = new Event(name()) {
        @Override
        protected void fire() {
            sleeping = false;
            periodStart = kernel.now();
            wake();
        }
    };

    public CpuBurner(String name, Domain domain, Kernel kernel, double load) {
        super(name, domain, Context.THREAD);
        this.kernel = kernel;
        this.load = load;
    }

    /** Starts burning at {@code at}; from now, it has been burning since before the run. */
    public void start(long at) {
        if (at <= kernel.now()) {
            sleeping = false;
            periodStart = at;
            wake();
        } else {
            sleeping = true;
            kernel.scheduleAt(wakeup, at);
        }
    }

    @Override
    protected boolean hasWork(long now) {
        return !sleeping;
    }

    /** A burner's loop (cpuburn's, or Ongaro et al.'s endless loop) works in registers. */
    @Override
    protected boolean displacesCaches() {
        return false;
    }

    @Override
    protected double beginJob(long now) {
        // a slice at a time, and no more than what is left of this period's busy part, so that a
        // load below one slice a period is what it says (whole slices made it 10 % steps)
        long busyLeft = load < 1 ? (long) (load * PERIOD) - (now - periodStart) : SLICE;
        return Math.max(1, Math.min(SLICE, busyLeft)) * executor().speed();
    }

    @Override
    protected void endJob(long start, long end) {
        if (load < 1 && end - periodStart >= (long) (load * PERIOD)) {
            sleeping = true;
            kernel.scheduleAt(wakeup, periodStart + PERIOD);
        }
    }
}
