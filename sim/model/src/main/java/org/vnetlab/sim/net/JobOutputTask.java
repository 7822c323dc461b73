package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A task whose job's output is released through a {@link JobOutput} as the CPU does it: part by
 * part, each part by its own event, and what is left when the job ends.
 */
public abstract class JobOutputTask extends Task {

    /** The packets the current job took. */
    protected final JobOutput out;
    private final JobOutput.Delivery release;

    protected JobOutputTask(String name, Domain domain, Context context, JobOutput out) {
        super(name, domain, context);
        this.out = out;
        this.release = (segment, n, first, step) -> release(out.taken(), n, first, step);
    }

    /**
     * The CPU has done the first {@code n} packets of {@code done}'s head train, the first by
     * {@code first}, the others one every {@code step}: passes them on and removes them from
     * {@code done}.
     */
    protected abstract void release(PacketQueue done, int n, long first, long step);

    /** The job that began at {@code start} has ended at {@code end}, its output released. */
    protected void jobEnded(long start, long end) {
    }

    @Override
    protected final double nextPart() {
        return out.nextPart();
    }

    @Override
    protected final double shortenPart(double partLeft) {
        return out.shorten(partLeft);
    }

    @Override
    protected final double releaseDone(double partLeft) {
        return out.releaseDone(partLeft);
    }

    @Override
    protected final void partDone(long now) {
        out.partDone(now, release);
    }

    @Override
    protected final void endJob(long start, long end) {
        out.finish(end, release);
        jobEnded(start, end);
    }
}
