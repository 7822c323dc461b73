package org.vnetlab.sim.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.ReferenceDataset;

/** Reads datasets: result files ({@code .json}) or published-value tables ({@code .csv}). */
public final class Datasets {

    private Datasets() {
    }

    /** The bundled study when {@code files} is empty, else the files' checks together. */
    public static Dataset load(List<Path> files) {
        if (files.isEmpty()) {
            return StudyFacts.study();
        }
        List<Check> checks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            Dataset d = f.toString().endsWith(".json") ? ResultChecks.read(f)
                    : new Dataset(f.toString(), ReferenceChecks.of(ReferenceDataset.read(f)));
            checks.addAll(d.checks());
            names.add(d.name());
        }
        return new Dataset(String.join(" + ", names), checks);
    }
}
