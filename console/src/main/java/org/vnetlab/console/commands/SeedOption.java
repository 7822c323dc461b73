package org.vnetlab.console.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --seed N}: the root seed, given to the scenario as the override {@code method.seed=N}. */
final class SeedOption {

    @Option(names = "--seed", paramLabel = "N", description = "root seed (default: the scenario's method.seed)")
    Long seed;

    /** {@code sets}, and the seed's override when a seed was given. */
    List<String> with(List<String> sets) {
        List<String> all = new ArrayList<>(sets);
        if (seed != null) {
            all.add("method.seed=" + seed);
        }
        return all;
    }
}
