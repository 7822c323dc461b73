package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.Datasets;
import org.vnetlab.sim.validate.Effort;
import picocli.CommandLine.Option;

/** The options validate and calibrate share: which dataset, and how hard to simulate. */
final class DatasetOptions {

    @Option(names = "--dataset", paramLabel = "FILE|NAME", description = "a dataset: a bundled one (study, literature),"
            + " result JSON written by vnetlab, or a CSV of published values (repeatable; default: the bundled study)")
    List<Path> datasets = new ArrayList<>();

    @Option(names = "--quick", description = "one trial of 1 s per point instead of the study's method (7 trials of 10 s)")
    boolean quick;

    Dataset dataset() {
        return Datasets.load(datasets);
    }

    Effort effort() {
        return quick ? Effort.quick() : Effort.study();
    }
}
