package org.vnetlab.sim.sweep;

import java.util.Map;
import java.util.TreeMap;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunResult;

/** Evaluates the work items of one sweep job; safe to call from many threads. */
public final class RunEvaluator implements AutoCloseable {

    private final Work work;
    private final ScenarioCache scenarios;

    public RunEvaluator(ScenarioLoader loader, SweepJob job) {
        this(loader, job.scenarioText(), job.work());
    }

    public RunEvaluator(ScenarioLoader loader, String scenarioText, Work work) {
        this.work = work;
        this.scenarios = new ScenarioCache(loader, scenarioText);
    }

    public RunResult evaluate(WorkItem item) {
        return switch (work) {
            case SIMULATE -> Experiment.run(scenarios.get(item.overrides()), item.spec());
            case NOTHING -> RunResult.throughput(item.spec(), Map.of(), Map.of(), new TreeMap<>(), new TreeMap<>(), 0, 0);
        };
    }

    @Override
    public void close() {
        scenarios.close();
    }
}
