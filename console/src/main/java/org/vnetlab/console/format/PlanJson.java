package org.vnetlab.console.format;

import static org.vnetlab.core.result.ResultKeys.CPU_PERCENT;
import static org.vnetlab.core.result.ResultKeys.DIRECTION;
import static org.vnetlab.core.result.ResultKeys.DROPS;
import static org.vnetlab.core.result.ResultKeys.DURATION_S;
import static org.vnetlab.core.result.ResultKeys.PARAMETERS;
import static org.vnetlab.core.result.ResultKeys.PAYLOAD;
import static org.vnetlab.core.result.ResultKeys.PROTOCOL;
import static org.vnetlab.core.result.ResultKeys.SCENARIO;
import static org.vnetlab.core.result.ResultKeys.SEED;
import static org.vnetlab.core.result.ResultKeys.SETS;
import static org.vnetlab.core.result.ResultKeys.TRIALS;
import static org.vnetlab.core.result.ResultKeys.VERSION;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.result.ResultKeys;
import org.vnetlab.core.text.Json;
import org.vnetlab.sim.plan.Answer;
import org.vnetlab.sim.plan.Candidate;
import org.vnetlab.sim.plan.Planner;

/**
 * A capacity plan as JSON of schema {@value #SCHEMA} (docs/RESULTS.md): the question, how the
 * search went and why it stopped, the answer, the candidate at it and the first failing one with
 * their bottlenecks, and every candidate in the order simulated. Numbers as in a result file
 * (four decimals), so the same plan gives the same bytes.
 */
public final class PlanJson {

    public static final String SCHEMA = "vnetlab.plan/1";

    /**
     * What was asked.
     *
     * @param asks    the requirement's numbers by name ({@code mbps}; {@code pps}, {@code max_cpu_percent}), in order
     * @param domain  the domain kept below saturation ({@code cpu-speed}), else null
     */
    public record Question(String scenario, long seed, String version, String parameters, List<String> sets,
                           String protocol, String direction, int payload, int trials, double durationSeconds,
                           Map<String, Double> asks, String domain) {
    }

    private PlanJson() {
    }

    public static String write(Question q, Answer a) {
        return Json.pretty(g -> {
            g.writeStartObject();
            g.writeStringField(ResultKeys.SCHEMA, SCHEMA);
            g.writeStringField("question", a.question());
            g.writeStringField(SCENARIO, q.scenario());
            g.writeNumberField(SEED, q.seed());
            g.writeStringField(VERSION, q.version());
            g.writeStringField(PARAMETERS, q.parameters());
            WhatifJson.strings(g, SETS, q.sets());
            g.writeObjectFieldStart("traffic");
            g.writeStringField(PROTOCOL, q.protocol());
            g.writeStringField(DIRECTION, q.direction());
            g.writeNumberField(PAYLOAD, q.payload());
            g.writeNumberField(TRIALS, q.trials());
            g.writeFieldName(DURATION_S);
            ResultJson.number(g, q.durationSeconds());
            g.writeEndObject();
            ResultJson.numbers(g, "asks", q.asks());
            if (q.domain() != null) {
                g.writeStringField("domain", q.domain());
            }
            g.writeObjectFieldStart("search");
            g.writeStringField("method", a.search().toString());
            g.writeStringField("bound", a.bound());
            g.writeBooleanField("stopped_at_bound", a.atBound());
            g.writeNumberField("candidates", a.tried().size());
            g.writeNumberField("early_stops", a.effort().earlyStops());
            g.writeEndObject();
            g.writeObjectFieldStart("answer");
            g.writeFieldName("value");
            ResultJson.number(g, a.found()); // null when nothing met the requirement
            if (a.question().equals("cpu-speed")) {
                g.writeFieldName("ghz");
                ResultJson.number(g, a.found() * Planner.STUDY_CPU_GHZ);
            }
            g.writeStringField("statement", a.statement());
            g.writeEndObject();
            g.writeFieldName("at_answer");
            candidate(g, a.answer().orElse(null));
            g.writeFieldName("first_failing");
            candidate(g, a.firstFailing().orElse(null));
            g.writeArrayFieldStart("candidates");
            for (Candidate c : a.tried()) {
                candidate(g, c);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void candidate(JsonGenerator g, Candidate c) throws IOException {
        if (c == null) {
            g.writeNull();
            return;
        }
        Point first = c.guests().get(0);
        g.writeStartObject();
        g.writeFieldName("value");
        ResultJson.number(g, c.value());
        g.writeBooleanField("meets", c.meets());
        g.writeStringField("why", c.why());
        g.writeFieldName("slowest_guest_mbps");
        ResultJson.number(g, c.minGuestMbps());
        g.writeFieldName("all_guests_mbps");
        ResultJson.number(g, c.sumMbps());
        g.writeStringField("bottleneck", c.bottleneck().what());
        ResultJson.numbers(g, CPU_PERCENT, first.cpuPercent());
        ResultJson.numbers(g, DROPS, first.drops());
        WhatifJson.strings(g, SETS, c.sets());
        g.writeEndObject();
    }
}
