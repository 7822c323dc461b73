package org.vnetlab.console.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.WhatifJson;
import org.vnetlab.console.format.WhatifTable;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.calibrate.Provenance;
import org.vnetlab.sim.experiment.Batch;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunCache;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;
import org.vnetlab.sim.sweep.ScenarioTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A scenario and the same scenario with some keys changed, simulated side by side with deltas. */
@Command(name = "whatif", description = "simulate a scenario and a modified copy (--set k=v ...) side by side with deltas",
        footer = {"", "Runs made before are taken from the run cache (--cache-dir), so a second what-if of the same",
            "baseline simulates only the modified side; a point whose trials give the same bytes stops after",
            "a majority of them, which fixes every median."})
public final class WhatifCommand implements ScenarioCommand {

    static final String BASE_SET = "--base-set";

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "SCENARIO|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    @Mixin
    ScenarioOptions change;

    @Option(names = BASE_SET, paramLabel = "KEY=VALUE", description = "override a key of both sides, the baseline"
            + " as well (repeatable; the console hands its session's set overrides this way)")
    List<String> baseSets = new ArrayList<>();

    @Mixin
    RunOptions run;

    @Mixin
    SeedOption seed;

    @Option(names = "--json", paramLabel = "FILE", description = "write both sides and the deltas as JSON"
            + " (vnetlab.whatif/1); - for stdout")
    String json;

    @Mixin
    BatchOptions batch;

    public WhatifCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    /** The session's overrides are the baseline's: the line's own --set says what changes. */
    @Override
    public String sessionSetFlag() {
        return BASE_SET;
    }

    @Override
    public int run(Terminal io) throws Exception {
        if (change.sets().isEmpty()) {
            throw new UsageError("whatif: give at least one --set KEY=VALUE to say what changes");
        }
        OutputOptions.check("whatif", "--json", json);
        List<String> base = seed.with(baseSets);
        List<String> sets = new ArrayList<>(base);
        sets.addAll(change.sets());
        Path params = change.params();
        // the baseline first, so that a mistake in its overrides is named as the user gave it
        LoadedScenario before = loader.load(scenario, base, params, BASE_SET);
        LoadedScenario after = loader.load(scenario, sets, params);
        run.sizesWarning().ifPresent(w -> io.err().println("vnetlab: whatif: " + w));
        SimulateOptions.notes(io, "whatif", after.scenario());
        if (before.scenario().equals(after.scenario())) {
            io.err().println("vnetlab: whatif: note: the change leaves the scenario as it was (" + String.join(", ",
                    change.sets()) + " is what the baseline has): both sides are the same runs");
        }
        String changeFlags = String.join(" ", change.sets().stream().map(s -> "--set " + s).toList());
        String platform = before.scenario().platform().kind();
        if (!platform.equals(after.scenario().platform().kind())) {
            // the guests of one platform are not another's (domU1, host, ctx1): no point would compare
            throw new UsageError("whatif: " + changeFlags + " makes a " + after.scenario().platform().kind()
                    + " host of a " + platform + " one: no guest of one is a guest of the other, so no point"
                    + " would compare; run sim on each instead");
        }
        SimOptions options = run.options();
        List<RunSpec> baseSpecs = Experiment.plan(before.scenario(), options);
        List<RunSpec> changedSpecs = Experiment.plan(after.scenario(), options);
        if (changedSpecs.isEmpty() && !baseSpecs.isEmpty()) {
            throw new UsageError("whatif: with " + changeFlags + ", scenario " + after.source() + " "
                    + Experiment.whyNothingToRun(after.scenario(), options));
        }
        List<Job> jobs = new ArrayList<>(SimCommand.jobs(before, baseSpecs, options));
        jobs.addAll(SimCommand.jobs(after, changedSpecs, options));
        RunCache cache = batch.cacheOptions.cache();
        Simulation.Outcome outcome;
        try (ScenarioTexts texts = new ScenarioTexts(loader);
             Evaluator evaluator = batch.cluster.evaluator(texts, "whatif", io)) {
            texts.add(before);
            texts.add(after);
            outcome = Simulation.run(jobs, evaluator, io, batch.quiet, cache);
        }
        Result baseline = Experiment.aggregate(before.scenario(), Version.current(), before.parameters(),
                outcome.of(jobs, j -> j.scenario() == before.scenario()))
                .withMade(Simulation.made(base, baseSpecs, options.sizes()));
        Result modified = Experiment.aggregate(after.scenario(), Version.current(), after.parameters(),
                outcome.of(jobs, j -> j.scenario() == after.scenario()))
                .withMade(Simulation.made(sets, changedSpecs, options.sizes()));
        io.publish(modified);
        WhatifTable table = new WhatifTable(before.scenario(), baseline, after.scenario(), modified);
        PrintStream text = OutputOptions.STDOUT.equals(json) ? io.err() : io.out();
        text.print(table.render(io.width()));
        Simulation.earlyStops(outcome.batch()).ifPresent(text::println);
        Provenance provenance = Provenance.of(loader, params);
        text.println("baseline: " + provenance.describe(scenario, base, baseline));
        text.println("modified: " + provenance.describe(scenario, sets, modified));
        CacheOptions.report("whatif", cache, outcome.batch().cached(), outcome.made(), io);
        SimulateOptions.shortRunsNote(io, "whatif", after.scenario(), run.durationNanos);
        if (json != null) {
            List<WhatifJson.EarlyStop> stops = new ArrayList<>();
            for (Batch.EarlyStop s : outcome.batch().earlyStops()) {
                Job j = jobs.get(s.job());
                stops.add(new WhatifJson.EarlyStop(j.scenario() == before.scenario() ? "baseline" : "modified", j.spec(),
                        s.run(), s.planned()));
            }
            OutputOptions.write(json, WhatifJson.write(new WhatifJson.Whatif(baseline, modified, base,
                    change.sets(), table, stops)), io);
        }
        if (!outcome.complete()) {
            io.err().println(SimCommand.stopped("whatif", outcome));
            return Cli.FAILURE;
        }
        return Cli.OK;
    }
}
