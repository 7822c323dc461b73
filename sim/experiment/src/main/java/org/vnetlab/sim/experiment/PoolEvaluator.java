package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

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
    public List<RunResult> evaluate(List<Job> jobs, IntPredicate needed, Made made, RunPool.Progress progress,
                                    BooleanSupplier cancelled) throws InterruptedException {
        List<Integer> positions = IntStream.range(0, jobs.size()).boxed().toList();
        return new ArrayList<>(pool.map(positions, i -> {
            if (!needed.test(i)) {
                return null;
            }
            Job job = jobs.get(i);
            RunResult r = Experiment.run(job.scenario(), job.spec());
            made.made(i, r);
            return r;
        }, progress, cancelled).values());
    }

    @Override
    public void close() throws InterruptedException {
        pool.close();
    }
}
