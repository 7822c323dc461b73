package org.vnetlab.console.format;

import static org.vnetlab.core.result.ResultKeys.CPU_PERCENT;
import static org.vnetlab.core.result.ResultKeys.DIRECTION;
import static org.vnetlab.core.result.ResultKeys.DROPS;
import static org.vnetlab.core.result.ResultKeys.DURATION_S;
import static org.vnetlab.core.result.ResultKeys.EXACT;
import static org.vnetlab.core.result.ResultKeys.GUEST;
import static org.vnetlab.core.result.ResultKeys.LOSS;
import static org.vnetlab.core.result.ResultKeys.PARAMETERS;
import static org.vnetlab.core.result.ResultKeys.PAYLOAD;
import static org.vnetlab.core.result.ResultKeys.POINTS;
import static org.vnetlab.core.result.ResultKeys.PROTOCOL;
import static org.vnetlab.core.result.ResultKeys.SCENARIO;
import static org.vnetlab.core.result.ResultKeys.SEED;
import static org.vnetlab.core.result.ResultKeys.SETS;
import static org.vnetlab.core.result.ResultKeys.THROUGHPUT_MBPS;
import static org.vnetlab.core.result.ResultKeys.TRANSPORT;
import static org.vnetlab.core.result.ResultKeys.TRIALS;
import static org.vnetlab.core.result.ResultKeys.VERSION;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.result.ResultKeys;
import org.vnetlab.core.text.Json;
import org.vnetlab.sim.experiment.RunSpec;

/**
 * A what-if as JSON of schema {@value #SCHEMA} (docs/RESULTS.md): what was compared, the points
 * of both sides paired with the change of throughput, and the points whose trials stopped early.
 * Numbers as in a result file (four decimals), so the same what-if gives the same bytes.
 */
public final class WhatifJson {

    public static final String SCHEMA = "vnetlab.whatif/1";

    /**
     * A point whose trials stopped early.
     *
     * @param side {@code baseline} or {@code modified}
     */
    public record EarlyStop(String side, RunSpec run, int trialsRun, int trialsPlanned) {
    }

    /**
     * @param baseSets overrides of both sides
     * @param sets     the change: overrides of the modified side only
     */
    public record Whatif(Result before, Result after, List<String> baseSets, List<String> sets, WhatifTable table,
                         List<EarlyStop> earlyStops) {
    }

    private WhatifJson() {
    }

    public static String write(Whatif w) {
        return Json.pretty(g -> {
            Result after = w.after();
            g.writeStartObject();
            g.writeStringField(ResultKeys.SCHEMA, SCHEMA);
            g.writeStringField(SCENARIO, after.scenario());
            g.writeNumberField(SEED, after.seed());
            g.writeStringField(VERSION, after.version());
            g.writeStringField(PARAMETERS, after.parameters());
            strings(g, "base_sets", w.baseSets());
            strings(g, SETS, w.sets());
            if (after.made() != null) {
                g.writeNumberField(TRIALS, after.made().trials());
                g.writeFieldName(DURATION_S);
                ResultJson.number(g, after.made().durationSeconds());
                if (after.made().exact()) {
                    g.writeBooleanField(EXACT, true);
                }
            }
            g.writeArrayFieldStart("early_stops");
            for (EarlyStop s : w.earlyStops()) {
                g.writeStartObject();
                g.writeStringField("side", s.side());
                g.writeStringField(TRANSPORT, s.run().transport().key());
                g.writeStringField(PROTOCOL, s.run().ip().key());
                g.writeStringField(DIRECTION, s.run().direction().key());
                g.writeNumberField(PAYLOAD, s.run().payload());
                g.writeNumberField("trials_run", s.trialsRun());
                g.writeNumberField("trials_planned", s.trialsPlanned());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart(POINTS);
            for (Point[] pair : w.table().pairs()) {
                point(g, pair[0], pair[1]);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void point(JsonGenerator g, Point before, Point after) throws IOException {
        Point any = before != null ? before : after;
        g.writeStartObject();
        g.writeStringField(TRANSPORT, any.transport());
        g.writeStringField(PROTOCOL, any.protocol());
        g.writeStringField(DIRECTION, any.direction());
        g.writeNumberField(PAYLOAD, any.payload());
        g.writeStringField(GUEST, any.guest());
        side(g, "baseline", before);
        side(g, "modified", after);
        g.writeFieldName("delta_percent");
        Double delta = WhatifTable.deltaPercent(before, after);
        if (delta == null) {
            g.writeNull();
        } else {
            ResultJson.number(g, delta);
        }
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String name, Point p) throws IOException {
        g.writeFieldName(name);
        if (p == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(THROUGHPUT_MBPS);
        ResultJson.number(g, p.throughputMbps());
        if (p.loss() != null) {
            g.writeFieldName(LOSS);
            ResultJson.number(g, p.loss());
        }
        ResultJson.numbers(g, CPU_PERCENT, p.cpuPercent());
        ResultJson.numbers(g, DROPS, p.drops());
        g.writeEndObject();
    }

    static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
