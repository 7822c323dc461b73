package org.vnetlab.console.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * Curves against payload size taken from a result: throughput with one curve per
 * protocol/guest, or CPU load with one curve per protocol/domain. UDP points are used when the
 * points kept include any (TCP has one payload size, the MSS); transport and direction join a
 * label only when they differ between curves.
 */
public final class ResultSeries {

    private ResultSeries() {
    }

    public static List<Series> of(Result result, Metric metric) {
        return metric == Metric.THROUGHPUT ? throughput(result, p -> true) : cpu(result, p -> true);
    }

    /** One curve per transport/direction/protocol/guest, of the points {@code keep} accepts. */
    public static List<Series> throughput(Result result, Predicate<Point> keep) {
        List<Point> points = preferUdp(result.points().stream()
                .filter(p -> p.throughputMbps() != null).filter(keep).toList());
        Map<Series.Key, List<Series.XY>> curves = new LinkedHashMap<>();
        for (Point p : points) {
            curves.computeIfAbsent(new Series.Key(p.transport(), p.direction(), p.protocol(), p.guest() + grid(p)),
                    k -> new ArrayList<>()).add(new Series.XY(p.payload(), p.throughputMbps()));
        }
        return labelled(curves);
    }

    /**
     * One curve per transport/direction/protocol/domain, of the points {@code keep} accepts. Every
     * guest's point may carry the machine's CPU loads; a payload's load is taken from its first point.
     */
    public static List<Series> cpu(Result result, Predicate<Point> keep) {
        List<Point> points = preferUdp(result.points().stream().filter(p -> p.cpuPercent() != null
                && !p.cpuPercent().isEmpty()).filter(keep).toList());
        Map<Series.Key, Map<Integer, Double>> curves = new LinkedHashMap<>();
        for (Point p : points) {
            p.cpuPercent().forEach((domain, percent) -> curves.computeIfAbsent(
                    new Series.Key(p.transport(), p.direction(), p.protocol(), domain + grid(p)), k -> new TreeMap<>())
                    .putIfAbsent(p.payload(), percent));
        }
        Map<Series.Key, List<Series.XY>> xy = new LinkedHashMap<>();
        curves.forEach((k, byPayload) -> xy.put(k, byPayload.entrySet().stream()
                .map(e -> new Series.XY(e.getKey(), e.getValue())).toList()));
        return labelled(xy);
    }

    /** A grid sweep's coordinates, e.g. {@code " host.cpus=4"}, so each grid point is a curve of its own. */
    private static String grid(Point p) {
        StringBuilder sb = new StringBuilder();
        p.grid().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /** {@code IPv4} for {@code ipv4}, {@code IPv6} for {@code ipv6}. */
    public static String protocol(String key) {
        return switch (key) {
            case "ipv4" -> "IPv4";
            case "ipv6" -> "IPv6";
            default -> key;
        };
    }

    private static List<Point> preferUdp(List<Point> points) {
        boolean udp = points.stream().anyMatch(p -> p.transport().equals("udp"));
        return udp ? points.stream().filter(p -> p.transport().equals("udp")).toList() : points;
    }

    private static List<Series> labelled(Map<Series.Key, List<Series.XY>> curves) {
        boolean transports = curves.keySet().stream().map(Series.Key::transport).distinct().count() > 1;
        boolean directions = curves.keySet().stream().map(Series.Key::direction).distinct().count() > 1;
        List<Series> out = new ArrayList<>();
        curves.forEach((key, xy) -> {
            List<String> parts = new ArrayList<>();
            if (transports) {
                parts.add(key.transport().toUpperCase(java.util.Locale.ROOT));
            }
            if (directions) {
                parts.add(key.direction());
            }
            parts.add(protocol(key.protocol()));
            parts.add(key.name());
            out.add(new Series(String.join(" ", parts), key, xy));
        });
        return out;
    }
}
