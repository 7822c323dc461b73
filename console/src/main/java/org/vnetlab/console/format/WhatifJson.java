package org.vnetlab.console.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
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
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("scenario", after.scenario());
            g.writeNumberField("seed", after.seed());
            g.writeStringField("version", after.version());
            g.writeStringField("parameters", after.parameters());
            strings(g, "base_sets", w.baseSets());
            strings(g, "sets", w.sets());
            if (after.made() != null) {
                g.writeNumberField("trials", after.made().trials());
                g.writeFieldName("duration_s");
                ResultJson.number(g, after.made().durationSeconds());
                if (after.made().exact()) {
                    g.writeBooleanField("exact", true);
                }
            }
            g.writeArrayFieldStart("early_stops");
            for (EarlyStop s : w.earlyStops()) {
                g.writeStartObject();
                g.writeStringField("side", s.side());
                g.writeStringField("transport", s.run().transport().key());
                g.writeStringField("protocol", s.run().ip().key());
                g.writeStringField("direction", s.run().direction().key());
                g.writeNumberField("payload", s.run().payload());
                g.writeNumberField("trials_run", s.trialsRun());
                g.writeNumberField("trials_planned", s.trialsPlanned());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("points");
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
        g.writeStringField("transport", any.transport());
        g.writeStringField("protocol", any.protocol());
        g.writeStringField("direction", any.direction());
        g.writeNumberField("payload", any.payload());
        g.writeStringField("guest", any.guest());
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
        g.writeFieldName("throughput_mbps");
        ResultJson.number(g, p.throughputMbps());
        if (p.loss() != null) {
            g.writeFieldName("loss");
            ResultJson.number(g, p.loss());
        }
        ResultJson.numbers(g, "cpu_percent", p.cpuPercent());
        ResultJson.numbers(g, "drops", p.drops());
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
