package org.vnetlab.console.format;

import static org.vnetlab.core.result.ResultKeys.PARAMETERS;
import static org.vnetlab.core.result.ResultKeys.SCENARIO;
import static org.vnetlab.core.result.ResultKeys.SEED;
import static org.vnetlab.core.result.ResultKeys.SETS;
import static org.vnetlab.core.result.ResultKeys.TRIALS;
import static org.vnetlab.core.result.ResultKeys.VERSION;
import static org.vnetlab.core.result.ResultKeys.DURATION_S;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.result.ResultKeys;
import org.vnetlab.core.text.Json;
import org.vnetlab.sim.sensitivity.Swings;
import org.vnetlab.sim.sensitivity.Variation;

/**
 * A sensitivity as JSON of schema {@value #SCHEMA} (docs/RESULTS.md): what was run, then per
 * headline number its baseline, how far its trials lie apart, each key that moves it (largest
 * swing first) with its value at both ends, and the keys that do not. Numbers as in a result file.
 */
public final class SensitivityJson {

    public static final String SCHEMA = "vnetlab.sensitivity/1";

    /** What was run: the scenario, its seed and overrides, each run's trials and duration. */
    public record Run(String scenario, long seed, String version, String parameters, List<String> sets, int trials,
                      double durationSeconds) {
    }

    private SensitivityJson() {
    }

    public static String write(Run run, List<Swings> headlines) {
        return Json.pretty(g -> {
            g.writeStartObject();
            g.writeStringField(ResultKeys.SCHEMA, SCHEMA);
            g.writeStringField(SCENARIO, run.scenario());
            g.writeNumberField(SEED, run.seed());
            g.writeStringField(VERSION, run.version());
            g.writeStringField(PARAMETERS, run.parameters());
            WhatifJson.strings(g, SETS, run.sets());
            g.writeNumberField(TRIALS, run.trials());
            g.writeFieldName(DURATION_S);
            ResultJson.number(g, run.durationSeconds());
            g.writeArrayFieldStart("headlines");
            for (Swings s : headlines) {
                headline(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void headline(JsonGenerator g, Swings s) throws IOException {
        g.writeStartObject();
        g.writeStringField("headline", s.headline());
        g.writeFieldName("baseline");
        ResultJson.number(g, s.baseline());
        g.writeFieldName("trial_spread");
        ResultJson.number(g, s.trialSpread());
        g.writeArrayFieldStart("moving");
        for (Swings.Swing w : s.moving()) {
            Variation v = w.variation();
            g.writeStartObject();
            g.writeStringField("key", v.key());
            g.writeStringField("low", v.low());
            g.writeStringField("high", v.high());
            g.writeStringField("basis", v.basis());
            g.writeFieldName("at_low");
            number(g, w.atLow());
            g.writeFieldName("at_high");
            number(g, w.atHigh());
            g.writeBooleanField("within_trial_spread", w.size() <= s.trialSpread());
            g.writeEndObject();
        }
        g.writeEndArray();
        WhatifJson.strings(g, "negligible", s.still().stream().map(w -> w.variation().key()).toList());
        g.writeEndObject();
    }

    /** A number, or null where the run made no such point. */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNull();
        } else {
            ResultJson.number(g, v);
        }
    }
}
