package org.vnetlab.core.result;

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
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writes a result as CSV, one point a row. CPU, ready and drop columns are named
 * {@code cpu_percent.DOMAIN}, {@code cpu_ready_percent.DOMAIN} and {@code drops.QUEUE}, grid
 * columns {@code grid.KEY}.
 */
public final class ResultCsv {

    private ResultCsv() {
    }

    public static String write(Result r) {
        SortedSet<String> domains = new TreeSet<>();
        SortedSet<String> ready = new TreeSet<>();
        SortedSet<String> queues = new TreeSet<>();
        SortedSet<String> grid = new TreeSet<>();
        for (Point p : r.points()) {
            if (p.cpuPercent() != null) {
                domains.addAll(p.cpuPercent().keySet());
            }
            if (p.cpuReadyPercent() != null) {
                ready.addAll(p.cpuReadyPercent().keySet());
            }
            if (p.drops() != null) {
                queues.addAll(p.drops().keySet());
            }
            grid.addAll(p.grid().keySet());
        }
        List<String> header = new ArrayList<>(List.of(MODE, SCENARIO, TRANSPORT, PROTOCOL, DIRECTION, PAYLOAD, GUEST));
        grid.forEach(g -> header.add(GRID + "." + g));
        header.addAll(List.of(THROUGHPUT_MBPS, LOSS, RTT_MS + "_" + MEDIAN, RTT_MS + "_" + STDEV,
                JITTER_US + "_" + MEDIAN, JITTER_US + "_" + STDEV, REPLIES_LOST));
        domains.forEach(d -> header.add(CPU_PERCENT + "." + d));
        ready.forEach(d -> header.add(CPU_READY_PERCENT + "." + d));
        queues.forEach(q -> header.add(DROPS + "." + q));
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
            domains.forEach(d -> row.add(p.cpuPercent() == null ? "" : num(p.cpuPercent().get(d))));
            ready.forEach(d -> row.add(p.cpuReadyPercent() == null ? "" : num(p.cpuReadyPercent().get(d))));
            queues.forEach(q -> row.add(p.drops() == null ? "" : num(p.drops().get(q))));
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
