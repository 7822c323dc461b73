package org.vnetlab.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vnetlab.core.json.JsonWriter;

/**
 * Writes a result as CSV, one point a row. CPU and drop columns are named
 * {@code cpu_percent.DOMAIN} and {@code drops.QUEUE}, grid columns {@code grid.KEY}.
 */
public final class ResultCsv {

    private ResultCsv() {
    }

    public static String write(Result r) {
        SortedSet<String> domains = new TreeSet<>();
        SortedSet<String> queues = new TreeSet<>();
        SortedSet<String> grid = new TreeSet<>();
        for (Point p : r.points()) {
            if (p.cpuPercent() != null) {
                domains.addAll(p.cpuPercent().keySet());
            }
            if (p.drops() != null) {
                queues.addAll(p.drops().keySet());
            }
            grid.addAll(p.grid().keySet());
        }
        List<String> header = new ArrayList<>(List.of("mode", "scenario", "transport", "protocol", "direction",
                "payload", "guest"));
        grid.forEach(g -> header.add("grid." + g));
        header.addAll(List.of("throughput_mbps", "loss", "rtt_ms_median", "rtt_ms_stdev", "jitter_us_median",
                "jitter_us_stdev"));
        domains.forEach(d -> header.add("cpu_percent." + d));
        queues.forEach(q -> header.add("drops." + q));
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
            domains.forEach(d -> row.add(p.cpuPercent() == null ? "" : num(p.cpuPercent().get(d))));
            queues.forEach(q -> row.add(p.drops() == null ? "" : num(p.drops().get(q))));
            sb.append(String.join(",", row.stream().map(ResultCsv::escape).toList())).append('\n');
        }
        return sb.toString();
    }

    private static String num(Double v) {
        return v == null ? "" : JsonWriter.number(v);
    }

    private static String escape(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
