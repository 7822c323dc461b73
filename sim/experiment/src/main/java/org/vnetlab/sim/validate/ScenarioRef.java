package org.vnetlab.sim.validate;

import java.util.List;

/**
 * A scenario configuration a check needs simulated: a bundled name or file and its
 * {@code --set} overrides (e.g. {@code rtt} with {@code rtt.reflector=domU}).
 */
public record ScenarioRef(String name, List<String> sets) {

    public ScenarioRef {
        sets = List.copyOf(sets);
    }

    public static ScenarioRef of(String name, String... sets) {
        return new ScenarioRef(name, List.of(sets));
    }

    /** e.g. {@code rtt[rtt.reflector=domU]} or {@code native}. */
    public String label() {
        return sets.isEmpty() ? name : name + "[" + String.join(",", sets) + "]";
    }
}
