package org.vnetlab.console.commands;

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
import org.vnetlab.console.format.WhatifTable;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.calibrate.Provenance;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A scenario and the same scenario with some keys changed, simulated side by side with deltas. */
@Command(name = "whatif", description = "simulate a scenario and a modified copy (--set k=v ...) side by side with deltas")
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

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

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
        List<String> sets = new ArrayList<>(baseSets);
        sets.addAll(change.sets());
        Path params = change.params();
        LoadedScenario base = loader.load(scenario, baseSets, params);
        LoadedScenario changed = loader.load(scenario, sets, params);
        run.sizesWarning().ifPresent(w -> io.err().println("vnetlab: whatif: " + w));
        SimOptions options = run.options();
        List<RunSpec> baseSpecs = Experiment.plan(base.scenario(), options);
        List<RunSpec> changedSpecs = Experiment.plan(changed.scenario(), options);
        List<Job> jobs = new ArrayList<>(SimCommand.jobs(base.scenario(), baseSpecs));
        jobs.addAll(SimCommand.jobs(changed.scenario(), changedSpecs));
        Simulation.Outcome outcome = Simulation.run(jobs, io, quiet);
        Result before = Experiment.aggregate(base.scenario(), Version.current(), base.parameters(),
                outcome.of(jobs, j -> j.scenario() == base.scenario()))
                .withMade(Simulation.made(baseSets, baseSpecs, options.sizes()));
        Result after = Experiment.aggregate(changed.scenario(), Version.current(), changed.parameters(),
                outcome.of(jobs, j -> j.scenario() == changed.scenario()))
                .withMade(Simulation.made(sets, changedSpecs, options.sizes()));
        io.publish(after);
        io.out().print(new WhatifTable(base.scenario(), before, changed.scenario(), after).render(io.width()));
        Provenance provenance = Provenance.of(loader, params);
        io.out().println("baseline: " + provenance.describe(scenario, baseSets, before));
        io.out().println("modified: " + provenance.describe(scenario, sets, after));
        if (!outcome.complete()) {
            io.err().println(SimCommand.stopped("whatif", outcome));
            return Cli.FAILURE;
        }
        return Cli.OK;
    }
}
