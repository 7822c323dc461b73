package org.vnetlab.sim.sweep;

import java.util.List;

/**
 * The runs of a sweep as executors get them: the scenario as complete HOCON text (never a path),
 * what to do with each item, and the items.
 *
 * @param scenarioText the sweep's scenario with every key resolved ({@code LoadedScenario.render()})
 */
public record SweepJob(String scenarioText, Work work, List<WorkItem> items) {

    public SweepJob {
        items = List.copyOf(items);
    }
}
