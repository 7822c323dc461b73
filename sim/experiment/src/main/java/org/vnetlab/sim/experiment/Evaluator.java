package org.vnetlab.sim.experiment;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * Runs a batch of independent simulations and returns their results in the batch's order.
 * Validation, calibration and planning evaluate every candidate through this one interface, so
 * the engine behind it (the local {@link PoolEvaluator} today, a cluster sweep engine later) can
 * be swapped without touching them.
 */
public interface Evaluator extends AutoCloseable {

    /** Hears of each result as soon as it is made, with the job's position in the batch. */
    interface Made {
        void made(int job, RunResult result);
    }

    /**
     * @param progress  told after each finished run
     * @param cancelled polled between runs; once true, no further run starts and the results
     *                  so far are returned (possibly fewer than the jobs)
     */
    List<RunResult> evaluate(List<Job> jobs, RunPool.Progress progress, BooleanSupplier cancelled)
            throws InterruptedException;

    /**
     * Like {@link #evaluate(List, RunPool.Progress, BooleanSupplier)}, with a say over each job
     * just before it starts: a job {@code needed} declines is not run and its result is null (it
     * still counts as done for {@code progress}); {@code made} hears of each result as it is made,
     * so {@code needed} can decide from the results so far. An evaluator that cannot ask runs
     * every job, which changes no answer, only the time taken.
     */
    default List<RunResult> evaluate(List<Job> jobs, IntPredicate needed, Made made, RunPool.Progress progress,
                                     BooleanSupplier cancelled) throws InterruptedException {
        List<RunResult> results = evaluate(jobs, progress, cancelled);
        for (int i = 0; i < results.size(); i++) {
            made.made(i, results.get(i));
        }
        return results;
    }

    @Override
    void close() throws InterruptedException;
}
