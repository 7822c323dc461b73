package org.vnetlab.sim.app;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.param.IperfReporting;

/**
 * iperf 2.0's reporter thread ({@code reporter_spawn} in the iperf-2.0 release's
 * {@code src/Reporter.c}): in a loop, it processes what each of its process's data threads has
 * recorded in its ring, then calls {@code thread_rest()}, which is {@code usleep(0)}
 * ({@code compat/Thread.c}), whatever it found. A 2.6.16 or 2.6.19 kernel has no high-resolution
 * timers: its hrtimers expire from the timer softirq of a tick, so the reporter runs once a tick
 * of its CPU, and a data thread records at most one ring's worth of datagrams between two of its
 * passes. It is started asleep in {@code usleep(0)} ({@code GuestSite#spawnInUsleep}).
 */
public final class IperfReporter extends Task {

    private final List<ReportRing> rings = new ArrayList<>();
    private final IperfReporting reporting;
    /** Entries of each ring the pass under way processes. */
    private int[] taking = new int[0];

    public IperfReporter(String name, Domain domain, IperfReporting reporting) {
        super(name, domain, Context.THREAD);
        if (!reporting.enabled()) {
            throw new IllegalArgumentException("iperf's reporting is off (model.iperf.report-ring-entries = 0)");
        }
        this.reporting = reporting;
    }

    /** The ring of one more data thread of its process, for the thread to record in. */
    public ReportRing newRing() {
        ReportRing ring = new ReportRing(reporting.ringEntries());
        rings.add(ring);
        taking = new int[rings.size()];
        return ring;
    }

    /** Its loop always has a pass to make: only {@code usleep(0)} keeps it from running. */
    @Override
    protected boolean hasWork(long now) {
        return true;
    }

    @Override
    protected double beginJob(long now) {
        int entries = 0;
        for (int i = 0; i < taking.length; i++) {
            taking[i] = rings.get(i).recorded();
            entries += taking[i];
        }
        return reporting.napNs() + entries * reporting.entryNs();
    }

    /** The pass frees the slots it processed, and the thread naps until its CPU's next tick. */
    @Override
    protected void endJob(long start, long end) {
        for (int i = 0; i < taking.length; i++) {
            rings.get(i).processed(taking[i]);
        }
        sleepUntilTick();
    }
}
