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
 * result has any (TCP has one payload size, the MSS); transport and direction join a label only
 * when they differ between curves.
 */
public final class ResultSeries {

    private ResultSeries() {
    }

    public static List<Series> of(Result result, Metric metric) {
        return metric == Metric.THROUGHPUT ? throughput(result, p -> true) : cpu(result);
    }

    /** One curve per transport/protocol/direction/guest, of the points {@code keep} accepts. */
    public static List<Series> throughput(Result result, Predicate<Point> keep) {
        List<Point> points = preferUdp(result.points().stream()
                .filter(p -> p.throughputMbps() != null).filter(keep).toList());
        Map<List<String>, List<Series.XY>> curves = new LinkedHashMap<>();
        for (Point p : points) {
            curves.computeIfAbsent(List.of(p.transport(), p.direction(), protocol(p.protocol()), p.guest()),
                    k -> new ArrayList<>()).add(new Series.XY(p.payload(), p.throughputMbps()));
        }
        return labelled(curves);
    }

    /** One curve per transport/protocol/direction/domain; a payload's load is taken from its first point. */
    public static List<Series> cpu(Result result) {
        List<Point> points = preferUdp(result.points().stream().filter(p -> p.cpuPercent() != null
                && !p.cpuPercent().isEmpty()).toList());
        Map<List<String>, Map<Integer, Double>> curves = new LinkedHashMap<>();
        for (Point p : points) {
            p.cpuPercent().forEach((domain, percent) -> curves.computeIfAbsent(
                    List.of(p.transport(), p.direction(), protocol(p.protocol()), domain), k -> new TreeMap<>())
                    .putIfAbsent(p.payload(), percent));
        }
        Map<List<String>, List<Series.XY>> xy = new LinkedHashMap<>();
        curves.forEach((k, byPayload) -> xy.put(k, byPayload.entrySet().stream()
                .map(e -> new Series.XY(e.getKey(), e.getValue())).toList()));
        return labelled(xy);
    }

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

    /** Labels from the key parts; transport (0) and direction (1) only where they vary. */
    private static List<Series> labelled(Map<List<String>, List<Series.XY>> curves) {
        List<Series> out = new ArrayList<>();
        boolean[] varies = new boolean[2];
        for (int i = 0; i < 2; i++) {
            int part = i;
            varies[i] = curves.keySet().stream().map(k -> k.get(part)).distinct().count() > 1;
        }
        curves.forEach((key, xy) -> {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                if (i >= 2 || varies[i]) {
                    parts.add(key.get(i));
                }
            }
            out.add(new Series(String.join(" ", parts), xy));
        });
        return out;
    }
}
