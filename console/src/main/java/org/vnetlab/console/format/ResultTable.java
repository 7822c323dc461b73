package org.vnetlab.console.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * A result as text tables, one per transport, protocol and direction: a row per payload, for
 * each guest its Mbit/s and loss, then the CPU of each domain (% of one CPU), then, under Xen, the
 * time each domain that waited at all ({@link #READY_SHOWN} at some payload) spent ready for a CPU
 * in the hypervisor's queues. A table wider than the terminal is cut into blocks: the guests'
 * columns, a block of guests at a time, then the CPU.
 * A result without points (stopped before one finished) is the line {@value #NO_POINT}.
 */
public final class ResultTable {

    /** What a result without points prints instead of tables: a run stopped before any point finished. */
    public static final String NO_POINT = "no point finished";
    /** A domain's ready time gets a column once it reaches this at some payload, % of one CPU. */
    static final double READY_SHOWN = 1;

    private ResultTable() {
    }

    public static String render(Result r, int columns) {
        if (r.points().isEmpty()) {
            return NO_POINT + "\n";
        }
        Map<String, List<Point>> groups = new LinkedHashMap<>();
        for (Point p : r.points()) {
            if (p.throughputMbps() == null) {
                continue;
            }
            groups.computeIfAbsent(p.transport() + " " + p.protocol() + " " + p.direction(), k -> new ArrayList<>())
                    .add(p);
        }
        StringBuilder sb = new StringBuilder();
        for (var e : groups.entrySet()) {
            sb.append(table(e.getKey(), e.getValue(), columns)).append('\n');
        }
        return sb.toString();
    }

    private static String table(String title, List<Point> points, int columns) {
        Set<String> guests = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        Set<String> waited = waited(points.stream());
        Map<Integer, Map<String, Point>> rows = new LinkedHashMap<>();
        for (Point p : points) {
            guests.add(p.guest());
            if (p.cpuPercent() != null) {
                domains.addAll(p.cpuPercent().keySet());
            }
            rows.computeIfAbsent(p.payload(), k -> new LinkedHashMap<>()).put(p.guest(), p);
        }
        List<String> header = new ArrayList<>(List.of("payload B"));
        for (String g : guests) {
            header.add(g + " Mbit/s");
            header.add(g + " loss %");
        }
        for (String d : domains) {
            header.add("cpu " + d + " %");
        }
        List<String> ready = domains.stream().filter(waited::contains).toList();
        for (String d : ready) {
            header.add("ready " + d + " %");
        }
        List<List<String>> body = new ArrayList<>();
        for (var row : rows.entrySet()) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(row.getKey())));
            Point any = row.getValue().values().iterator().next();
            for (String g : guests) {
                Point p = row.getValue().get(g);
                cells.add(p == null ? "" : fmt("%.1f", p.throughputMbps()));
                cells.add(p == null || p.loss() == null ? "" : fmt("%.1f", 100 * p.loss()));
            }
            for (String d : domains) {
                Double v = any.cpuPercent() == null ? null : any.cpuPercent().get(d);
                cells.add(v == null ? "" : fmt("%.0f", v));
            }
            for (String d : ready) {
                Double v = any.cpuReadyPercent() == null ? null : any.cpuReadyPercent().get(d);
                cells.add(v == null ? "" : fmt("%.0f", v));
            }
            body.add(cells);
        }
        List<Integer> groups = new ArrayList<>();
        guests.forEach(g -> groups.add(2));
        domains.forEach(d -> groups.add(1));
        ready.forEach(d -> groups.add(1));
        return title + "\n" + TextTable.fit(header, body, columns, 1, groups);
    }

    /** The domains that waited ready for a CPU {@link #READY_SHOWN} or more at one of {@code points} at least. */
    static Set<String> waited(Stream<Point> points) {
        Set<String> out = new TreeSet<>();
        points.filter(p -> p.cpuReadyPercent() != null).forEach(p -> p.cpuReadyPercent().forEach((d, v) -> {
            if (v >= READY_SHOWN) {
                out.add(d);
            }
        }));
        return out;
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
