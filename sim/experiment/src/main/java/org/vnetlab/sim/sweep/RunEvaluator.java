package org.vnetlab.sim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunResult;

/** Evaluates the work items of one sweep job; safe to call from many threads. */
public final class RunEvaluator implements AutoCloseable {

    private final Work work;
    private final List<ScenarioCache> scenarios = new ArrayList<>();

    public RunEvaluator(ScenarioLoader loader, SweepJob job) {
        this(loader, job.scenarioTexts(), job.work());
    }

    /** @throws org.vnetlab.config.ConfigError for a text that is not a self-contained scenario */
    public RunEvaluator(ScenarioLoader loader, List<String> scenarioTexts, Work work) {
        this.work = work;
        try {
            for (String text : scenarioTexts) {
                scenarios.add(new ScenarioCache(loader, text));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @throws IllegalArgumentException for an item that names a scenario the job does not have */
    public RunResult evaluate(WorkItem item) {
        if (item.scenario() < 0 || item.scenario() >= scenarios.size()) {
            throw new IllegalArgumentException("run " + item.index() + " names scenario " + item.scenario() + " of "
                    + scenarios.size());
        }
        return switch (work) {
            case SIMULATE -> Experiment.run(scenarios.get(item.scenario()).get(item.overrides()), item.spec());
            case NOTHING -> RunResult.throughput(item.spec(), Map.of(), Map.of(), new TreeMap<>(), new TreeMap<>(), 0, 0);
        };
    }

    @Override
    public void close() {
        scenarios.forEach(ScenarioCache::close);
    }
}
