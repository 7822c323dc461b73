package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.ScenarioRef;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Validator;

/** Runs every experiment a dataset has values for and compares the model with each value. */
public final class ValidateCommand implements Command {

    private final ScenarioLoader loader;

    public ValidateCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "compare the model with a dataset (default: the study's tables and stated facts); exit 1 on a failure";
    }

    @Override
    public List<Option> options() {
        List<Option> all = new ArrayList<>(DatasetOptions.all());
        all.add(ScenarioOptions.PARAMS);
        all.add(SimCommand.QUIET);
        return all;
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new UsageError("validate: takes no arguments, got " + String.join(" ", args.positional())
                    + " (a dataset is given with --dataset FILE)");
        }
        Dataset dataset = DatasetOptions.dataset(args);
        Path params = args.path(ScenarioOptions.PARAMS.name()).orElse(null);
        Validation v = validate(loader, dataset, params, args, io);
        io.out().print(Validations.table(v));
        io.out().println(Validations.summary(v));
        io.out().println("parameters: " + (params == null ? ScenarioLoader.DEFAULT_PARAMETERS : params));
        return v.passed() ? Cli.OK : Cli.FAILURE;
    }

    static Validation validate(ScenarioLoader loader, Dataset dataset, Path params, ParsedArgs args, Terminal io)
            throws Exception {
        ScenarioSet scenarios = ScenarioSet.load(loader, dataset, params);
        Map<ScenarioRef, List<RunSpec>> plan = Validator.plan(dataset, scenarios, DatasetOptions.effort(args));
        Progress bar = Progress.start(args.has(SimCommand.QUIET.name()) ? io.quiet() : io, Validator.runs(plan));
        try (PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            return new Validator(evaluator).validate(dataset, scenarios, plan, (done, total) -> bar.step(),
                    io::isCancelled);
        } finally {
            bar.done();
        }
    }
}
