package org.vnetlab.sim.experiment;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a batch of independent simulations and returns their results in the batch's order.
 * Validation, calibration and planning evaluate every candidate through this one interface, so
 * the engine behind it (the local {@link PoolEvaluator} today, a cluster sweep engine later) can
 * be swapped without touching them.
 */
public interface Evaluator extends AutoCloseable {

    /**
     * @param progress  told after each finished run
     * @param cancelled polled between runs; once true, no further run starts and the results
     *                  so far are returned (possibly fewer than the jobs)
     */
    List<RunResult> evaluate(List<Job> jobs, RunPool.Progress progress, BooleanSupplier cancelled)
            throws InterruptedException;

    @Override
    void close() throws InterruptedException;
}
