package org.vnetlab.sim.sweep;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.RunResult;

/**
 * Runs a sweep job on this machine, on the same engine as every other batch of runs: a
 * {@link RunPool} of {@code parallelism} threads fed by a Pekko Streams pipeline.
 */
public final class LocalExecutor implements SweepExecutor {

    private final ScenarioLoader loader;
    private final RunPool pool;

    public LocalExecutor(ScenarioLoader loader, int parallelism) {
        this.loader = loader;
        this.pool = new RunPool(parallelism);
    }

    @Override
    public SortedMap<Integer, RunResult> execute(SweepJob job, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        List<WorkItem> items = job.items();
        try (RunEvaluator evaluator = new RunEvaluator(loader, job)) {
            SortedMap<Integer, RunResult> byPosition = pool.map(items, item -> {
                RunResult r = evaluator.evaluate(item);
                progress.made(item.index(), r);
                return r;
            }, progress::runDone, cancelled);
            SortedMap<Integer, RunResult> byIndex = new TreeMap<>();
            byPosition.forEach((position, r) -> byIndex.put(items.get(position).index(), r));
            return byIndex;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
