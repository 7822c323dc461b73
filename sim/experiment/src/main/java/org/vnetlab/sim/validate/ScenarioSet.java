package org.vnetlab.sim.validate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;

/**
 * The scenarios a dataset needs, each loaded once (with the parameter file, if any), and copies
 * of them with other model parameters: calibration evaluates candidates without re-reading
 * configuration.
 */
public record ScenarioSet(Map<ScenarioRef, Scenario> scenarios) {

    public ScenarioSet {
        scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
    }

    public static ScenarioSet load(ScenarioLoader loader, Dataset dataset, Path params) {
        Map<ScenarioRef, Scenario> out = new LinkedHashMap<>();
        for (Check c : dataset.checks()) {
            for (Series s : c.needs()) {
                out.computeIfAbsent(s.scenario(), r -> loader.load(r.name(), r.sets(), params).scenario());
            }
        }
        return new ScenarioSet(out);
    }

    /** The same scenarios with some model parameters replaced (names relative to {@code model.}). */
    public ScenarioSet with(Map<String, Double> changes) {
        Map<ScenarioRef, Scenario> out = new LinkedHashMap<>();
        scenarios.forEach((ref, s) -> out.put(ref, new Scenario(s.name(), s.description(), s.host(), s.peer(), s.link(),
                s.platform(), s.workloads(), s.method(), s.parameters().with(changes))));
        return new ScenarioSet(out);
    }
}
