package org.vnetlab.core.result;

import static org.vnetlab.core.result.ResultKeys.CPU_OVER_PERCENT;
import static org.vnetlab.core.result.ResultKeys.CPU_PERCENT;
import static org.vnetlab.core.result.ResultKeys.CPU_READY_PERCENT;
import static org.vnetlab.core.result.ResultKeys.DIRECTION;
import static org.vnetlab.core.result.ResultKeys.DROPS;
import static org.vnetlab.core.result.ResultKeys.GRID;
import static org.vnetlab.core.result.ResultKeys.GUEST;
import static org.vnetlab.core.result.ResultKeys.JITTER_US;
import static org.vnetlab.core.result.ResultKeys.LOSS;
import static org.vnetlab.core.result.ResultKeys.MEDIAN;
import static org.vnetlab.core.result.ResultKeys.MODE;
import static org.vnetlab.core.result.ResultKeys.PAYLOAD;
import static org.vnetlab.core.result.ResultKeys.PROTOCOL;
import static org.vnetlab.core.result.ResultKeys.REPLIES_LOST;
import static org.vnetlab.core.result.ResultKeys.RTT_MS;
import static org.vnetlab.core.result.ResultKeys.SCENARIO;
import static org.vnetlab.core.result.ResultKeys.STDEV;
import static org.vnetlab.core.result.ResultKeys.THROUGHPUT_MBPS;
import static org.vnetlab.core.result.ResultKeys.TRANSPORT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes a result as CSV, one point a row. CPU, ready, OVER and drop columns are named
 * {@code cpu_percent.DOMAIN}, {@code cpu_ready_percent.DOMAIN}, {@code cpu_over_percent.DOMAIN}
 * and {@code drops.QUEUE}, grid columns {@code grid.KEY}.
 */
public final class ResultCsv {

    /** A point's figure by name (domain or queue), written as one column per name: {@code KEY.NAME}. */
    private record Named(String key, Function<Point, Map<String, Double>> figure) {
    }

    private static final List<Named> NAMED = List.of(new Named(CPU_PERCENT, Point::cpuPercent),
            new Named(CPU_READY_PERCENT, Point::cpuReadyPercent), new Named(CPU_OVER_PERCENT, Point::cpuOverPercent),
            new Named(DROPS, Point::drops));

    private ResultCsv() {
    }

    public static String write(Result r) {
        // per named figure, the names any point has
        List<SortedSet<String>> names = new ArrayList<>();
        NAMED.forEach(n -> names.add(new TreeSet<>()));
        SortedSet<String> grid = new TreeSet<>();
        for (Point p : r.points()) {
            for (int i = 0; i < NAMED.size(); i++) {
                Map<String, Double> figure = NAMED.get(i).figure().apply(p);
                if (figure != null) {
                    names.get(i).addAll(figure.keySet());
                }
            }
            grid.addAll(p.grid().keySet());
        }
        List<String> header = new ArrayList<>(List.of(MODE, SCENARIO, TRANSPORT, PROTOCOL, DIRECTION, PAYLOAD, GUEST));
        grid.forEach(g -> header.add(GRID + "." + g));
        header.addAll(List.of(THROUGHPUT_MBPS, LOSS, RTT_MS + "_" + MEDIAN, RTT_MS + "_" + STDEV,
                JITTER_US + "_" + MEDIAN, JITTER_US + "_" + STDEV, REPLIES_LOST));
        for (int i = 0; i < NAMED.size(); i++) {
            String key = NAMED.get(i).key();
            names.get(i).forEach(name -> header.add(key + "." + name));
        }
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (Point p : r.points()) {
            List<String> row = new ArrayList<>(List.of(r.mode(), r.scenario(), p.transport(), p.protocol(),
                    p.direction(), Integer.toString(p.payload()), p.guest()));
            grid.forEach(g -> row.add(p.grid().getOrDefault(g, "")));
            row.add(num(p.throughputMbps()));
            row.add(num(p.loss()));
            row.add(p.rttMs() == null ? "" : num(p.rttMs().median()));
            row.add(p.rttMs() == null ? "" : num(p.rttMs().stdev()));
            row.add(p.jitterUs() == null ? "" : num(p.jitterUs().median()));
            row.add(p.jitterUs() == null ? "" : num(p.jitterUs().stdev()));
            row.add(p.repliesLost() == null ? "" : Long.toString(p.repliesLost()));
            for (int i = 0; i < NAMED.size(); i++) {
                Map<String, Double> figure = NAMED.get(i).figure().apply(p);
                names.get(i).forEach(name -> row.add(figure == null ? "" : num(figure.get(name))));
            }
            sb.append(String.join(",", row.stream().map(ResultCsv::escape).toList())).append('\n');
        }
        return sb.toString();
    }

    /** Four decimals as in the JSON; empty when absent or not finite. */
    private static String num(Double v) {
        String text = v == null ? null : Decimals.of(v);
        return text == null ? "" : text;
    }

    private static String escape(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
