package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.calibrate.Provenance;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;

/** A scenario and the same scenario with some keys changed, simulated side by side with deltas. */
public final class WhatifCommand implements Command {

    private final ScenarioLoader loader;

    public WhatifCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "whatif";
    }

    @Override
    public String arguments() {
        return "SCENARIO|FILE";
    }

    @Override
    public String summary() {
        return "simulate a scenario and a modified copy (--set k=v ...) side by side with deltas";
    }

    @Override
    public List<Option> options() {
        return List.of(ScenarioOptions.SET, SimCommand.PROTOCOL, SimCommand.TRANSPORT, SimCommand.SIZES,
                SimCommand.TRIALS, SimCommand.DURATION, ScenarioOptions.PARAMS, SimCommand.QUIET);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        String name = args.single("scenario name or file");
        List<String> sets = args.values(ScenarioOptions.SET.name());
        if (sets.isEmpty()) {
            throw new UsageError("whatif: give at least one --set KEY=VALUE to say what changes");
        }
        Path params = args.path(ScenarioOptions.PARAMS.name()).orElse(null);
        LoadedScenario base = loader.load(name, List.of(), params);
        LoadedScenario changed = loader.load(name, sets, params);
        SimOptions options = SimCommand.options(args);
        List<Scenario> scenarios = List.of(base.scenario(), changed.scenario());
        List<Job> jobs = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (RunSpec spec : Experiment.plan(scenarios.get(i), options)) {
                jobs.add(new Job(scenarios.get(i), spec));
                owner.add(i);
            }
        }
        if (jobs.isEmpty()) {
            throw new UsageError("whatif: scenario " + name + " has nothing to simulate with these options");
        }
        Progress bar = Progress.start(args.has(SimCommand.QUIET.name()) ? io.quiet() : io, jobs.size());
        List<RunResult> runs;
        try (PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            runs = evaluator.evaluate(jobs, (d, t) -> bar.step(), io::isCancelled);
        } finally {
            bar.done();
        }
        List<List<RunResult>> split = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < runs.size(); i++) {
            split.get(owner.get(i)).add(runs.get(i));
        }
        Result before = Experiment.aggregate(base.scenario(), Version.current(), base.parameters(), split.get(0));
        Result after = Experiment.aggregate(changed.scenario(), Version.current(), changed.parameters(), split.get(1));
        io.publish(after);
        io.out().print(render(before, after));
        Provenance provenance = Provenance.of(loader, params);
        io.out().println("baseline: " + provenance.describe(name, List.of(), before));
        io.out().println("modified: " + provenance.describe(name, sets, after));
        return 0;
    }

    /** One table per transport, protocol and direction: a row per payload and guest. */
    static String render(Result before, Result after) {
        Map<String, Map<String, Point[]>> groups = new LinkedHashMap<>();
        add(groups, before, 0);
        add(groups, after, 1);
        StringBuilder sb = new StringBuilder();
        for (var g : groups.entrySet()) {
            TreeSet<String> domains = new TreeSet<>();
            g.getValue().values().forEach(pair -> {
                for (Point p : pair) {
                    if (p != null && p.cpuPercent() != null) {
                        domains.addAll(p.cpuPercent().keySet());
                    }
                }
            });
            List<String> header = new ArrayList<>(List.of("payload B", "guest", "base Mbit/s", "new Mbit/s", "delta"));
            domains.forEach(d -> header.add("cpu " + d + " %"));
            List<List<String>> rows = new ArrayList<>();
            for (var e : g.getValue().entrySet()) {
                Point a = e.getValue()[0];
                Point b = e.getValue()[1];
                Point any = a != null ? a : b;
                List<String> row = new ArrayList<>(List.of(Integer.toString(any.payload()), any.guest(), mbps(a),
                        mbps(b), delta(a, b)));
                for (String d : domains) {
                    row.add(cpu(a, d) + " -> " + cpu(b, d));
                }
                rows.add(row);
            }
            sb.append(g.getKey()).append('\n').append(TextTable.render(header, rows)).append('\n');
        }
        return sb.toString();
    }

    private static void add(Map<String, Map<String, Point[]>> groups, Result r, int side) {
        for (Point p : r.points()) {
            if (p.throughputMbps() == null) {
                continue;
            }
            String group = p.transport() + " " + p.protocol() + " " + p.direction();
            String row = String.format(Locale.ROOT, "%06d/%s", p.payload(), p.guest());
            groups.computeIfAbsent(group, k -> new java.util.TreeMap<>())
                    .computeIfAbsent(row, k -> new Point[2])[side] = p;
        }
    }

    private static String mbps(Point p) {
        return p == null ? "-" : String.format(Locale.ROOT, "%.1f", p.throughputMbps());
    }

    private static String delta(Point a, Point b) {
        if (a == null || b == null || a.throughputMbps() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (b.throughputMbps() - a.throughputMbps()) / a.throughputMbps());
    }

    private static String cpu(Point p, String domain) {
        Double v = p == null || p.cpuPercent() == null ? null : p.cpuPercent().get(domain);
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }
}
