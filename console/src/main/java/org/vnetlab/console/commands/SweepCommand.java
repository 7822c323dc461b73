package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.CtrlC;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.console.results.ResultFiles;
import org.vnetlab.core.result.Made;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.sweep.Checkpoint;
import org.vnetlab.sim.sweep.Grid;
import org.vnetlab.sim.sweep.LocalExecutor;
import org.vnetlab.sim.sweep.Resumed;
import org.vnetlab.sim.sweep.Sweep;
import org.vnetlab.sim.sweep.SweepExecutor;
import org.vnetlab.sim.sweep.SweepPlan;
import org.vnetlab.sim.sweep.Work;
import org.vnetlab.sim.sweep.WorkItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Simulates a grid of scenario variants: every combination of the grid's values times sizes,
 * protocols and trials, on this machine's cores or on a Pekko Cluster of workers.
 */
@Command(name = "sweep",
        description = "simulate a grid of variants (keys x values x sizes x protocols x trials) on all cores or a cluster")
public final class SweepCommand implements ScenarioCommand {

    private static final Duration DEFAULT_CHECKPOINT = Duration.ofSeconds(10);

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "SCENARIO|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...",
            description = "a scenario key and the values to sweep it over, e.g. --grid xen.domUs=1,2,4 (repeatable)")
    List<String> grid = new ArrayList<>();

    @Mixin
    SimulateOptions shared;

    @Option(names = "--resume", paramLabel = "FILE", description = "skip the points this earlier result already has"
            + " and write the completed result there (or to --json)")
    Path resume;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "runs at once on this machine (default: all cores)")
    Integer threads;

    @Option(names = "--checkpoint", paramLabel = "SECONDS", converter = Converters.SecondsOrZero.class,
            description = "with --json FILE: write the finished points to FILE as they come, at most this often, so a"
                    + " sweep whose process dies is finished with --resume FILE (0: after every point; default: 10)")
    Duration checkpoint;

    @Mixin
    CoordinatorOptions cluster;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    public SweepCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        cluster.check("sweep");
        LoadedScenario base = shared.load("sweep", loader, scenario, io);
        List<String> sets = shared.sets();
        OutputOptions output = shared.output;
        Grid g = Grid.parse(grid, loader);
        for (Grid.Axis axis : g.axes()) {
            // the grid's values replace the flag's at every point: the result would record a value never applied
            List<String> flags = new ArrayList<>(shared.scenarioOptions.sets().stream()
                    .filter(set -> set.indexOf('=') > 0 && set.substring(0, set.indexOf('=')).trim().equals(axis.key()))
                    .map(set -> "--set " + set).toList());
            if (axis.key().equals("method.seed") && shared.seed.seed != null) {
                flags.add("--seed " + shared.seed.seed);
            }
            if (!flags.isEmpty()) {
                throw new UsageError("sweep: " + flags.get(0) + " and --grid " + axis.key() + "=...: the grid gives "
                        + axis.key() + " at every point; drop " + flags.get(0).split(" ")[0]
                        + " or put its value in the grid");
            }
        }
        SweepPlan plan = SweepPlan.of(loader, base, g, shared.run.options());
        if (plan.items().isEmpty()) {
            throw new UsageError("sweep: scenario " + base.source() + " "
                    + Experiment.whyNothingToRun(base.scenario(), shared.run.options()));
        }
        Made made = Simulation.made(sets, plan.items().stream().map(WorkItem::spec).toList(),
                shared.run.options().sizes());
        Resumed resumed = resume == null ? Resumed.nothing()
                : Resumed.from(plan, made, ResultFiles.read("sweep --resume", resume), resume.toString());
        if (resume != null && output.json == null) {
            output.json = resume.toString();
        }
        if (checkpoint != null && (output.json == null || output.toStdout())) {
            throw new UsageError("sweep: --checkpoint needs --json FILE, the file it keeps up to date (or --resume FILE)");
        }
        int threads = this.threads == null ? Runtime.getRuntime().availableProcessors() : this.threads;
        int todo = Sweep.job(plan, resumed, Work.SIMULATE).items().size();
        io.err().printf(Locale.ROOT, "sweep %s: %d grid points, %d points, %d runs (%d resumed points) %s%n",
                plan.scenarioName(), plan.points().size(), plan.units().size(), todo, resumed.units(),
                cluster.where(threads));
        long started = System.nanoTime();
        Progress bar = Progress.start(quiet ? io.quiet() : io, todo, "runs", threads);
        SweepExecutor.Progress progress = checkpoints(plan, resumed, made, (done, total) -> bar.step(), io);
        Sweep.Outcome outcome;
        try (SweepExecutor executor = executor(threads, io); CtrlC stop = new CtrlC(io)) {
            outcome = Sweep.run(plan, resumed, executor, Version.current(), progress, stop);
        } finally {
            bar.done();
        }
        Result result = outcome.result().withMade(made);
        io.publish(result);
        double seconds = (System.nanoTime() - started) / 1e9;
        io.err().printf(Locale.ROOT, "sweep %s: %d of %d points, %d runs in %.1f s%n", plan.scenarioName(),
                outcome.unitsDone(), outcome.unitsTotal(), outcome.runsMade(), seconds);
        if (output.any()) {
            output.write(result, io);
        } else {
            io.out().print(ResultJson.write(result));
        }
        if (!outcome.complete()) {
            io.err().println("vnetlab: sweep stopped with " + outcome.unitsDone() + " of " + outcome.unitsTotal()
                    + " points" + (output.json == null || output.toStdout() ? "" : "; finish it with --resume " + output.json));
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    private SweepExecutor executor(int threads, Terminal io) {
        return cluster.local("sweep") ? new LocalExecutor(loader, threads) : cluster.executor("sweep", io);
    }

    /** {@code progress}, also keeping the --json file up to date with the finished points when there is one. */
    private SweepExecutor.Progress checkpoints(SweepPlan plan, Resumed resumed, Made made,
                                               SweepExecutor.Progress progress, Terminal io) {
        if (shared.output.json == null || shared.output.toStdout()) {
            return progress;
        }
        CheckpointFile file = new CheckpointFile(Path.of(shared.output.json), io);
        return new Checkpoint(plan, resumed, Version.current(), checkpoint == null ? DEFAULT_CHECKPOINT : checkpoint,
                partial -> file.write(partial.result().withMade(made))).around(progress);
    }
}
