package org.vnetlab.sim.sweep;

import java.util.List;

/**
 * Runs as executors get them: the scenarios as complete HOCON text (never a path), what to do
 * with each item, and the items. A grid sweep has one scenario; a batch of a planner's or a
 * calibration's candidates may have several.
 *
 * @param scenarioTexts scenarios with every key resolved ({@code LoadedScenario.render()}); an
 *                      item names its own by position
 */
public record SweepJob(List<String> scenarioTexts, Work work, List<WorkItem> items) {

    public SweepJob {
        scenarioTexts = List.copyOf(scenarioTexts);
        items = List.copyOf(items);
        for (WorkItem item : items) {
            if (item.scenario() < 0 || item.scenario() >= scenarioTexts.size()) {
                throw new IllegalArgumentException("item " + item.index() + " names scenario " + item.scenario()
                        + " of " + scenarioTexts.size());
            }
        }
    }

    /** A job of one scenario, as a grid sweep's. */
    public SweepJob(String scenarioText, Work work, List<WorkItem> items) {
        this(List.of(scenarioText), work, items);
    }
}
