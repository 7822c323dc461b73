package org.vnetlab.sim.experiment;

import java.util.List;
import java.util.function.BooleanSupplier;

/** The local {@link Evaluator}: every job on this machine's cores through a {@link RunPool}. */
public final class PoolEvaluator implements Evaluator {

    private final RunPool pool;

    public PoolEvaluator(RunPool pool) {
        this.pool = pool;
    }

    public static PoolEvaluator allCores() {
        return new PoolEvaluator(RunPool.allCores());
    }

    @Override
    public List<RunResult> evaluate(List<Job> jobs, RunPool.Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        return pool.runJobs(jobs, progress, cancelled);
    }

    @Override
    public void close() throws InterruptedException {
        pool.close();
    }
}
