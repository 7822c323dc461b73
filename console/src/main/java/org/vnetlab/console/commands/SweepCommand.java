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
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.CtrlC;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.core.result.ResultCsv;
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

/**
 * Simulates a grid of scenario variants: every combination of the grid's values times sizes,
 * protocols and trials, on this machine's cores or on a Pekko Cluster of workers.
 */
public final class SweepCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(SweepCommand.class);
    static final Option GRID = Option.repeated("--grid", "KEY=V1,V2,...",
            "a scenario key and the values to sweep it over, e.g. --grid xen.domUs=1,2,4");
    static final Option RESUME = Option.value("--resume", "FILE",
            "skip the points this earlier result already has and write the completed result there (or to --json)", null);
    static final Option THREADS = Option.value("--threads", "N", "runs at once on this machine", "all cores");
    static final Option CLUSTER = Option.value("--cluster", "ADDR:PORT",
            "coordinate the sweep on a Pekko Cluster: bind here as its seed; workers join with vnetlab worker --join",
            "run locally");
    static final Option WORKERS = Option.value("--workers", "N",
            "with --cluster: issue the first run once N workers have joined", "1");

    private final ScenarioLoader loader;

    public SweepCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String arguments() {
        return "SCENARIO|FILE";
    }

    @Override
    public String summary() {
        return "simulate a grid of variants (keys x values x sizes x protocols x trials) on all cores or a cluster";
    }

    @Override
    public boolean takesScenario() {
        return true;
    }

    @Override
    public List<Option> options() {
        List<Option> all = new ArrayList<>(List.of(GRID, SimCommand.SIZES, SimCommand.PROTOCOL, SimCommand.TRANSPORT,
                SimCommand.TRIALS, SimCommand.DURATION, SimCommand.SEED, ScenarioOptions.SET, ScenarioOptions.PARAMS,
                SimCommand.JSON, SimCommand.CSV, RESUME, THREADS, CLUSTER, WORKERS));
        all.addAll(ClusterOptions.all());
        all.add(SimCommand.QUIET);
        return all;
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        String name = args.single("scenario name or file");
        List<String> sets = new ArrayList<>(args.values(ScenarioOptions.SET.name()));
        args.value(SimCommand.SEED.name(), Long::parseLong, "expected an integer").ifPresent(s -> sets.add("method.seed=" + s));
        LoadedScenario base = loader.load(name, sets, args.path(ScenarioOptions.PARAMS.name()).orElse(null));
        Grid grid = Grid.parse(args.values(GRID.name()), loader);
        SweepPlan plan = SweepPlan.of(loader, base, grid, SimCommand.options(args));
        if (plan.items().isEmpty()) {
            throw new UsageError("sweep: scenario " + plan.scenarioName() + " has nothing to simulate with these options");
        }
        Path resumeFrom = args.path(RESUME.name()).orElse(null);
        Resumed resumed = resumeFrom == null ? Resumed.nothing()
                : Resumed.from(plan, ResultJson.read(Files.readString(resumeFrom)), resumeFrom.toString());
        Path json = args.path(SimCommand.JSON.name()).orElse(resumeFrom);
        HostPort cluster = ClusterOptions.hostPort(args, CLUSTER);
        int threads = args.positiveInt(THREADS.name(), Runtime.getRuntime().availableProcessors());
        int todo = Sweep.job(plan, resumed, Work.SIMULATE).items().size();
        String where = cluster == null ? "on " + threads + " threads" : "on the cluster at " + cluster;
        io.err().printf(Locale.ROOT, "sweep %s: %d grid points, %d points, %d runs (%d resumed points) %s%n",
                plan.scenarioName(), plan.points().size(), plan.units().size(), todo, resumed.units(), where);
        long started = System.nanoTime();
        Progress bar = Progress.start(args.has(SimCommand.QUIET.name()) ? io.quiet() : io, todo);
        Sweep.Outcome outcome;
        try (SweepExecutor executor = executor(args, cluster, threads, io); CtrlC stop = new CtrlC(io)) {
            outcome = Sweep.run(plan, resumed, executor, Version.current(), (done, total) -> bar.step(), stop);
        } finally {
            bar.done();
        }
        io.publish(outcome.result());
        double seconds = (System.nanoTime() - started) / 1e9;
        io.err().printf(Locale.ROOT, "sweep %s: %d of %d points, %d runs in %.1f s%n", plan.scenarioName(),
                outcome.unitsDone(), outcome.unitsTotal(), outcome.runsMade(), seconds);
        if (json != null) {
            Files.writeString(json, ResultJson.write(outcome.result()));
            io.err().println("wrote " + json);
        }
        if (args.has(SimCommand.CSV.name())) {
            Path csv = Path.of(args.value(SimCommand.CSV.name()).get());
            Files.writeString(csv, ResultCsv.write(outcome.result()));
            io.err().println("wrote " + csv);
        }
        if (json == null && !args.has(SimCommand.CSV.name())) {
            io.out().print(ResultJson.write(outcome.result()));
        }
        if (!outcome.complete()) {
            io.err().println("vnetlab: sweep stopped with " + outcome.unitsDone() + " of " + outcome.unitsTotal()
                    + " points" + (json == null ? "" : "; finish it with --resume " + json));
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    private SweepExecutor executor(ParsedArgs args, HostPort cluster, int threads, Terminal io) {
        if (cluster == null) {
            return new LocalExecutor(loader, threads);
        }
        int workers = args.positiveInt(WORKERS.name(), 1);
        return new ClusterExecutor(ClusterOptions.settings(args), cluster, Version.current(), workers, notice -> {
            LOG.info(notice);
            io.err().println("sweep: " + notice);
        });
    }
}
