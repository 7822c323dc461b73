package org.vnetlab.console.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.SensitivityJson;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunCache;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;
import org.vnetlab.sim.sensitivity.Headlines;
import org.vnetlab.sim.sensitivity.Swings;
import org.vnetlab.sim.sensitivity.Variation;
import org.vnetlab.sim.sensitivity.Variations;
import org.vnetlab.sim.sweep.ScenarioTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How much a prediction rests on what no fit pins: every prior and published figure of the model,
 * one at a time, moved to each end of where its value plausibly lies, and how far each moves the
 * prediction's numbers.
 */
@Command(name = "sensitivity", resourceBundle = "vnetlab.sensitivity-help",
        description = "how much a prediction rests on what no fit pins: each prior and each unknown of the testbed"
                + " moved alone to the ends of its plausible range, largest effect first",
        footer = {"", "The keys varied are the model's priors and published figures (vnetlab params: the plausible",
            "column) and what the study does not state about its testbed: machine 2's speed (an inference)",
            "and, where the machine has two CPUs, the CPU or Dom0 VCPU that took each NIC's interrupt.",
            "Each is moved alone, everything else at its value; --vary adds any key and replaces a default range.",
            "Every key costs two runs per point, so the defaults are quicker than sim's: 3 trials of 1 s",
            "simulated, the scenario's smallest and largest payload; a swing within the baseline trials' spread",
            "is marked ~. Example:",
            "  vnetlab sensitivity xen-burned --protocol ipv4 --sizes 1470"})
public final class SensitivityCommand implements ScenarioCommand {

