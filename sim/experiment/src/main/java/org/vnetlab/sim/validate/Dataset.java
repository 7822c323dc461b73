package org.vnetlab.sim.validate;

import java.util.List;
import java.util.Map;

/**
 * Checks the model is validated against and calibrated on, under the name of their source.
 *
 * @param madeWith the effort a scenario configuration's values were simulated with, where the
 *                 dataset is a result of vnetlab's own: they are simulated again the same way,
 *                 whatever effort the command asks of the others
 */
public record Dataset(String name, List<Check> checks, Map<ScenarioRef, Effort> madeWith) {

    public Dataset {
        checks = List.copyOf(checks);
        madeWith = Map.copyOf(madeWith);
    }

    /** Checks of published or measured values, simulated with the command's effort. */
    public Dataset(String name, List<Check> checks) {
        this(name, checks, Map.of());
    }

    /** The effort to simulate {@code ref} with: its own, or {@code asked}. */
    public Effort effort(ScenarioRef ref, Effort asked) {
        return madeWith.getOrDefault(ref, asked);
    }
}
