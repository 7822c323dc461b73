package org.vnetlab.sim.experiment;

import static org.vnetlab.core.result.ResultKeys.CPU_OVER_PERCENT;
import static org.vnetlab.core.result.ResultKeys.CPU_PERCENT;
import static org.vnetlab.core.result.ResultKeys.CPU_READY_PERCENT;
import static org.vnetlab.core.result.ResultKeys.DROPS;
import static org.vnetlab.core.result.ResultKeys.JITTER_US;
import static org.vnetlab.core.result.ResultKeys.LOSS;
import static org.vnetlab.core.result.ResultKeys.REPLIES_LOST;
import static org.vnetlab.core.result.ResultKeys.RTT_MS;
import static org.vnetlab.core.result.ResultKeys.THROUGHPUT_MBPS;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vnetlab.core.text.Json;
import org.vnetlab.core.text.JsonInput;

/**
 * What one run measured as canonical JSON: every value exactly (a double's shortest text that
 * reads back to the same bits; NaN and the infinities as strings), maps in their iteration order.
 * Two runs measured the same iff their texts are equal, so the text is both what the
 * {@link RunCache} stores and how {@link Batch} sees that trials are identical. The run's spec is
 * not part of it: a result is read back for the spec its caller asks about.
 */
public final class RunResultJson {

    // a run's own counts; its measured quantities have the result's keys (ResultKeys)
    private static final String OFFERED = "packets_offered";
    private static final String EVENTS = "events";

    private RunResultJson() {
    }

    /** The measurement as one line of JSON. */
    public static String write(RunResult r) {
        return Json.compact(g -> write(g, r));
    }

    static void write(JsonGenerator g, RunResult r) throws IOException {
        g.writeStartObject();
        numbers(g, THROUGHPUT_MBPS, r.throughputMbps());
        numbers(g, LOSS, r.loss());
        numbers(g, CPU_PERCENT, r.cpuPercent());
        numbers(g, CPU_READY_PERCENT, r.cpuReadyPercent());
        numbers(g, CPU_OVER_PERCENT, r.cpuOverPercent());
        g.writeObjectFieldStart(DROPS);
        for (var e : r.drops().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField(OFFERED, r.packetsOffered());
        g.writeNumberField(EVENTS, r.events());
        series(g, RTT_MS, r.rttMs());
        series(g, JITTER_US, r.jitterUs());
        g.writeObjectFieldStart(REPLIES_LOST);
        for (var e : r.repliesLost().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * The measurement {@link #write} wrote, as a result of {@code spec}.
     *
     * @throws org.vnetlab.core.text.JsonInputException for text that is not such a measurement
     */
    public static RunResult read(String text, RunSpec spec) {
        return JsonInput.read(text, in -> read(in, spec));
    }

    static RunResult read(JsonInput in, RunSpec spec) {
        Map<String, Double> mbps = new LinkedHashMap<>();
        Map<String, Double> loss = new LinkedHashMap<>();
        SortedMap<String, Double> cpu = new TreeMap<>();
        SortedMap<String, Double> ready = new TreeMap<>();
        SortedMap<String, Double> over = new TreeMap<>();
        SortedMap<String, Long> drops = new TreeMap<>();
        Map<String, double[]> rtt = new LinkedHashMap<>();
        Map<String, double[]> jitter = new LinkedHashMap<>();
        Map<String, Long> lost = new LinkedHashMap<>();
        long[] counts = {-1, -1};
        in.object("run", key -> {
            switch (key) {
                case THROUGHPUT_MBPS -> numbers(in, key, mbps);
                case LOSS -> numbers(in, key, loss);
                case CPU_PERCENT -> numbers(in, key, cpu);
                case CPU_READY_PERCENT -> numbers(in, key, ready);
                case CPU_OVER_PERCENT -> numbers(in, key, over);
                case DROPS -> in.object(key, queue -> drops.put(queue, in.integer(queue, 0, Long.MAX_VALUE)));
                case OFFERED -> counts[0] = in.integer(key, 0, Long.MAX_VALUE);
                case EVENTS -> counts[1] = in.integer(key, 0, Long.MAX_VALUE);
                case RTT_MS -> series(in, key, rtt);
                case JITTER_US -> series(in, key, jitter);
                case REPLIES_LOST -> in.object(key, guest -> lost.put(guest, in.integer(guest, 0, Long.MAX_VALUE)));
                default -> throw in.error("unknown key '" + key + "'");
            }
        });
        if (counts[0] < 0 || counts[1] < 0) {
            throw in.error("'" + OFFERED + "' and '" + EVENTS + "' are required");
        }
        return new RunResult(spec, mbps, loss, cpu, drops, counts[0], counts[1], rtt, jitter, lost, ready, over);
    }

    private static void numbers(JsonGenerator g, String name, Map<String, Double> values) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            number(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void series(JsonGenerator g, String name, Map<String, double[]> values) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : values.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (double v : e.getValue()) {
                number(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeString(Double.toString(v));
        }
    }

    private static void numbers(JsonInput in, String what, Map<String, Double> into) {
        in.object(what, key -> into.put(key, number(in, key)));
    }

    private static void series(JsonInput in, String what, Map<String, double[]> into) {
        in.object(what, key -> {
            List<Double> values = new ArrayList<>();
            in.array(key, () -> values.add(number(in, key)));
            into.put(key, values.stream().mapToDouble(Double::doubleValue).toArray());
        });
    }

    private static double number(JsonInput in, String what) {
        if (in.isString()) {
            String text = in.string(what);
            return switch (text) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw in.error("'" + what + "' must be a number, NaN, Infinity or -Infinity");
            };
        }
        if (in.isNull()) {
            throw in.error("'" + what + "' must be a number");
        }
        return in.number(what);
    }
}
