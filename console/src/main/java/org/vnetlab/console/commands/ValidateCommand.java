package org.vnetlab.console.commands;

import java.util.List;
import java.util.Map;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.ScenarioRef;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs every experiment a dataset has values for and compares the model with each value. */
@Command(name = "validate",
        description = "compare the model with a dataset (default: the study's tables and stated facts); exit 1 on a failure")
public final class ValidateCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioLoader loader;

    @Mixin
    DatasetOptions data;

    @Mixin
    ParamsOption params;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    public ValidateCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        Dataset dataset = data.dataset();
        ScenarioSet scenarios = ScenarioSet.load(loader, dataset, params.file());
        Map<ScenarioRef, List<RunSpec>> plan = Validator.plan(dataset, scenarios, data.effort());
        Progress bar = Progress.runs(quiet ? io.quiet() : io, Validator.runs(plan));
        Validation v;
        try (PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            v = new Validator(evaluator).validate(dataset, scenarios, plan, (done, total) -> bar.step(), io::isCancelled);
        } finally {
            bar.done();
        }
        io.out().print(Validations.table(v, io.width()));
        io.out().println(Validations.summary(v));
        io.out().println("parameters: " + (params.file() == null ? ScenarioLoader.DEFAULT_PARAMETERS : params.file()));
        return v.passed() ? Cli.OK : Cli.FAILURE;
    }
}
