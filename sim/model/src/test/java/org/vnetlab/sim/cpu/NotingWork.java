package org.vnetlab.sim.cpu;

import java.util.List;

/** Work for tests of the order a CPU runs things in: one job of {@code length} ns per wake, noting when it began and ended. */
class NotingWork extends Task {

    private final List<String> log;
    private final long length;
    private int wakes;

    NotingWork(String name, Domain domain, Context context, long length, List<String> log) {
        super(name, domain, context);
        this.length = length;
        this.log = log;
    }

    /** One more job to run. */
    void schedule() {
        wakes++;
        wake();
    }

    @Override
    protected boolean hasWork(long now) {
        return wakes > 0;
    }

    @Override
    protected double beginJob(long now) {
        wakes--;
        log.add(name() + " begins");
        return length;
    }

    @Override
    protected void endJob(long start, long end) {
        log.add(name() + " ends");
    }
}
