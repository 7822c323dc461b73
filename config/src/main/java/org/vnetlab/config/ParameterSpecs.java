package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry of model parameters: every key under {@code vnetlab.defaults.model} with the
 * provenance, range and unit its last comment line in reference.conf states
 * ({@code # Provenance: fitted, Table 1. Valid: 100 to 10000 ns.}; a prior or published figure may
 * end with {@code Plausible: LOW to HIGH.}, where its true value lies). A scenario's or parameter
 * file's value outside its range is a configuration error; a fit stays inside it.
 */
public final class ParameterSpecs {

    static final String ROOT = "vnetlab.defaults.model";
    private static final Pattern LINE = Pattern.compile(
            "\\s*Provenance: ([a-z]+), (.+)\\. Valid: (?:(true or false)|(-?[0-9.eE+]+) to (-?[0-9.eE+]+)(?: ([^.]+))?)\\."
                    + "(?: Plausible: (-?[0-9.eE+]+) to (-?[0-9.eE+]+)\\.)?\\s*");

    private static volatile ParameterSpecs bundled;
    private final Map<String, ParameterSpec> specs;

    private ParameterSpecs(Map<String, ParameterSpec> specs) {
        this.specs = Collections.unmodifiableMap(specs);
    }

    /**
     * Reads the registry from the merged defaults; a parameter without a well-formed provenance
     * line, or whose default lies outside its own range, is an error naming it.
     */
    public static ParameterSpecs of(Config reference) {
        return read(reference, true);
    }

    /** The registry of the bundled defaults (every reference.conf on this class's class path). */
    public static ParameterSpecs bundled() {
        ParameterSpecs b = bundled;
        if (b == null) {
            b = declared(com.typesafe.config.ConfigFactory.defaultReference(ParameterSpecs.class.getClassLoader()));
            bundled = b;
        }
        return b;
    }

    /**
     * Like {@link #of}, leaving out parameters without a provenance line (a test's own
     * defaults): what a scenario's values are checked against.
     */
    static ParameterSpecs declared(Config reference) {
        return read(reference, false);
    }

    private static ParameterSpecs read(Config reference, boolean strict) {
        Map<String, ParameterSpec> specs = new TreeMap<>();
        if (!reference.hasPath(ROOT)) {
            return new ParameterSpecs(specs);
        }
        Config model = reference.getConfig(ROOT);
        for (Map.Entry<String, ConfigValue> e : model.entrySet()) {
            if (!strict && !declares(e.getValue())) {
                continue;
            }
            ParameterSpec spec = parse(e.getKey(), e.getValue());
            double value = e.getValue().valueType() == ConfigValueType.BOOLEAN
                    ? (model.getBoolean(e.getKey()) ? 1 : 0) : model.getDouble(e.getKey());
            if (!spec.contains(value)) {
                throw new ConfigError(origin(e.getValue()) + ": model." + e.getKey() + " = " + ParameterSpec.number(value)
                        + " lies outside its own valid range " + spec.range());
            }
            ParameterSpec.Range stated = spec.stated();
            if (stated != null && (!stated.contains(value) || !spec.contains(stated.low()) || !spec.contains(stated.high()))) {
                throw new ConfigError(origin(e.getValue()) + ": model." + e.getKey() + ": its plausible range " + stated
                        + " must hold its default " + ParameterSpec.number(value) + " and lie inside its valid range "
                        + spec.range());
            }
            specs.put(e.getKey(), spec);
        }
        return new ParameterSpecs(specs);
    }

    private static boolean declares(ConfigValue value) {
        return value.origin().comments().stream().anyMatch(c -> c.trim().startsWith("Provenance:"));
    }

    private static ParameterSpec parse(String key, ConfigValue value) {
        List<String> comments = value.origin().comments();
        String last = comments.isEmpty() ? "" : comments.get(comments.size() - 1);
        Matcher m = LINE.matcher(last);
        if (!m.matches()) {
            throw new ConfigError(origin(value) + ": model." + key + " needs a last comment line"
                    + " '# Provenance: KIND, BASIS. Valid: MIN to MAX [UNIT].' (KIND one of "
                    + String.join(", ", kinds()) + "; 'Valid: true or false.' for a switch)");
        }
        ParameterSpec.Provenance p;
        try {
            p = ParameterSpec.Provenance.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigError(origin(value) + ": model." + key + ": unknown provenance '" + m.group(1) + "', expected one of "
                    + String.join(", ", kinds()));
        }
        boolean flag = m.group(3) != null;
        if (flag != (value.valueType() == ConfigValueType.BOOLEAN)) {
            throw new ConfigError(origin(value) + ": model." + key + ": 'Valid: true or false.' is for switches only");
        }
        if (m.group(7) != null && (flag || !p.unpinned())) {
            throw new ConfigError(origin(value) + ": model." + key + ": 'Plausible: LOW to HIGH.' is for priors and"
                    + " published figures, the parameters no fit pins");
        }
        ParameterSpec.Range stated = m.group(7) == null ? null
                : new ParameterSpec.Range(Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)));
        return flag ? new ParameterSpec(key, p, m.group(2), 0, 1, "", true)
                : new ParameterSpec(key, p, m.group(2), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                        m.group(6) == null ? "" : m.group(6), false, stated);
    }

    private static List<String> kinds() {
        return java.util.Arrays.stream(ParameterSpec.Provenance.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static String origin(ConfigValue v) {
        String d = v.origin().resource() != null ? v.origin().resource() : v.origin().description();
        return v.origin().lineNumber() > 0 ? d + ":" + v.origin().lineNumber() : d;
    }

    public Optional<ParameterSpec> get(String key) {
        return Optional.ofNullable(specs.get(key));
    }

    /** Every parameter, sorted by key. */
    public Map<String, ParameterSpec> all() {
        return specs;
    }
}
