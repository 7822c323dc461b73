package org.vnetlab.console.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.NameOrder;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.plan.Bottleneck;

/**
 * A what-if as text: a summary line per metric (throughput, loss, each domain's CPU, under Xen
 * its ready and OVER time) and the
 * bottleneck on each side, then a table per transport, protocol and direction with a row per
 * payload and guest. A domain's CPU is the host's, not a guest's: it is shown on a payload's
 * first row only.
 */
public final class WhatifTable {

    private final Scenario baseScenario;
    private final Scenario changedScenario;
    /** transport protocol direction -> payload/guest -> {before, after}. */
    private final Map<String, Map<String, Point[]>> groups = new LinkedHashMap<>();

    public WhatifTable(Scenario base, Result before, Scenario changed, Result after) {
        this.baseScenario = base;
        this.changedScenario = changed;
        add(before, 0);
        add(after, 1);
    }

    public String render(int columns) {
        StringBuilder sb = new StringBuilder(summary()).append('\n');
        for (var g : groups.entrySet()) {
            TreeSet<String> domains = new TreeSet<>(NameOrder.INSTANCE);
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
            int lastPayload = -1;
            for (Point[] pair : g.getValue().values()) {
                Point a = pair[0];
                Point b = pair[1];
                Point any = a != null ? a : b;
                List<String> row = new ArrayList<>(List.of(Integer.toString(any.payload()), any.guest(), mbps(a),
                        mbps(b), percent(a, b)));
                for (String d : domains) {
                    row.add(any.payload() == lastPayload ? "" : cpu(a, d) + " -> " + cpu(b, d));
                }
                lastPayload = any.payload();
                rows.add(row);
            }
            List<Integer> blocks = new ArrayList<>(List.of(3));
            domains.forEach(d -> blocks.add(1));
            sb.append(g.getKey()).append('\n').append(TextTable.fit(header, rows, columns, 2, blocks)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Every point of either side, as {before, after} (one of them null when only one side has
     * it), in table order: transport, protocol and direction as simulated, then payload and guest.
     */
    public List<Point[]> pairs() {
        List<Point[]> out = new ArrayList<>();
        groups.values().forEach(rows -> out.addAll(rows.values()));
        return out;
    }

    /** The change of throughput in percent, or null when a side lacks the point or the baseline is 0. */
    public static Double deltaPercent(Point a, Point b) {
        if (a == null || b == null || a.throughputMbps() == 0) {
            return null;
        }
        return 100 * (b.throughputMbps() - a.throughputMbps()) / a.throughputMbps();
    }

    /** The lines that open the comparison. */
    String summary() {
        List<Point[]> pairs = new ArrayList<>();
        groups.values().forEach(rows -> rows.values().stream().filter(p -> p[0] != null && p[1] != null)
                .forEach(pairs::add));
        if (pairs.isEmpty()) {
            return "no point was simulated on both sides\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(throughput(pairs));
        metric(sb, "loss", pairs, p -> p.loss() == null ? null : 100 * p.loss(), "%.1f %%", WhatifTable::where);
        TreeSet<String> domains = new TreeSet<>(NameOrder.INSTANCE);
        pairs.forEach(p -> {
            if (p[0].cpuPercent() != null) {
                domains.addAll(p[0].cpuPercent().keySet());
            }
        });
        List<Point[]> perRun = pairs.stream().filter(p -> !p[0].guest().equals(Experiment.SUM)).toList();
        perDomain(sb, "cpu ", domains, Point::cpuPercent, perRun);
        // under Xen, how long each domain that waited at all waited ready for a CPU, on either side,
        // and how long each that was OVER at all was OVER (a side from before that figure has none)
        perDomain(sb, "ready ", ResultTable.waited(perRun.stream().flatMap(Arrays::stream)), Point::cpuReadyPercent,
                perRun);
        perDomain(sb, "over ", ResultTable.over(perRun.stream().flatMap(Arrays::stream)), Point::cpuOverPercent,
                perRun);
        sb.append("bottleneck: baseline ").append(bottlenecks(baseScenario, 0)).append("; modified ")
                .append(bottlenecks(changedScenario, 1)).append('\n');
        return sb.toString();
    }

    private static String throughput(List<Point[]> pairs) {
        List<Double> deltas = new ArrayList<>();
        Point[] largest = null;
        for (Point[] p : pairs) {
            if (p[0].throughputMbps() > 0) {
                deltas.add(100 * (p[1].throughputMbps() - p[0].throughputMbps()) / p[0].throughputMbps());
            }
            if (largest == null || Math.abs(p[1].throughputMbps() - p[0].throughputMbps())
                    > Math.abs(largest[1].throughputMbps() - largest[0].throughputMbps())) {
                largest = p;
            }
        }
        deltas.sort(null);
        return fmt("throughput: median %+.1f %% over %d points (%+.1f %% .. %+.1f %%); largest change at %s: %.1f -> %.1f"
                + " Mbit/s%n", median(deltas), pairs.size(), deltas.get(0), deltas.get(deltas.size() - 1),
                where(largest[0]), largest[0].throughputMbps(), largest[1].throughputMbps());
    }

    /**
     * A {@link #metric} line per domain of a per-domain figure; a run's figure is the host's, the
     * same for every guest measured in it, so its place names no guest.
     */
    private static void perDomain(StringBuilder sb, String name, Iterable<String> domains,
                                  Function<Point, Map<String, Double>> figure, List<Point[]> perRun) {
        for (String d : domains) {
            metric(sb, name + d, perRun, p -> figure.apply(p) == null ? null : figure.apply(p).get(d), "%.0f %%",
                    WhatifTable::run);
        }
    }

    /** "NAME: median A -> B, largest change at WHERE: A -> B", when the points have the metric. */
    private static void metric(StringBuilder sb, String name, List<Point[]> pairs, Function<Point, Double> value,
                               String format, Function<Point, String> where) {
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        Point[] largest = null;
        for (Point[] p : pairs) {
            Double a = value.apply(p[0]);
            Double b = value.apply(p[1]);
            if (a == null || b == null) {
                continue;
            }
            before.add(a);
            after.add(b);
            if (largest == null || Math.abs(b - a) > Math.abs(value.apply(largest[1]) - value.apply(largest[0]))) {
                largest = p;
            }
        }
        if (largest == null) {
            return;
        }
        before.sort(null);
        after.sort(null);
        sb.append(name).append(": median ").append(fmt(format, median(before))).append(" -> ")
                .append(fmt(format, median(after)));
        String from = fmt(format, value.apply(largest[0]));
        String to = fmt(format, value.apply(largest[1]));
        if (from.equals(to)) {
            sb.append("; the same at every point\n");
        } else {
            sb.append("; largest change at ").append(where.apply(largest[0])).append(": ").append(from).append(" -> ")
                    .append(to).append('\n');
        }
    }

    /** What limits each simulated configuration of one side, counted: "CPU of dom0 at 6 of 8 points, wire at 2". */
    private String bottlenecks(Scenario s, int side) {
        Map<String, List<Point>> configurations = new LinkedHashMap<>();
        groups.forEach((group, rows) -> rows.values().stream().map(p -> p[side])
                .filter(p -> p != null && !p.guest().equals(Experiment.SUM))
                .forEach(p -> configurations.computeIfAbsent(group + "/" + p.payload(), k -> new ArrayList<>()).add(p)));
        Map<String, Integer> counts = new TreeMap<>();
        for (List<Point> guests : configurations.values()) {
            String what = Bottleneck.ofCarried(s, guests).what();
            counts.merge(what.replaceAll(" \\(.*|:.*", ""), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getKey() + " at " + e.getValue()
                        + (parts.isEmpty() ? " of " + configurations.size() + " points" : "")));
        return String.join(", ", parts);
    }

    private void add(Result r, int side) {
        for (Point p : r.points()) {
            if (p.throughputMbps() == null) {
                continue;
            }
            String group = p.transport() + " " + p.protocol() + " " + p.direction();
            String row = String.format(Locale.ROOT, "%06d/%s", p.payload(), p.guest());
            groups.computeIfAbsent(group, k -> new TreeMap<>(NameOrder.INSTANCE)).computeIfAbsent(row, k -> new Point[2])[side] = p;
        }
    }

    private static String where(Point p) {
        return run(p) + " " + p.guest();
    }

    private static String run(Point p) {
        return p.transport() + " " + p.protocol() + " " + p.direction() + " " + p.payload() + " B";
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String mbps(Point p) {
        return p == null ? "-" : fmt("%.1f", p.throughputMbps());
    }

    private static String percent(Point a, Point b) {
        Double delta = deltaPercent(a, b);
        return delta == null ? "-" : fmt("%+.1f %%", delta);
    }

    private static String cpu(Point p, String domain) {
        Double v = p == null || p.cpuPercent() == null ? null : p.cpuPercent().get(domain);
        return v == null ? "-" : fmt("%.0f", v);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
