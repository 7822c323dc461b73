package org.vnetlab.console.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.CtrlC;
import org.vnetlab.console.cli.OutputPaths;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.console.report.Report;
import org.vnetlab.console.report.ReportCommand;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.sim.experiment.Batch;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunCache;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;
import org.vnetlab.sim.sweep.ScenarioTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Re-runs the study: the seven throughput experiments (UDP sweep and TCP, IPv4 and IPv6, the
 * study's method) and the RTT experiment with the reflector native, in a DomU and in a DomU
 * beside a burner; prints a summary and Tables 1 and 2 beside the published values, writes each
 * result as JSON and the HTML report. Its runs go through a {@link Batch} as {@code sim}'s do (the
 * run cache, trials stopped early where the answer is already exact), on this machine's cores or
 * on a cluster's workers ({@code --cluster}); the files are the same bytes either way.
 */
@Command(name = "reproduce",
        description = "re-run the study's experiments (CESNET TR 3/2008) and compare with its published values")
public final class ReproduceCommand implements org.vnetlab.console.cli.Command {

    /**
     * The study's experiments (its section 4), in its order. The other bundled scenarios (the
     * literature's, the containers) are not the study's: {@code validate --dataset literature} and
     * {@code sim} run them.
     */
    static final List<String> STUDY = List.of("native", "xen-single", "vserver-single", "xen-double",
            "vserver-double", "xen-burned", "vserver-burned", "rtt");

    /** The RTT experiment's variants, one result each, told apart by their grid value. */
    static final List<String> REFLECTORS = List.of("native", "domU", "domU-burned");

    private final ScenarioLoader loader;

