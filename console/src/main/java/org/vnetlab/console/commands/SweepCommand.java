package org.vnetlab.console.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.sim.cluster.ClusterExecutor;
import org.vnetlab.sim.cluster.HostPort;
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

    private static final Logger LOG = LoggerFactory.getLogger(SweepCommand.class);

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "SCENARIO|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...",
            description = "a scenario key and the values to sweep it over, e.g. --grid xen.domUs=1,2,4 (repeatable)")
    List<String> grid = new ArrayList<>();

    @Mixin
    RunOptions run;

    @Mixin
    SeedOption seed;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--resume", paramLabel = "FILE", description = "skip the points this earlier result already has"
            + " and write the completed result there (or to --json)")
    Path resume;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "runs at once on this machine (default: all cores)")
    Integer threads;

    @Option(names = "--cluster", paramLabel = "ADDR:PORT", converter = ClusterOptions.HostPortConverter.class,
            description = "coordinate the sweep on a Pekko Cluster: bind here as its seed; workers join with"
                    + " vnetlab worker --join (default: run locally)")
    HostPort cluster;

    @Option(names = "--workers", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "with --cluster: issue the first run once N workers have joined (default: ${DEFAULT-VALUE})")
    int workers = 1;

    @Mixin
    ClusterOptions clusterOptions;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    public SweepCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        output.check("sweep");
        List<String> sets = seed.with(scenarioOptions.sets());
        LoadedScenario base = loader.load(scenario, sets, scenarioOptions.params());
        run.sizesWarning().ifPresent(w -> io.err().println("vnetlab: sweep: " + w));
        SweepPlan plan = SweepPlan.of(loader, base, Grid.parse(grid, loader), run.options());
        if (plan.items().isEmpty()) {
            throw new UsageError("sweep: scenario " + plan.scenarioName() + " has nothing to simulate with these options");
        }
        Resumed resumed = resume == null ? Resumed.nothing()
                : Resumed.from(plan, ResultJson.read(Files.readString(resume)), resume.toString());
        if (resume != null && output.json == null) {
            output.json = resume.toString();
        }
        int threads = this.threads == null ? Runtime.getRuntime().availableProcessors() : this.threads;
        int todo = Sweep.job(plan, resumed, Work.SIMULATE).items().size();
        String where = cluster == null ? "on " + threads + " threads" : "on the cluster at " + cluster;
        io.err().printf(Locale.ROOT, "sweep %s: %d grid points, %d points, %d runs (%d resumed points) %s%n",
                plan.scenarioName(), plan.points().size(), plan.units().size(), todo, resumed.units(), where);
        long started = System.nanoTime();
        Progress bar = Progress.start(quiet ? io.quiet() : io, todo, "runs", threads);
        Sweep.Outcome outcome;
        try (SweepExecutor executor = executor(threads, io); CtrlC stop = new CtrlC(io)) {
            outcome = Sweep.run(plan, resumed, executor, Version.current(), (done, total) -> bar.step(), stop);
        } finally {
            bar.done();
        }
        Result result = outcome.result().withMade(Simulation.made(sets, plan.items().stream()
                .map(WorkItem::spec).toList(), run.options().sizes()));
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
        if (cluster == null) {
            return new LocalExecutor(loader, threads);
        }
        return new ClusterExecutor(clusterOptions.settings(), cluster, Version.current(), workers, notice -> {
            LOG.info(notice);
            io.err().println("sweep: " + notice);
        });
    }
}
