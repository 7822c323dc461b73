package org.vnetlab.console.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vnetlab.config.ParameterSpec;
import org.vnetlab.config.ParameterSpecs;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.OutputPaths;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.sim.calibrate.Calibration;
import org.vnetlab.sim.calibrate.ConsistentRanges;
import org.vnetlab.sim.calibrate.Coverage;
import org.vnetlab.sim.calibrate.FitKeys;
import org.vnetlab.sim.calibrate.ParamsText;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.sweep.ScenarioTexts;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.ScenarioRef;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.Validator;
import org.vnetlab.sim.validate.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Fits model parameters to a dataset and writes them as a parameter file. */
@Command(name = "calibrate",
        description = "fit model parameters to a dataset (BOBYQA, common random numbers) and write a parameter file")
public final class CalibrateCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioLoader loader;

    @Mixin
    DatasetOptions data;

    @Option(names = "--fit", paramLabel = "KEYS", description = "comma-separated model parameters to fit, e.g."
            + " cost.bridge.per-packet-ns,cost.netback.rx-per-packet-ns (default: every cost.*-ns parameter)")
    String fit;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the fitted parameters, HOCON"
            + " (default: ${DEFAULT-VALUE})")
    Path out = Path.of("params.conf");

    @Option(names = "--ranges", description = "fit nothing: for each parameter alone, print the interval of values over"
            + " which every check that passes at the start still passes: what the dataset pins (default parameters:"
            + " those fitted to the study; --fit names others)")
    boolean ranges;

    @Option(names = "--max-evaluations", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "stop after this many candidate parameter sets (default: ${DEFAULT-VALUE})")
    int maxEvaluations = 200;

    @Mixin
    ParamsOption params;

    @Mixin
    CoordinatorOptions cluster;

    public CalibrateCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        if (!ranges) {
            // before the fit, which can take hours
            OutputPaths.checkFile("calibrate", "--out", out);
        }
        Dataset dataset = data.dataset();
        ScenarioSet scenarios = ScenarioSet.load(loader, dataset, params.file());
        ModelParameters start = scenarios.scenarios().values().iterator().next().parameters();
        List<String> keys = fit != null ? FitKeys.parse(fit, start) : ranges ? FitKeys.fitted(start)
                : FitKeys.defaults(start);
        Map<ScenarioRef, List<RunSpec>> plan = Validator.plan(dataset, scenarios, data.effort());
        if (ranges) {
            return ranges(io, dataset, scenarios, plan, keys, start);
        }
        Calibration.checkEvaluations(keys.size(), maxEvaluations);
        io.out().println("fitting " + keys.size() + " parameter(s) to dataset " + dataset.name() + ": "
                + dataset.checks().size() + " checks, " + Validator.runs(plan) + " runs per evaluation");
        io.out().println(String.format(Locale.ROOT, "%5s  %16s  %s", "eval", "sum of squares", "values"));
        Calibration.Fit result = withValidator(io, scenarios, validator -> new Calibration(validator, dataset,
                scenarios, plan, (d, t) -> { }, io::isCancelled).fit(keys, maxEvaluations, (n, values, sos) ->
                io.out().println(String.format(Locale.ROOT, "%5d  %16.6g  %s", n, sos, compact(values)))));
        io.out().println();
        io.out().print(values(result));
        io.out().println();
        io.out().print(residuals(result));
        io.out().println(String.format(Locale.ROOT, "total: sum of squared residuals %.6g (start %.6g), %d evaluations%s",
                result.atFit().sumOfSquares(), result.atStart().sumOfSquares(), result.evaluations(),
                result.stopped().isEmpty() ? "" : ", " + result.stopped()));
        for (String k : result.atRangeEdge()) {
            io.out().println("note: model." + k + " ended at the edge of its valid range ("
                    + ParameterSpecs.bundled().get(k).orElseThrow().range() + "): a mechanism the checks need may be"
                    + " missing, rather than the range being too narrow");
        }
        for (String k : result.unmoved()) {
            io.out().println("note: model." + k + " moved no check of dataset " + dataset.name() + ": every candidate"
                    + " that changed it alone scored as the start did, so the dataset cannot pin it");
        }
        if (result.unmoved().size() == keys.size()) {
            io.err().println("vnetlab: calibrate: dataset " + dataset.name() + " pins none of the parameters fitted ("
                    + String.join(", ", keys) + "); nothing written to " + out);
            return Cli.FAILURE;
        }
        Files.writeString(out, ParamsText.of(result, Coverage.of(dataset, scenarios)));
        io.out().println("wrote " + out + " (use it with --params " + out + ")");
        return 0;
    }

    private int ranges(Terminal io, Dataset dataset, ScenarioSet scenarios, Map<ScenarioRef, List<RunSpec>> plan,
                       List<String> keys, ModelParameters start) throws Exception {
        List<ConsistentRanges.Range> found = withValidator(io, scenarios, validator -> {
            List<ConsistentRanges.Range> done = new ArrayList<>();
            ConsistentRanges.Judge judge = changed -> validator.validate(dataset, scenarios.with(changed), plan,
                    (d, t) -> { }, io::isCancelled);
            ConsistentRanges walk = new ConsistentRanges(judge, judge.validate(Map.of()), (k, v, ok) ->
                    io.out().println(String.format(Locale.ROOT, "  %s = %.5g: %s", k, v,
                            ok ? "every check still passes" : "a check fails")));
            io.out().println("the interval of each of " + keys.size() + " parameter(s) alone over which the "
                    + walk.checksHeld() + " checks of dataset " + dataset.name() + " that pass at the start still pass ("
                    + Validator.runs(plan) + " runs per candidate):");
            for (String k : keys) {
                ConsistentRanges.Range r = walk.of(k, start.get(k));
                if (io.isCancelled()) {
                    // a walk cut short judged its last candidates on runs that never finished
                    io.out().println("stopped by the user: " + done.size() + " of " + keys.size() + " parameters done");
                    break;
                }
                done.add(r);
            }
            return done;
        });
        io.out().println();
        List<List<String>> rows = new ArrayList<>();
        for (ConsistentRanges.Range r : found) {
            rows.add(List.of("model." + r.key(), String.format(Locale.ROOT, "%.5g", r.start()),
                    (r.lowBounded() ? "" : "<= ") + String.format(Locale.ROOT, "%.5g", r.low()),
                    (r.highBounded() ? "" : ">= ") + String.format(Locale.ROOT, "%.5g", r.high()),
                    ParameterSpecs.bundled().get(r.key()).map(ParameterSpec::range).orElse("")));
        }
        io.out().print(TextTable.render(List.of("parameter", "start", "consistent from", "to", "valid"), rows));
        io.out().println("<= and >=: no check failed as far as the walk went (a factor of "
                + Calibration.MIN_SCALE + " to " + Calibration.MAX_SCALE + " of the start, inside the valid range):"
                + " the dataset does not bound that side");
        return 0;
    }

    /** What runs against a validator of the dataset's scenarios, simulating here or on the cluster. */
    private interface ValidatorWork<T> {
        T run(Validator validator) throws Exception;
    }

    private <T> T withValidator(Terminal io, ScenarioSet scenarios, ValidatorWork<T> work) throws Exception {
        try (ScenarioTexts texts = new ScenarioTexts(loader);
             Evaluator evaluator = cluster.evaluator(texts, "calibrate", io)) {
            scenarios.scenarios().keySet().forEach(r -> texts.add(loader.load(r.name(), r.sets(), params.file())));
            return work.run(new Validator(evaluator));
        }
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
                    String.format(Locale.ROOT, "%+.1f %%", 100 * (f - s) / s),
                    ParameterSpecs.bundled().get(k).map(ParameterSpec::range).orElse("")));
        }
        return TextTable.render(List.of("parameter", "start", "fitted", "change", "valid"), rows);
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
