package org.vnetlab.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vnetlab.core.text.TerminalText;

/**
 * A dataset of published or measured values to compare the model with: lines of
 * {@code table,platform,protocol,direction,metric,value,unit}, '#' for comments. The bundled
 * one holds Tables 1 and 2 of CESNET TR 3/2008. Every field is checked as the file is read
 * (platform, protocol, direction, metric, the metric's unit, a positive value), and a mistake is
 * a one-line {@link ConfigError} naming the file, line and field.
 */
public record ReferenceDataset(String name, List<Value> values) {

    static final String BUNDLED = "vnetlab/datasets/study.csv";

    /** The platforms a row may name: the study's single machine or single guest of each platform. */
    public static final List<String> PLATFORMS = List.of("native", "xen-domU", "vserver");
    /** Metric -> its unit and the directions it is measured in. */
    private static final Map<String, String[]> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("tcp_throughput", new String[] {"Mbit/s", "rx", "tx"});
        METRICS.put("rtt_median", new String[] {"ms", "roundtrip"});
        METRICS.put("rtt_stdev", new String[] {"ms", "roundtrip"});
        METRICS.put("jitter_median", new String[] {"us", "roundtrip"});
        METRICS.put("jitter_stdev", new String[] {"us", "roundtrip"});
    }

    /** The most a throughput value may be (100 Gbit/s): anything above is a unit mistake. */
    static final double MAX_MBPS = 100_000;
    /** The smallest value a dataset may give: below it a relative error means nothing (1e-320 gave +Infinity %). */
    static final double MIN_VALUE = 1e-6;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /** One published value. */
    public record Value(String table, String platform, String protocol, String direction, String metric,
                        double value, String unit) {
    }

    public static ReferenceDataset study() {
        try (InputStream in = ReferenceDataset.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled dataset " + BUNDLED + " is missing from the jar");
            }
            return parse("study", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReferenceDataset read(Path file) {
        String text;
        try {
            text = TextFiles.read(file, "not UTF-8 text (a .csv of published values is UTF-8)");
        } catch (TextFiles.Unreadable e) {
            throw new ConfigError(file + ": " + e.getMessage());
        }
        // a byte-order mark is not part of the first table's name
        return parse(file.toString(), text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    static ReferenceDataset parse(String name, String text) {
        List<Value> values = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 7) {
                throw new ConfigError(name + ":" + (i + 1) + ": expected 7 fields"
                        + " (table,platform,protocol,direction,metric,value,unit), got " + f.length);
            }
            if (f[5].trim().equals("value")) {
                throw new ConfigError(name + ":" + (i + 1) + ": a header line must be a comment: # " + line);
            }
            // a decimal number as written in a table: Java's own syntax took 0x1.d4p9, 936f and Infinity
            if (!DECIMAL.matcher(f[5].trim()).matches()) {
                throw new ConfigError(name + ":" + (i + 1) + ": value: '" + TerminalText.of(f[5], 80)
                        + "' is not a decimal number (e.g. 936 or 0.2288)");
            }
            double v = Double.parseDouble(f[5].trim());
            if (!TABLE.matcher(f[0].trim()).matches()) {
                throw new ConfigError(name + ":" + (i + 1) + ": table: '" + TerminalText.of(f[0], 80)
                        + "' is not a table's name (a letter,"
                        + " then letters, digits, '-' or '_', e.g. table1)");
            }
            Value value = new Value(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(), v, f[6].trim());
            check(value, name + ":" + (i + 1));
            Integer before = lineOf.putIfAbsent(value.platform + "," + value.protocol + "," + value.direction + ","
                    + value.metric, i + 1);
            if (before != null) {
                // two values of one quantity (in one table or two) would each be checked, one passing and one failing
                throw new ConfigError(name + ":" + (i + 1) + ": the same quantity as line " + before
                        + " (platform, protocol, direction, metric); give each once");
            }
            values.add(value);
        }
        return new ReferenceDataset(name, List.copyOf(values));
    }

    private static void check(Value v, String where) {
        if (!PLATFORMS.contains(v.platform)) {
            throw new ConfigError(where + ": platform: unknown '" + v.platform + "'" + Suggest.hint(v.platform, PLATFORMS)
                    + " (valid: " + String.join(", ", PLATFORMS) + ")");
        }
        if (!v.protocol.equals("ipv4") && !v.protocol.equals("ipv6")) {
            throw new ConfigError(where + ": protocol: unknown '" + v.protocol + "' (valid: ipv4, ipv6)");
        }
        String[] metric = METRICS.get(v.metric);
        if (metric == null) {
            throw new ConfigError(where + ": metric: unknown '" + v.metric + "'" + Suggest.hint(v.metric, METRICS.keySet())
                    + " (valid: " + String.join(", ", METRICS.keySet()) + ")");
        }
        List<String> directions = List.of(metric).subList(1, metric.length);
        if (!directions.contains(v.direction)) {
            throw new ConfigError(where + ": direction: '" + v.direction + "' is not one of " + v.metric + "'s ("
                    + String.join(", ", directions) + ")");
        }
        if (v.direction.equals("roundtrip") && v.platform.equals("vserver")) {
            throw new ConfigError(where + ": platform: the study's RTT scenario has reflectors on native and xen-domU only");
        }
        if (!v.unit.equals(metric[0])) {
            throw new ConfigError(where + ": unit: " + v.metric + " is in " + metric[0] + ", not '" + v.unit + "'");
        }
        if (!(v.value >= MIN_VALUE) || Double.isInfinite(v.value)
                || (metric[0].equals("Mbit/s") && v.value > MAX_MBPS)) {
            throw new ConfigError(where + ": value: " + v.value + " is out of range (at least " + MIN_VALUE + " "
                    + metric[0] + (metric[0].equals("Mbit/s") ? " and at most " + (long) MAX_MBPS : "") + ")");
        }
    }

    /** The value for these coordinates, if the dataset has it. */
    public java.util.Optional<Value> find(String platform, String protocol, String direction, String metric) {
        return values.stream().filter(v -> v.platform.equals(platform) && v.protocol.equals(protocol)
                && v.direction.equals(direction) && v.metric.equals(metric)).findFirst();
    }
}
