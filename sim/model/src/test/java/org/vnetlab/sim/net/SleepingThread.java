package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;

/** A thread with nothing to do, for tests that only look at who wakes it. */
final class SleepingThread extends Task {

    SleepingThread(String name) {
        super(name, new Domain("host"), Context.THREAD);
    }

    @Override
    protected boolean hasWork(long now) {
        return false;
    }

    @Override
    protected double beginJob(long now) {
        return 0;
    }

    @Override
    protected void endJob(long start, long end) {
    }
}
