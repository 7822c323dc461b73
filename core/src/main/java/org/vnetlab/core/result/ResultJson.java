package org.vnetlab.core.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vnetlab.core.json.JsonException;
import org.vnetlab.core.json.JsonReader;
import org.vnetlab.core.json.JsonWriter;

/** Writes and reads {@link Result} as JSON of schema {@value Result#SCHEMA}. Keys carry their units. */
public final class ResultJson {

    private ResultJson() {
    }

    public static String write(Result r) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("schema", Result.SCHEMA);
        top.put("mode", r.mode());
        top.put("scenario", r.scenario());
        top.put("seed", r.seed());
        top.put("version", r.version());
        top.put("parameters", r.parameters());
        List<Object> points = new ArrayList<>();
        for (Point p : r.points()) {
            points.add(toMap(p));
        }
        top.put("points", points);
        return JsonWriter.write(top);
    }

    private static Map<String, Object> toMap(Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transport", p.transport());
        m.put("protocol", p.protocol());
        m.put("direction", p.direction());
        m.put("payload", p.payload());
        m.put("guest", p.guest());
        if (!p.grid().isEmpty()) {
            m.put("grid", p.grid());
        }
        putIfPresent(m, "throughput_mbps", p.throughputMbps());
        putIfPresent(m, "throughput_trials", p.throughputTrials());
        putIfPresent(m, "loss", p.loss());
        putIfPresent(m, "cpu_percent", p.cpuPercent());
        if (p.rttMs() != null) {
            m.put("rtt_ms", summary(p.rttMs()));
        }
        if (p.jitterUs() != null) {
            m.put("jitter_us", summary(p.jitterUs()));
        }
        putIfPresent(m, "drops", p.drops());
        return m;
    }

    private static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", s.median());
        m.put("stdev", s.stdev());
        m.put("samples", s.samples());
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /**
     * Reads a result file's text.
     *
     * @throws JsonException naming what is wrong, for malformed JSON or another schema
     */
    public static Result read(String text) {
        Object parsed = JsonReader.parse(text);
        if (!(parsed instanceof Map<?, ?> top)) {
            throw new JsonException("a result is a JSON object");
        }
        Object schema = top.get("schema");
        if (!Result.SCHEMA.equals(schema)) {
            throw new JsonException("schema is '" + schema + "', expected '" + Result.SCHEMA + "'");
        }
        List<Point> points = new ArrayList<>();
        for (Object o : list(top, "points")) {
            if (!(o instanceof Map<?, ?> pm)) {
                throw new JsonException("each point is a JSON object");
            }
            points.add(point(pm));
        }
        return new Result(str(top, "mode"), str(top, "scenario"), (long) num(top, "seed"), str(top, "version"),
                top.get("parameters") == null ? "defaults" : str(top, "parameters"), points);
    }

    private static Point point(Map<?, ?> m) {
        Point.Builder b = Point.builder()
                .transport(str(m, "transport"))
                .protocol(str(m, "protocol"))
                .direction(str(m, "direction"))
                .payload((int) num(m, "payload"))
                .guest(str(m, "guest"));
        if (m.get("throughput_mbps") != null) {
            b.throughputMbps(num(m, "throughput_mbps"));
        }
        if (m.get("throughput_trials") != null) {
            b.throughputTrials(list(m, "throughput_trials").stream().map(v -> ((Number) v).doubleValue()).toList());
        }
        if (m.get("loss") != null) {
            b.loss(num(m, "loss"));
        }
        b.cpuPercent(doubles(m, "cpu_percent"));
        b.drops(doubles(m, "drops"));
        if (m.get("rtt_ms") instanceof Map<?, ?> s) {
            b.rttMs(summary(s));
        }
        if (m.get("jitter_us") instanceof Map<?, ?> s) {
            b.jitterUs(summary(s));
        }
        if (m.get("grid") instanceof Map<?, ?> g) {
            Map<String, String> grid = new TreeMap<>();
            g.forEach((k, v) -> grid.put(String.valueOf(k), String.valueOf(v)));
            b.grid(grid);
        }
        return b.build();
    }

    private static Summary summary(Map<?, ?> m) {
        return new Summary(num(m, "median"), num(m, "stdev"), (int) num(m, "samples"));
    }

    private static Map<String, Double> doubles(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> inner)) {
            return null;
        }
        Map<String, Double> out = new TreeMap<>();
        inner.forEach((k, v) -> {
            if (!(v instanceof Number n)) {
                throw new JsonException("'" + key + "." + k + "' must be a number");
            }
            out.put(String.valueOf(k), n.doubleValue());
        });
        return out;
    }

    private static String str(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new JsonException("'" + key + "' must be a string");
        }
        return s;
    }

    private static double num(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new JsonException("'" + key + "' must be a number");
        }
        return n.doubleValue();
    }

    private static List<?> list(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof List<?> l)) {
            throw new JsonException("'" + key + "' must be a list");
        }
        return l;
    }
}
