package org.vnetlab.sim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.BooleanSupplier;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.sweep.ScenarioTexts;
import org.vnetlab.sim.sweep.Work;

/**
 * The cluster as an {@link Evaluator}, for the planner and calibration: each batch of jobs goes to
 * the workers as scenario text and runs ({@link ScenarioTexts}), one batch after another with the
 * same workers, and comes back in the batch's order.
 */
public final class ClusterEvaluator implements Evaluator {

    private final ClusterExecutor executor;
    private final ScenarioTexts texts;

    /** @param texts the text of every scenario the jobs will use */
    public ClusterEvaluator(ClusterExecutor executor, ScenarioTexts texts) {
        this.executor = executor;
        this.texts = texts;
    }

    /** The results of the batch's first jobs, up to the first that did not finish (all of them unless cancelled). */
    @Override
    public List<RunResult> evaluate(List<Job> jobs, RunPool.Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        SortedMap<Integer, RunResult> byIndex = executor.execute(texts.job(jobs, Work.SIMULATE), progress::runDone,
                cancelled);
        List<RunResult> results = new ArrayList<>(byIndex.size());
        while (byIndex.containsKey(results.size())) {
            results.add(byIndex.get(results.size()));
        }
        return results;
    }

    @Override
    public void close() {
        executor.close();
    }
}
