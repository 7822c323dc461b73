package org.vnetlab.console.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * A result as text tables, one per transport, protocol and direction: a row per payload, for
 * each guest its Mbit/s and loss, then the CPU of each domain (% of one CPU), then, under Xen, the
 * time each domain that waited at all ({@link #SHOWN} at some payload) spent ready for a CPU
 * in the hypervisor's queues, and the share of the time each domain that was OVER at all (as
 * much) had a VCPU OVER in the credit scheduler. A table wider than the terminal is cut into blocks: the guests'
 * columns, a block of guests at a time, then the CPU.
 * A result without points (stopped before one finished) is the line {@value #NO_POINT}.
 */
public final class ResultTable {

    /** What a result without points prints instead of tables: a run stopped before any point finished. */
    public static final String NO_POINT = "no point finished";
    /**
     * A domain's ready time (% of one CPU) or OVER time (% of the time) gets a column once it
     * reaches this at some payload.
     */
    static final double SHOWN = 1;

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
        Set<String> wasOver = over(points.stream());
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
        List<String> over = domains.stream().filter(wasOver::contains).toList();
        for (String d : over) {
            header.add("over " + d + " %");
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
            percents(cells, domains, any.cpuPercent());
            percents(cells, ready, any.cpuReadyPercent());
            percents(cells, over, any.cpuOverPercent());
            body.add(cells);
        }
        List<Integer> groups = new ArrayList<>();
        guests.forEach(g -> groups.add(2));
        domains.forEach(d -> groups.add(1));
        ready.forEach(d -> groups.add(1));
        over.forEach(d -> groups.add(1));
        return title + "\n" + TextTable.fit(header, body, columns, 1, groups);
    }

    /** A cell per domain: its figure in {@code perDomain}, whole percent, empty where it has none. */
    private static void percents(List<String> cells, Iterable<String> domains, Map<String, Double> perDomain) {
        for (String d : domains) {
            Double v = perDomain == null ? null : perDomain.get(d);
            cells.add(v == null ? "" : fmt("%.0f", v));
        }
    }

    /** The domains that waited ready for a CPU {@link #SHOWN} or more at one of {@code points} at least. */
    static Set<String> waited(Stream<Point> points) {
        return reaching(points, Point::cpuReadyPercent);
    }

    /** The domains OVER {@link #SHOWN} or more of the time at one of {@code points} at least. */
    static Set<String> over(Stream<Point> points) {
        return reaching(points, Point::cpuOverPercent);
    }

    private static Set<String> reaching(Stream<Point> points, Function<Point, Map<String, Double>> figure) {
        Set<String> out = new TreeSet<>();
        points.map(figure).filter(m -> m != null).forEach(m -> m.forEach((d, v) -> {
            if (v >= SHOWN) {
                out.add(d);
            }
        }));
        return out;
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
