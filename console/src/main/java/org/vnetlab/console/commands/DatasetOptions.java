package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.List;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.Datasets;
import org.vnetlab.sim.validate.Effort;

/** The options validate and calibrate share: which dataset, and how hard to simulate. */
final class DatasetOptions {

    static final Option DATASET = Option.repeated("--dataset", "FILE",
            "a dataset: result JSON written by vnetlab, or a CSV of published values (default: the bundled study)");
    static final Option QUICK = Option.flag("--quick",
            "one trial of 1 s per point instead of the study's method (7 trials of 10 s)");

    private DatasetOptions() {
    }

    static Dataset dataset(ParsedArgs args) {
        return Datasets.load(args.values(DATASET.name()).stream().map(Path::of).toList());
    }

    static Effort effort(ParsedArgs args) {
        return args.has(QUICK.name()) ? Effort.quick() : Effort.study();
    }

    static List<Option> all() {
        return List.of(DATASET, QUICK);
    }
}
