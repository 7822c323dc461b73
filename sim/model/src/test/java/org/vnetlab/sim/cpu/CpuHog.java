package org.vnetlab.sim.cpu;

/** A thread that always has work: one job after another, each {@code jobNanos} of CPU work, counted. */
class CpuHog extends Task {

    long jobs;
    private final double jobNanos;

    CpuHog(String name, Domain domain, double jobNanos) {
        super(name, domain, Context.THREAD);
        this.jobNanos = jobNanos;
    }

    @Override
    protected boolean hasWork(long now) {
        return true;
    }

    @Override
    protected double beginJob(long now) {
        return jobNanos;
    }

    @Override
    protected void endJob(long start, long end) {
        jobs++;
    }
}
