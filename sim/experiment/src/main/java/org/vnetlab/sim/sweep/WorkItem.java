package org.vnetlab.sim.sweep;

import java.util.List;
import org.vnetlab.sim.experiment.RunSpec;

/**
 * One run of a sweep: which of the job's scenario texts it loads, the scenario keys set for it
 * (its grid values and its seed) and the run itself. Everything a worker needs besides the job's
 * scenario texts, and nothing it would have to trust: keys and values only, checked again by the
 * scenario loader.
 *
 * @param index     position in the sweep's plan; results are gathered by it
 * @param scenario  position of its scenario in the job's {@link SweepJob#scenarioTexts()}
 * @param overrides {@code KEY=VALUE} settings applied over that scenario
 */
public record WorkItem(int index, int scenario, List<String> overrides, RunSpec spec) {

    public WorkItem {
        overrides = List.copyOf(overrides);
    }
}
