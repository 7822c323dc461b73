package org.vnetlab.console.commands;

import java.io.PrintStream;
import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.ResultTable;
import org.vnetlab.console.format.RttTable;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.calibrate.Provenance;
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

/** Simulates a scenario with the study's method and prints and writes the result. */
@Command(name = "sim", description = "simulate a scenario with the study's method: throughput, loss and CPU per payload",
        footer = {"", "What the default costs: the study's full method, every payload of the scenario (17 per protocol),",
            "IPv4 and IPv6, rx and tx, 7 trials of 10 simulated seconds each: 476 runs for a one-guest UDP",
            "scenario. For xen-single that is about 6 minutes of CPU, 3 minutes on 2 cores; more with more",
            "guests or --transport both. Runs already in the run cache cost nothing.",
            "A quick answer (4 runs, a few seconds): --protocol ipv4 --sizes 36,1470 --trials 1 --duration 1"})
public final class SimCommand implements ScenarioCommand {

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "SCENARIO|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    @Mixin
    SimulateOptions shared;

    @Mixin
    BatchOptions batch;

    public SimCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        LoadedScenario loaded = shared.load("sim", loader, scenario, io);
        List<String> sets = shared.sets();
        Scenario s = loaded.scenario();
        SimOptions options = shared.run.options();
        List<RunSpec> specs = Experiment.plan(s, options);
        List<Job> jobs = jobs(loaded, specs, options);
        RunCache cache = batch.cacheOptions.cache();
        Simulation.Outcome outcome;
        try (ScenarioTexts texts = new ScenarioTexts(loader);
             Evaluator evaluator = batch.cluster.evaluator(texts, "sim", io)) {
            texts.add(loaded);
            outcome = Simulation.run(jobs, evaluator, io, batch.quiet, cache);
        }
        Result result = Experiment.aggregate(s, Version.current(), loaded.parameters(), outcome.of(jobs, j -> true))
                .withMade(Simulation.made(sets, specs, shared.run.options().sizes()));
        io.publish(result);
        PrintStream tables = shared.output.toStdout() ? io.err() : io.out();
        tables.print(ResultTable.render(result, io.width()));
        tables.print(RttTable.render(result, s, ReferenceDataset.study(), io.width()));
        Simulation.earlyStops(outcome.batch()).ifPresent(tables::println);
        tables.println(Provenance.of(loader, shared.scenarioOptions.params()).describe(scenario, sets, result));
        CacheOptions.report("sim", cache, outcome.batch().cached(), outcome.made(), io);
        SimulateOptions.shortRunsNote(io, "sim", s, shared.run.durationNanos);
        shared.output.write(result, io);
        if (!outcome.complete()) {
            io.err().println(stopped("sim", outcome));
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    /** One job per run; a usage error, saying what would run something, when there is none. */
    static List<Job> jobs(LoadedScenario loaded, List<RunSpec> specs, SimOptions options) {
        Scenario s = loaded.scenario();
        if (specs.isEmpty()) {
            throw new UsageError("scenario " + loaded.source() + " " + Experiment.whyNothingToRun(s, options));
        }
        return specs.stream().map(spec -> new Job(s, spec)).toList();
    }

    static String stopped(String command, Simulation.Outcome o) {
        return "vnetlab: " + command + " stopped after " + o.made() + " of " + o.planned()
                + " runs; the tables and files hold the points whose every trial finished";
    }
}
