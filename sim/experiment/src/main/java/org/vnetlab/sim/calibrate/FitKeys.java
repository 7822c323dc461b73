package org.vnetlab.sim.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ParameterSpec;
import org.vnetlab.config.ParameterSpecs;
import org.vnetlab.config.Suggest;
import org.vnetlab.core.model.ModelParameters;

/** The model parameters a fit varies, by name relative to {@code model.} (a leading {@code model.} is accepted). */
public final class FitKeys {

    private FitKeys() {
    }

    /**
     * The default: the per-packet, per-byte, per-segment, per-interrupt and per-notify costs of
     * every layer and platform (every {@code cost.*-ns} key).
     */
    public static List<String> defaults(ModelParameters p) {
        return p.values().keySet().stream().filter(k -> k.startsWith("cost.") && k.endsWith("-ns")).toList();
    }

    /** The parameters whose provenance is {@code fitted} (to the study's numbers), in {@code p}'s order. */
    public static List<String> fitted(ModelParameters p) {
        return p.values().keySet().stream().filter(k -> ParameterSpecs.bundled().get(k)
                .map(s -> s.provenance() == ParameterSpec.Provenance.FITTED).orElse(false) && p.get(k) > 0).toList();
    }

    /**
     * Parses {@code a,b,c}; an unknown name, a switch, a value of 0, a name given twice or a list
     * naming nothing is a one-line error (before anything is simulated).
     */
    public static List<String> parse(String list, ModelParameters p) {
        List<String> keys = new ArrayList<>();
        for (String raw : list.split(",")) {
            String k = raw.trim();
            if (k.isEmpty()) {
                continue;
            }
            k = k.startsWith("model.") ? k.substring("model.".length()) : k;
            if (!p.has(k)) {
                throw new ConfigError("--fit " + raw.trim() + ": unknown model parameter" + Suggest.hint(k, p.values().keySet())
                        + " (`vnetlab show NAME` lists every model.* key)");
            }
            if (ParameterSpecs.bundled().get(k).map(ParameterSpec::flag).orElse(false)) {
                throw new ConfigError("--fit " + raw.trim() + ": a switch (true or false), not a number a fit can scale;"
                        + " compare its two settings with vnetlab whatif --set model." + k + "=false");
            }
            if (p.get(k) <= 0) {
                throw new ConfigError("--fit " + raw.trim() + ": its value is " + p.get(k)
                        + "; a fit scales a parameter, so it must start above 0");
            }
            if (keys.contains(k)) {
                throw new ConfigError("--fit " + raw.trim() + ": named twice; give each parameter once");
            }
            keys.add(k);
        }
        if (keys.isEmpty()) {
            throw new ConfigError("--fit " + list + ": names no parameter; give model parameters, e.g. --fit"
                    + " cost.bridge.per-packet-ns,cost.driver.rx-per-packet-ns");
        }
        return keys;
    }
}
