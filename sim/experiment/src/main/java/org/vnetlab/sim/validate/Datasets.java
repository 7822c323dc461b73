package org.vnetlab.sim.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ReferenceDataset;

/**
 * Reads datasets: a bundled one by name ({@code study}, {@code literature}), result files
 * ({@code .json}) or published-value tables ({@code .csv}).
 */
public final class Datasets {

    private Datasets() {
    }

    /** The names of the bundled datasets. */
    public static final List<String> BUNDLED = List.of("study", "literature");

    /** The bundled study when {@code files} is empty, else the files' (or bundled datasets') checks together. */
    public static Dataset load(List<Path> files) {
        if (files.isEmpty()) {
            return StudyFacts.study();
        }
        List<Check> checks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<ScenarioRef, Effort> madeWith = new HashMap<>();
        Set<Path> given = new HashSet<>();
        for (Path f : files) {
            if (!given.add(f.toAbsolutePath().normalize())) {
                // its checks would count twice, and weigh twice in a fit
                throw new ConfigError("--dataset " + f + ": given twice; give each dataset once");
            }
            if (!bundled(f) && !Files.exists(f)) {
                throw new ConfigError("--dataset " + f + ": no such file, and not a bundled dataset (bundled: "
                        + String.join(", ", BUNDLED) + "; or a result .json or a .csv of published values)");
            }
            Dataset d = bundled(f) ? bundled(f.toString()) : f.toString().endsWith(".json") ? ResultChecks.read(f)
                    : new Dataset(f.toString(), ReferenceChecks.of(ReferenceDataset.read(f)));
            if (d.checks().isEmpty()) {
                // a truncated or empty file would otherwise "pass" with 0 checks
                throw new ConfigError("--dataset " + f + ": holds no value to check (a .csv of published values has"
                        + " lines table,platform,protocol,direction,metric,value,unit; a result .json has points)");
            }
            checks.addAll(d.checks());
            names.add(d.name());
            d.madeWith().forEach((ref, effort) -> {
                Effort before = madeWith.putIfAbsent(ref, effort);
                if (before != null && !before.equals(effort)) {
                    throw new ConfigError("--dataset " + f + ": " + ref.label() + " was simulated with other trials or"
                            + " durations in an earlier dataset; give results of one configuration made alike");
                }
            });
        }
        return new Dataset(String.join(" + ", names), checks, madeWith);
    }

    /** A bundled dataset's name that is not also a file here. */
    private static boolean bundled(Path f) {
        return BUNDLED.contains(f.toString()) && !Files.exists(f);
    }

    private static Dataset bundled(String name) {
        return name.equals("study") ? StudyFacts.study() : LiteratureFacts.literature();
    }
}