    @Option(names = "--trials", paramLabel = "N", converter = Converters.Trials.class,
            description = "trials per point (default: the study's 7)")
    Integer trials;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = Converters.SimSeconds.class,
            description = "simulated seconds of each direction (default: the study's 10)")
    Long durationNanos;

    @Mixin
    ParamsOption params;

    @Option(names = "--out", paramLabel = "DIR", description = "directory for the report (index.html, PNG and SVG"
            + " figures) and the results' JSON (default: ${DEFAULT-VALUE})")
    Path out = Path.of(ReportCommand.DEFAULT_DIR);

    @Mixin
    BatchOptions batch;

    public ReproduceCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    /** One experiment of the study: where its result goes, its scenario and its runs. */
    private record StudyExperiment(String file, LoadedScenario scenario, List<RunSpec> specs, String reflector) {
    }

    /** The study's experiments with the study's method (or the --trials and --duration given). */
    private List<StudyExperiment> experiments() {
        Path params = this.params.file();
        SimOptions options = new SimOptions(List.of(IpVersion.IPV4, IpVersion.IPV6),
                List.of(Transport.UDP, Transport.TCP), null, trials, durationNanos);
        List<StudyExperiment> experiments = new ArrayList<>();
        for (String name : STUDY) {
            if (name.equals("rtt")) {
                for (String r : REFLECTORS) {
                    LoadedScenario s = loader.load(name, List.of("rtt.reflector=" + r), params);
                    experiments.add(new StudyExperiment("rtt-" + r, s, Experiment.plan(s.scenario(), options), r));
                }
            } else {
                LoadedScenario s = loader.load(name, List.of(), params);
                experiments.add(new StudyExperiment(name, s, Experiment.plan(s.scenario(), options), null));
            }
        }
        return experiments;
    }

    @Override
    public int run(Terminal io) throws Exception {
        List<StudyExperiment> experiments = experiments();
        // after the scenarios and --params are read: a bad one leaves no directory behind
        OutputPaths.checkDirectory("reproduce", "--out", out);
        int total = experiments.stream().mapToInt(e -> e.specs().size()).sum();
        io.err().printf("reproducing the study: %d experiments, %d simulations %s%n", experiments.size(), total,
                batch.cluster.where(Runtime.getRuntime().availableProcessors()));
        long started = System.nanoTime();
        RunCache cache = batch.cacheOptions.cache();
        List<Report.Source> sources = new ArrayList<>();
        List<Batch.Outcome> outcomes = new ArrayList<>();
        StudyProgress bar = new StudyProgress(Progress.runs(batch.quiet ? io.quiet() : io, total));
        int done = 0;
        // a batch per experiment: a cluster gets one scenario's text at a time (a message's size is bounded)
        try (ScenarioTexts texts = new ScenarioTexts(loader);
             Evaluator evaluator = batch.cluster.evaluator(texts, "reproduce", io); CtrlC stop = new CtrlC(io)) {
            Batch batch = new Batch(evaluator, cache);
            for (StudyExperiment e : experiments) {
                if (stop.getAsBoolean()) {
                    break;
                }
                texts.add(e.scenario());
                Scenario s = e.scenario().scenario();
                List<Job> jobs = e.specs().stream().map(spec -> new Job(s, spec)).toList();
                bar.next(jobs.size());
                Batch.Outcome o = batch.run(jobs, bar, stop);
                outcomes.add(o);
                done += jobs.size();
                if (!this.batch.quiet && !io.interactive()) {
                    // no bar where no one watches a terminal (a pipe, a log): a line per experiment instead
                    long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                    // the runs of the study's experiments cost about alike (docs/PERFORMANCE.md)
                    String left = done < total ? ", about " + Progress.clock(elapsed * (total - done) / done) + " left"
                            : "";
                    io.err().printf(Locale.ROOT, "reproduce: %s done, %d runs (%d of %d), %s elapsed%s%n", e.file(),
                            jobs.size(), done, total, Progress.clock(elapsed), left);
                }
                Simulation.earlyStops(o).ifPresent(line -> io.err().println(e.file() + ": " + line));
                if (!o.runs().isEmpty()) {
                    sources.add(write(e, new ArrayList<>(o.runs().values())));
                }
            }
        } finally {
            bar.done();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        io.out().print(summary(sources));
        Report report = new Report(loader, ReferenceDataset.study());
        io.out().print(report.tablesAsText(sources));
        Path index = report.write(sources, out);
        Runtime rt = Runtime.getRuntime();
        io.out().printf(Locale.ROOT, "%d simulations in %.0f s, heap used %d MiB of %d MiB%n", total, seconds,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        io.out().println("results: " + out.toAbsolutePath().normalize());
        io.out().println("report: " + index.toAbsolutePath().normalize());
        int simulated = outcomes.stream().mapToInt(Batch.Outcome::simulated).sum();
        int cached = outcomes.stream().mapToInt(Batch.Outcome::cached).sum();
        CacheOptions.report("reproduce", cache, cached, simulated + cached, io);
        if (outcomes.size() < experiments.size() || !outcomes.stream().allMatch(Batch.Outcome::complete)) {
            io.err().println("vnetlab: reproduce stopped after " + (simulated + cached) + " of " + total
                    + " runs; the tables, files and report hold the points whose every trial finished");
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    /** The experiment's result from its runs, written as JSON into {@code --out}. */
    private Report.Source write(StudyExperiment e, List<RunResult> runs) throws IOException {
        Scenario s = e.scenario().scenario();
        Result r = Experiment.aggregate(s, Version.current(), e.scenario().parameters(), runs)
                .withMade(Simulation.made(e.reflector() == null ? List.of() : List.of("rtt.reflector=" + e.reflector()),
                        e.specs(), null));
        if (e.reflector() != null) {
            r = withGrid(r, "rtt.reflector", e.reflector());
        }
        Files.writeString(out.resolve(e.file() + ".json"), ResultJson.write(r));
        return new Report.Source(r, e.file() + ".json");
    }

    /**
     * One bar over the study's runs, batch after batch: a batch's runs taken from the run cache
     * (or made unnecessary by an early stop) count as done when it starts.
     */
    private static final class StudyProgress implements Batch.Progress {

        private final Progress bar;
        private int planned;

        StudyProgress(Progress bar) {
            this.bar = bar;
        }

        /** The next batch plans {@code runs} runs. */
        void next(int runs) {
            planned = runs;
        }

        @Override
        public void starting(int runs) {
            for (int i = runs; i < planned; i++) {
                bar.step();
            }
        }

        @Override
        public void runDone() {
            bar.step();
        }

        void done() {
            bar.done();
        }
    }

    private static Result withGrid(Result r, String key, String value) {
        List<Point> points = r.points().stream().map(p -> {
            Map<String, String> grid = new TreeMap<>(p.grid());
            grid.put(key, value);
            return p.toBuilder().grid(grid).build();
        }).toList();
        return new Result(r.mode(), r.scenario(), r.seed(), r.version(), r.parameters(), points, r.made());
    }

    /** Per experiment, received UDP throughput at a few payloads and TCP, IPv4. */
    static String summary(List<Report.Source> sources) {
        int[] sizes = {36, 200, 700, 1470};
        List<String> header = new ArrayList<>(List.of("experiment", "guest"));
        for (int s : sizes) {
            header.add("UDP " + s + " B");
        }
        header.addAll(List.of("TCP rx", "TCP tx"));
        List<List<String>> rows = new ArrayList<>();
        for (Report.Source src : sources) {
            Result r = src.result();
            List<String> guests = r.points().stream().filter(p -> p.throughputMbps() != null).map(Point::guest)
                    .distinct().toList();
            for (String g : guests) {
                List<String> row = new ArrayList<>(List.of(r.scenario(), g));
                for (int s : sizes) {
                    row.add(value(r, "udp", "rx", s, g));
                }
                row.add(value(r, "tcp", "rx", -1, g));
                row.add(value(r, "tcp", "tx", -1, g));
                rows.add(row);
            }
        }
        return "Throughput, IPv4, Mbit/s received (UDP) or delivered (TCP):\n" + TextTable.render(header, rows) + "\n";
    }

    private static String value(Result r, String transport, String direction, int payload, String guest) {
        return r.points().stream().filter(p -> p.transport().equals(transport) && p.protocol().equals("ipv4")
                        && p.direction().equals(direction) && (payload < 0 || p.payload() == payload)
                        && p.guest().equals(guest) && p.throughputMbps() != null)
                .findFirst().map(p -> String.format(Locale.ROOT, "%.1f", p.throughputMbps())).orElse("");
    }
}