    private static final long QUICK_NANOS = 1_000_000_000L;
    private static final int QUICK_TRIALS = 3;

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "SCENARIO|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    @Option(names = "--vary", paramLabel = "KEY=LOW..HIGH", description = "also vary this key between these values,"
            + " as --set takes them (repeatable; a model key given here replaces its plausible range)")
    List<String> vary = new ArrayList<>();

    @Option(names = "--only-vary", description = "vary only the --vary keys, not the model's priors")
    boolean onlyVary;

    @Mixin
    ScenarioRunOptions scenarioRun;

    @Option(names = "--json", paramLabel = "FILE", description = "write every headline's swings as JSON"
            + " (vnetlab.sensitivity/1); - for stdout")
    String json;

    @Mixin
    BatchOptions batch;

    public SensitivityCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    /** A variation's two scenarios: the key at its low end and at its high end. */
    private record Ends(LoadedScenario low, LoadedScenario high) {
    }

    @Override
    public int run(Terminal io) throws Exception {
        OutputOptions.check("sensitivity", "--json", json);
        List<String> sets = scenarioRun.sets();
        Path params = scenarioRun.scenarioOptions.params();
        LoadedScenario base = loader.load(scenario, sets, params);
        scenarioRun.run.sizesWarning().ifPresent(w -> io.err().println("vnetlab: sensitivity: " + w));
        List<Variation> variations = variations(base);
        SimOptions options = quick(scenarioRun.run.options(), base.scenario());
        Map<Variation, Ends> ends = new LinkedHashMap<>();
        List<LoadedScenario> all = new ArrayList<>(List.of(base));
        List<Job> jobs = new ArrayList<>(SimCommand.jobs(base, Experiment.plan(base.scenario(), options), options));
        for (Variation v : variations) {
            Ends e = new Ends(load(sets, params, v, v.lowSet()), load(sets, params, v, v.highSet()));
            ends.put(v, e);
            all.addAll(List.of(e.low(), e.high()));
            jobs.addAll(jobs(e.low(), v, v.lowSet(), options));
            jobs.addAll(jobs(e.high(), v, v.highSet(), options));
        }
        io.err().printf(Locale.ROOT, "sensitivity %s: %d key%s varied, %d runs of %.3g s simulated%n", base.source(),
                variations.size(), variations.size() == 1 ? "" : "s", jobs.size(), options.durationNanos() / 1e9);
        RunCache cache = batch.cacheOptions.cache();
        Simulation.Outcome outcome;
        try (ScenarioTexts texts = new ScenarioTexts(loader);
             Evaluator evaluator = batch.cluster.evaluator(texts, "sensitivity", io)) {
            all.forEach(texts::add);
            outcome = Simulation.run(jobs, evaluator, io, batch.quiet, cache);
        }
        if (!outcome.complete()) {
            io.err().println(SimCommand.stopped("sensitivity", outcome));
            return Cli.FAILURE;
        }
        List<Swings> swings = swings(base, ends, jobs, outcome);
        PrintStream text = OutputOptions.STDOUT.equals(json) ? io.err() : io.out();
        swings.forEach(s -> text.print(render(s)));
        CacheOptions.report("sensitivity", cache, outcome.batch().cached(), outcome.made(), io);
        if (json != null) {
            OutputOptions.write(json, SensitivityJson.write(new SensitivityJson.Run(base.source(),
                    base.scenario().method().seed(), Version.current(), base.parameters(), sets, options.trials(),
                    options.durationNanos() / 1e9), swings), io);
        }
        return Cli.OK;
    }

    /** Each headline number of the baseline with how far each variation moved it. */
    private static List<Swings> swings(LoadedScenario base, Map<Variation, Ends> ends, List<Job> jobs,
                                       Simulation.Outcome outcome) {
        Map<Variation, Map<String, Headlines.Headline>> atLow = new LinkedHashMap<>();
        Map<Variation, Map<String, Headlines.Headline>> atHigh = new LinkedHashMap<>();
        ends.forEach((v, e) -> {
            atLow.put(v, headlines(e.low(), jobs, outcome));
            atHigh.put(v, headlines(e.high(), jobs, outcome));
        });
        List<Variation> variations = List.copyOf(ends.keySet());
        List<Swings> swings = new ArrayList<>();
        headlines(base, jobs, outcome).forEach((headline, value) ->
                swings.add(Swings.of(headline, value, variations, atLow, atHigh)));
        return swings;
    }

    /**
     * The model's unpinned parameters and the testbed's unknowns unless --only-vary, then the
     * --vary keys (which replace a default range).
     */
    private List<Variation> variations(LoadedScenario base) {
        Map<String, Variation> byKey = new LinkedHashMap<>();
        if (!onlyVary) {
            Variations.unpinned(base.scenario(), loader.parameterSpecs()).forEach(v -> byKey.put(v.key(), v));
            Variations.testbed(base, loader.testbedUnknowns()).forEach(v -> byKey.put(v.key(), v));
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String text : vary) {
            Variation v;
            try {
                v = Variations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageError("sensitivity: --vary " + text + ": " + e.getMessage());
            }
            String before = given.put(v.key(), text);
            if (before != null) {
                // the last one won, silently
                throw new UsageError("sensitivity: --vary " + text + ": " + v.key() + " is varied already (--vary "
                        + before + "); give each key once");
            }
            byKey.put(v.key(), v);
        }
        if (byKey.isEmpty()) {
            throw new UsageError("sensitivity: nothing to vary: --only-vary needs at least one --vary KEY=LOW..HIGH");
        }
        return List.copyOf(byKey.values());
    }

    /** The scenario with one key at one end; a bad key or value names the --vary that gave it. */
    private LoadedScenario load(List<String> sets, Path params, Variation v, String end) {
        List<String> with = new ArrayList<>(sets);
        with.add(end);
        try {
            return loader.load(scenario, with, params);
        } catch (ConfigError e) {
            // the loader names the override it was given; the user gave a --vary or nothing
            String why = e.getMessage().startsWith("--set " + end + ": ")
                    ? e.getMessage().substring(("--set " + end + ": ").length()) : e.getMessage();
            throw new UsageError("sensitivity: " + flag(v, end) + ": " + why);
        }
    }

    /** The runs of one end of a variation; one that leaves nothing to run names the --vary that did. */
    private static List<Job> jobs(LoadedScenario end, Variation v, String set, SimOptions options) {
        try {
            List<RunSpec> specs = Experiment.plan(end.scenario(), options);
            if (specs.isEmpty()) {
                throw new UsageError("sensitivity: " + flag(v, set) + ": at " + set + " the scenario "
                        + Experiment.whyNothingToRun(end.scenario(), options));
            }
            return SimCommand.jobs(end, specs, options);
        } catch (ConfigError e) {
            throw new UsageError("sensitivity: " + flag(v, set) + ": at " + set + ", " + e.getMessage());
        }
    }

    /** What gave a variation: the user's --vary, or the model's plausible range of a key at one end. */
    private static String flag(Variation v, String end) {
        return v.basis().equals(Variations.GIVEN) ? "--vary " + v.key() + "=" + v.low() + ".." + v.high()
                : v.key() + " at " + end.substring(end.indexOf('=') + 1);
    }

    /** sim's options with a quicker default: three trials of 1 s, the smallest and largest payload. */
    private static SimOptions quick(SimOptions o, Scenario s) {
        List<Integer> sizes = o.sizes();
        List<UdpStream> udp = s.workloads(UdpStream.class);
        if (sizes == null && !udp.isEmpty()) {
            int smallest = Integer.MAX_VALUE;
            int largest = Integer.MAX_VALUE;
            for (IpVersion ip : o.protocols()) {
                List<Integer> own = udp.get(0).sizes().of(ip);
                if (!own.isEmpty()) {
                    smallest = Math.min(smallest, own.stream().min(Integer::compare).orElseThrow());
                    largest = Math.min(largest, own.stream().max(Integer::compare).orElseThrow());
                }
            }
            sizes = smallest == Integer.MAX_VALUE ? null : List.copyOf(new TreeSet<>(List.of(smallest, largest)));
        }
        return new SimOptions(o.protocols(), o.transports(), sizes, o.trials() == null ? QUICK_TRIALS : o.trials(),
                o.durationNanos() == null ? QUICK_NANOS : o.durationNanos(), o.fidelity(),
                o.sizes() == null ? null : o.sizesFlag());
    }

    private static Map<String, Headlines.Headline> headlines(LoadedScenario l, List<Job> jobs, Simulation.Outcome outcome) {
        Result r = Experiment.aggregate(l.scenario(), Version.current(), l.parameters(),
                outcome.of(jobs, j -> j.scenario() == l.scenario()));
        return Headlines.of(r);
    }

    /** One headline's table: the keys that move it, largest swing first, then those that do not. */
    static String render(Swings s) {
        StringBuilder b = new StringBuilder();
        var span = s.span();
        double scale = s.baseline();
        b.append(String.format(Locale.ROOT, "%n%s: %s with every key at its value%s; %s to %s with one key moved%n",
                s.headline(), fmt(scale, scale), s.trialSpread() > 0 ? " (its trials " + fmt(s.trialSpread(), scale)
                        + " apart)" : "", fmt(span.low(), scale), fmt(span.high(), scale)));
        if (!s.moving().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Swings.Swing w : s.moving()) {
                Variation v = w.variation();
                rows.add(List.of(v.key(), v.low(), v.high(), fmt(w.atLow(), scale), fmt(w.atHigh(), scale),
                        fmt(w.size(), scale) + (w.size() <= s.trialSpread() ? " ~" : ""), v.basis()));
            }
            b.append(TextTable.render(List.of("key", "low", "high", "at low", "at high", "swing", "range from"), rows));
            if (s.moving().stream().anyMatch(w -> w.size() <= s.trialSpread())) {
                b.append("~ within the baseline trials' spread: as much the runs' own variation as the key's effect\n");
            }
            if (s.moving().stream().anyMatch(w -> Double.isNaN(w.atLow()) || Double.isNaN(w.atHigh()))) {
                b.append("none: the scenario at that end has no such point (another platform names its guests"
                        + " otherwise, or the point's workload is gone)\n");
            }
        }
        if (!s.still().isEmpty()) {
            b.append(s.still().size()).append(s.still().size() == 1 ? " key moves" : " keys move")
                    .append(" it by less than ").append(Swings.NEGLIGIBLE * 100).append(" %: ")
                    .append(String.join(", ", s.still().stream().map(w -> w.variation().key()).toList())).append('\n');
        }
        return b.toString();
    }

    /** Mbit/s to a tenth, milliseconds (under 10) to four places; "none" where the run made no such point. */
    private static String fmt(double v, double scale) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "none";
        }
        return String.format(Locale.ROOT, Math.abs(scale) < 10 ? "%.4f" : "%.1f", v);
    }
}
