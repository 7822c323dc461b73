package org.vnetlab.console.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.sim.calibrate.Calibration;
import org.vnetlab.sim.calibrate.Coverage;
import org.vnetlab.sim.calibrate.FitKeys;
import org.vnetlab.sim.calibrate.ParamsText;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.ScenarioRef;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.Validator;
import org.vnetlab.sim.validate.Verdict;

/** Fits model parameters to a dataset and writes them as a parameter file. */
public final class CalibrateCommand implements Command {

    static final Option FIT = Option.value("--fit", "KEYS",
            "comma-separated model parameters to fit, e.g. cost.bridge.per-packet-ns,cost.netback.rx-per-packet-ns",
            "every cost.*-ns parameter");
    static final Option OUT = Option.value("--out", "FILE", "where to write the fitted parameters (HOCON)",
            "params.conf");
    static final Option MAX_EVALUATIONS = Option.value("--max-evaluations", "N",
            "stop after this many candidate parameter sets", "200");

    private final ScenarioLoader loader;

    public CalibrateCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "fit model parameters to a dataset (BOBYQA, common random numbers) and write a parameter file";
    }

    @Override
    public List<Option> options() {
        List<Option> all = new ArrayList<>(DatasetOptions.all());
        all.add(FIT);
        all.add(OUT);
        all.add(MAX_EVALUATIONS);
        all.add(ScenarioOptions.PARAMS);
        return all;
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new UsageError("calibrate: takes no arguments, got " + String.join(" ", args.positional())
                    + " (a dataset is given with --dataset FILE)");
        }
        Dataset dataset = DatasetOptions.dataset(args);
        Path params = args.path(ScenarioOptions.PARAMS.name()).orElse(null);
        Path out = args.path(OUT.name()).orElse(Path.of("params.conf"));
        int maxEvaluations = args.positiveInt(MAX_EVALUATIONS.name(), 200);
        ScenarioSet scenarios = ScenarioSet.load(loader, dataset, params);
        ModelParameters start = scenarios.scenarios().values().iterator().next().parameters();
        List<String> keys = args.value(FIT.name()).map(k -> FitKeys.parse(k, start)).orElse(FitKeys.defaults(start));
        Map<ScenarioRef, List<RunSpec>> plan = Validator.plan(dataset, scenarios, DatasetOptions.effort(args));
        io.out().println("fitting " + keys.size() + " parameter(s) to dataset " + dataset.name() + ": "
                + dataset.checks().size() + " checks, " + Validator.runs(plan) + " runs per evaluation");
        io.out().println(String.format(Locale.ROOT, "%5s  %16s  %s", "eval", "sum of squares", "values"));
        Calibration.Fit fit;
        try (PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            fit = new Calibration(new Validator(evaluator), dataset, scenarios, plan, (d, t) -> { }, io::isCancelled)
                    .fit(keys, maxEvaluations, (n, values, sos) -> io.out().println(String.format(Locale.ROOT,
                            "%5d  %16.6g  %s", n, sos, compact(values))));
        }
        io.out().println();
        io.out().print(values(fit));
        io.out().println();
        io.out().print(residuals(fit));
        io.out().println(String.format(Locale.ROOT, "total: sum of squared residuals %.6g (start %.6g), %d evaluations%s",
                fit.atFit().sumOfSquares(), fit.atStart().sumOfSquares(), fit.evaluations(),
                fit.stopped().isEmpty() ? "" : ", " + fit.stopped()));
        Files.writeString(out, ParamsText.of(fit, Coverage.of(dataset, scenarios)));
        io.out().println("wrote " + out + " (use it with --params " + out + ")");
        return 0;
    }

    private static String compact(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + String.format(Locale.ROOT, "%.5g", v)));
        return String.join(" ", parts);
    }

    private static String values(Calibration.Fit fit) {
        List<List<String>> rows = new ArrayList<>();
        for (String k : fit.keys()) {
            double s = fit.start().get(k);
            double f = fit.fitted().get(k);
            rows.add(List.of("model." + k, String.format(Locale.ROOT, "%.5g", s), String.format(Locale.ROOT, "%.5g", f),
                    String.format(Locale.ROOT, "%+.1f %%", 100 * (f - s) / s)));
        }
        return TextTable.render(List.of("parameter", "start", "fitted", "change"), rows);
    }

    private static String residuals(Calibration.Fit fit) {
        List<List<String>> rows = new ArrayList<>();
        for (Verdict v : fit.atFit().verdicts()) {
            rows.add(List.of(v.check(), v.expected(), v.model(),
                    v.residuals().length == 0 ? "" : String.format(Locale.ROOT, "%.4g", v.sumOfSquares()),
                    v.status().label()));
        }
        return TextTable.render(List.of("check", "expected", "model", "squared residual", "result"), rows);
    }
}
