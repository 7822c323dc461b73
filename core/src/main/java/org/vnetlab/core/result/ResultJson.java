package org.vnetlab.core.result;

import static org.vnetlab.core.result.ResultKeys.CPU_OVER_PERCENT;
import static org.vnetlab.core.result.ResultKeys.CPU_PERCENT;
import static org.vnetlab.core.result.ResultKeys.CPU_READY_PERCENT;
import static org.vnetlab.core.result.ResultKeys.DIRECTION;
import static org.vnetlab.core.result.ResultKeys.DROPS;
import static org.vnetlab.core.result.ResultKeys.DURATION_S;
import static org.vnetlab.core.result.ResultKeys.GRID;
import static org.vnetlab.core.result.ResultKeys.GUEST;
import static org.vnetlab.core.result.ResultKeys.JITTER_US;
import static org.vnetlab.core.result.ResultKeys.LOSS;
import static org.vnetlab.core.result.ResultKeys.EXACT;
import static org.vnetlab.core.result.ResultKeys.MADE;
import static org.vnetlab.core.result.ResultKeys.MAX;
import static org.vnetlab.core.result.ResultKeys.MEAN;
import static org.vnetlab.core.result.ResultKeys.MEDIAN;
import static org.vnetlab.core.result.ResultKeys.MODE;
import static org.vnetlab.core.result.ResultKeys.P90;
import static org.vnetlab.core.result.ResultKeys.P99;
import static org.vnetlab.core.result.ResultKeys.PARAMETERS;
import static org.vnetlab.core.result.ResultKeys.PAYLOAD;
import static org.vnetlab.core.result.ResultKeys.POINTS;
import static org.vnetlab.core.result.ResultKeys.PROTOCOL;
import static org.vnetlab.core.result.ResultKeys.REPLIES_LOST;
import static org.vnetlab.core.result.ResultKeys.RTT_MS;
import static org.vnetlab.core.result.ResultKeys.SAMPLES;
import static org.vnetlab.core.result.ResultKeys.SCENARIO;
import static org.vnetlab.core.result.ResultKeys.SCHEMA;
import static org.vnetlab.core.result.ResultKeys.SEED;
import static org.vnetlab.core.result.ResultKeys.SETS;
import static org.vnetlab.core.result.ResultKeys.SIZES;
import static org.vnetlab.core.result.ResultKeys.STDEV;
import static org.vnetlab.core.result.ResultKeys.THROUGHPUT_MBPS;
import static org.vnetlab.core.result.ResultKeys.THROUGHPUT_TRIALS;
import static org.vnetlab.core.result.ResultKeys.TRANSPORT;
import static org.vnetlab.core.result.ResultKeys.TRIALS;
import static org.vnetlab.core.result.ResultKeys.VERSION;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.vnetlab.core.text.Json;
import org.vnetlab.core.text.JsonInput;
import org.vnetlab.core.text.JsonInputException;
import org.vnetlab.core.units.DataRate;

/**
 * Writes and reads {@link Result} as JSON of schema {@value Result#SCHEMA}. Keys carry their units
 * ({@link ResultKeys}); numbers are rounded to four decimals, so the same result gives the same bytes.
 */
public final class ResultJson {

    /** What a reader of result files says of one whose bytes are not UTF-8, after its name. */
    public static final String NOT_UTF8 = "not UTF-8 text (is it a vnetlab result file?)";

    /** The largest UDP payload an IPv4 packet holds: a file claiming more is corrupt. */
    private static final int MAX_PAYLOAD = 65507;
    /** A point's directions: a simulation's or measurement's legs, an RTT probe's, the emulator's forwarding. */
    private static final List<String> DIRECTIONS = List.of("rx", "tx", "roundtrip", "forward");
    /** What made a result: the simulator, the emulator or a live measurement. */
    private static final List<String> MODES = List.of("sim", "emulate", "measure");
    private static final List<String> TRANSPORTS = List.of("udp", "tcp");
    private static final List<String> PROTOCOLS = List.of("ipv4", "ipv6");
    /** The longest name a result may give a scenario, a guest or a key (a scenario may be a file's path). */
    static final int MAX_NAME = 255;
    /** The longest a made run's leg may be: the scenarios' own bound on a duration, a day. */
    private static final double MAX_DURATION_S = 86_400;
    /**
     * The most CPU a result may report for one domain or process, in percent of one CPU: 100 times
     * Linux's largest CPU count (CONFIG_NR_CPUS, 8192). A measured host may have more CPUs than a
     * simulated one's 64, and a live server's protocol does not say how many it has.
     */
    public static final double MAX_CPU_PERCENT = 100.0 * 8192;
    /** The largest statistic of an RTT or jitter distribution: an hour, in microseconds. */
    private static final double MAX_SUMMARY = 3.6e9;

    private ResultJson() {
    }

    public static String write(Result r) {
        return Json.pretty(g -> {
            g.writeStartObject();
            g.writeStringField(SCHEMA, Result.SCHEMA);
            g.writeStringField(MODE, r.mode());
            g.writeStringField(SCENARIO, r.scenario());
            g.writeNumberField(SEED, r.seed());
            g.writeStringField(VERSION, r.version());
            g.writeStringField(PARAMETERS, r.parameters());
            made(g, r.made());
            g.writeArrayFieldStart(POINTS);
            for (Point p : r.points()) {
                point(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void made(JsonGenerator g, Made m) throws IOException {
        if (m == null) {
            return;
        }
        g.writeObjectFieldStart(MADE);
        g.writeArrayFieldStart(SETS);
        for (String s : m.sets()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeNumberField(TRIALS, m.trials());
        g.writeFieldName(DURATION_S);
        number(g, m.durationSeconds());
        if (!m.sizes().isEmpty()) {
            g.writeArrayFieldStart(SIZES);
            for (int size : m.sizes()) {
                g.writeNumber(size);
            }
            g.writeEndArray();
        }
        if (m.exact()) {
            g.writeBooleanField(EXACT, true);
        }
        g.writeEndObject();
    }

    private static void point(JsonGenerator g, Point p) throws IOException {
        g.writeStartObject();
        g.writeStringField(TRANSPORT, p.transport());
        g.writeStringField(PROTOCOL, p.protocol());
        g.writeStringField(DIRECTION, p.direction());
        g.writeNumberField(PAYLOAD, p.payload());
        g.writeStringField(GUEST, p.guest());
        if (!p.grid().isEmpty()) {
            g.writeObjectFieldStart(GRID);
            for (Map.Entry<String, String> e : p.grid().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (p.throughputMbps() != null) {
            g.writeFieldName(THROUGHPUT_MBPS);
            number(g, p.throughputMbps());
        }
        if (p.throughputTrials() != null) {
            g.writeArrayFieldStart(THROUGHPUT_TRIALS);
            for (double v : p.throughputTrials()) {
                number(g, v);
            }
            g.writeEndArray();
        }
        if (p.loss() != null) {
            g.writeFieldName(LOSS);
            number(g, p.loss());
        }
        numbers(g, CPU_PERCENT, p.cpuPercent());
        numbers(g, CPU_READY_PERCENT, p.cpuReadyPercent());
        numbers(g, CPU_OVER_PERCENT, p.cpuOverPercent());
        summary(g, RTT_MS, p.rttMs());
        summary(g, JITTER_US, p.jitterUs());
        if (p.repliesLost() != null) {
            g.writeNumberField(REPLIES_LOST, p.repliesLost());
        }
        numbers(g, DROPS, p.drops());
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, String key, Summary s) throws IOException {
        if (s == null) {
            return;
        }
        g.writeObjectFieldStart(key);
        g.writeFieldName(MEDIAN);
        number(g, s.median());
        optional(g, MEAN, s.mean());
        g.writeFieldName(STDEV);
        number(g, s.stdev());
        optional(g, P90, s.p90());
        optional(g, P99, s.p99());
        optional(g, MAX, s.max());
        g.writeNumberField(SAMPLES, s.samples());
        g.writeEndObject();
    }

    /** {@code key} and its value, left out when the value is NaN (not known, as in a file of the study's values). */
    private static void optional(JsonGenerator g, String key, double v) throws IOException {
        if (!Double.isNaN(v)) {
            g.writeFieldName(key);
            number(g, v);
        }
    }

    /** {@code key} and an object of the values, each as {@link #number}; nothing when {@code values} is null. */
    public static void numbers(JsonGenerator g, String key, Map<String, Double> values) throws IOException {
        if (values == null) {
            return;
        }
        g.writeObjectFieldStart(key);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            number(g, e.getValue());
        }
        g.writeEndObject();
    }

    /** Four decimals; a value that is not finite is null. */
    public static void number(JsonGenerator g, double v) throws IOException {
        String text = Decimals.of(v);
        if (text == null) {
            g.writeNull();
        } else {
            g.writeNumber(text);
        }
    }

    /**
     * Reads a result file's text. Keys this version does not know are passed over.
     *
     * @throws JsonInputException naming line, column and what is wrong, for malformed JSON, a
     *                            missing or mistyped key, or another schema
     */
    public static Result read(String text) {
        return JsonInput.read(text, ResultReader::result);
    }

    /** The reading side: one instance per document, collecting the top-level keys. */
    private static final class ResultReader {
        private final JsonInput in;
        private String schema;
        private String mode;
        private String scenario;
        private Long seed;
        private String version;
        private String parameters = "defaults";
        private List<Point> points;
        private Made made;

        private ResultReader(JsonInput in) {
            this.in = in;
        }

        static Result result(JsonInput in) {
            ResultReader r = new ResultReader(in);
            in.object("result", r::top);
            if (!Result.SCHEMA.equals(r.schema)) {
                throw in.error("schema is '" + r.schema + "', expected '" + Result.SCHEMA + "'");
            }
            if (r.mode != null && !MODES.contains(r.mode)) {
                throw in.error("'" + MODE + "': '" + r.mode + "' is not one of " + String.join(", ", MODES));
            }
            return new Result(required(in, MODE, r.mode), required(in, SCENARIO, r.scenario),
                    required(in, SEED, r.seed), required(in, VERSION, r.version), r.parameters,
                    required(in, POINTS, r.points), r.made);
        }

        private void top(String key) {
            switch (key) {
                case SCHEMA -> schema = in.string(key);
                case MODE -> mode = in.string(key);
                case SCENARIO -> scenario = name(in, key);
                case SEED -> seed = in.integer(key, Long.MIN_VALUE, Long.MAX_VALUE);
                case VERSION -> version = name(in, key);
                case PARAMETERS -> parameters = in.isNull() ? parameters : name(in, key);
                case POINTS -> points = PointReader.points(in);
                case MADE -> made = in.isNull() ? null : made();
                default -> in.skip();
            }
        }

        private Made made() {
            List<String> sets = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            long[] trials = {-1};
            double[] duration = {Double.NaN};
            boolean[] exact = {false};
            in.object(MADE, key -> {
                switch (key) {
                    case SETS -> in.array(MADE + "." + SETS, () -> sets.add(name(in, MADE + "." + SETS)));
                    case TRIALS -> trials[0] = in.integer(MADE + "." + TRIALS, 1, Integer.MAX_VALUE);
                    case DURATION_S -> duration[0] = positive(in, MADE + "." + DURATION_S, MAX_DURATION_S);
                    case SIZES -> in.array(MADE + "." + SIZES,
                            () -> sizes.add((int) in.integer(MADE + "." + SIZES, 1, MAX_PAYLOAD)));
                    case EXACT -> exact[0] = in.bool(MADE + "." + EXACT);
                    default -> in.skip();
                }
            });
            if (trials[0] < 0 || Double.isNaN(duration[0])) {
                throw in.error("'" + MADE + "' needs '" + TRIALS + "' and '" + DURATION_S + "'");
            }
            return new Made(sets, (int) trials[0], duration[0], sizes, exact[0]);
        }
    }

    /** Reads one point; the five keys that name it are required, the measured values are optional. */
    private static final class PointReader {
        private static final List<String> REQUIRED = List.of(TRANSPORT, PROTOCOL, DIRECTION, PAYLOAD, GUEST);

        private final JsonInput in;
        private final Point.Builder b = Point.builder();
        private final Set<String> seen = new HashSet<>();

        private PointReader(JsonInput in) {
            this.in = in;
        }

        static List<Point> points(JsonInput in) {
            List<Point> points = new ArrayList<>();
            Set<List<Object>> names = new HashSet<>();
            in.array(POINTS, () -> {
                PointReader r = new PointReader(in);
                in.object("point", r::field);
                Point p = r.build();
                // a reader would take one of two values for the same point at random
                if (!names.add(List.of(p.transport(), p.protocol(), p.direction(), p.payload(), p.guest(), p.grid()))) {
                    throw in.error("a second point " + p.transport() + " " + p.protocol() + " " + p.direction() + " "
                            + p.payload() + " B " + p.guest() + (p.grid().isEmpty() ? "" : " at " + p.grid())
                            + "; each point appears once");
                }
                points.add(p);
            });
            return points;
        }

        private void field(String key) {
            seen.add(key);
            switch (key) {
                case TRANSPORT -> b.transport(oneOf(in, key, TRANSPORTS));
                case PROTOCOL -> b.protocol(oneOf(in, key, PROTOCOLS));
                case DIRECTION -> b.direction(oneOf(in, key, DIRECTIONS));
                case PAYLOAD -> b.payload((int) in.integer(key, 1, MAX_PAYLOAD));
                case GUEST -> b.guest(name(in, key));
                case GRID -> b.grid(in.isNull() ? null : strings(key));
                case THROUGHPUT_MBPS -> b.throughputMbps(in.isNull() ? null : in.number(key, 0, DataRate.MAX_MBPS));
                case THROUGHPUT_TRIALS -> b.throughputTrials(in.isNull() ? null : list(key));
                case LOSS -> b.loss(in.isNull() ? null : in.number(key, 0, 1));
                case CPU_PERCENT -> b.cpuPercent(in.isNull() ? null : percents(key));
                case CPU_READY_PERCENT -> b.cpuReadyPercent(in.isNull() ? null : percents(key));
                case CPU_OVER_PERCENT -> b.cpuOverPercent(in.isNull() ? null : percents(key));
                case RTT_MS -> b.rttMs(in.isNull() ? null : summary(key));
                case JITTER_US -> b.jitterUs(in.isNull() ? null : summary(key));
                case REPLIES_LOST -> b.repliesLost(in.isNull() ? null : in.integer(key, 0, Long.MAX_VALUE));
                case DROPS -> b.drops(in.isNull() ? null : counts(key));
                default -> in.skip();
            }
        }

        private Point build() {
            for (String key : REQUIRED) {
                if (!seen.contains(key)) {
                    throw in.error("a point has no '" + key + "'");
                }
            }
            return b.build();
        }

        private List<Double> list(String key) {
            List<Double> values = new ArrayList<>();
            in.array(key, () -> values.add(in.number(key, 0, DataRate.MAX_MBPS)));
            return values;
        }

        private Map<String, Double> numbers(String key) {
            return numbers(key, in::number);
        }

        /** Percents of one CPU, per domain: 0 up to all of the largest host's CPUs. */
        private Map<String, Double> percents(String key) {
            return numbers(key, what -> in.number(what, 0, MAX_CPU_PERCENT));
        }

        /** An object of numbers by name, each read with {@code read} given its full key. */
        private Map<String, Double> numbers(String key, ToDoubleFunction<String> read) {
            Map<String, Double> values = new TreeMap<>();
            in.object(key, k -> values.put(key(in, key, k), read.applyAsDouble(key + "." + k)));
            return values;
        }

        private Map<String, String> strings(String key) {
            Map<String, String> values = new TreeMap<>();
            in.object(key, k -> values.put(key(in, key, k), name(in, key + "." + k)));
            return values;
        }

        /** Packets dropped per queue (a median over trials, so it may end in .5): at least 0, each given. */
        private Map<String, Double> counts(String key) {
            return numbers(key, what -> {
                double v = in.number(what, 0, Long.MAX_VALUE);
                if (Double.isNaN(v)) {
                    throw in.error("'" + what + "' must be a number of packets, got null");
                }
                return v;
            });
        }

        /**
         * A distribution's statistics: each at least 0 and at most an hour (in the unit's terms, ms
         * or us), the median, deviation and sample count given, the count whole (a negative median
         * reached the report's tables, a null one stopped it).
         */
        private Summary summary(String key) {
            Map<String, Double> values = numbers(key, what -> in.number(what, 0, MAX_SUMMARY));
            for (String k : List.of(MEDIAN, STDEV, SAMPLES)) {
                if (!values.containsKey(k) || values.get(k).isNaN()) {
                    throw in.error("'" + key + "' has no '" + k + "'");
                }
            }
            double samples = values.get(SAMPLES);
            if (samples != Math.rint(samples) || samples > Integer.MAX_VALUE) {
                throw in.error("'" + key + "." + SAMPLES + "' must be a whole number, got " + samples);
            }
            return new Summary(values.get(MEDIAN), values.getOrDefault(MEAN, Double.NaN), values.get(STDEV),
                    values.getOrDefault(P90, Double.NaN), values.getOrDefault(P99, Double.NaN),
                    values.getOrDefault(MAX, Double.NaN), values.get(SAMPLES).intValue());
        }
    }

    /**
     * A name the file gives (a scenario, a guest, a version, an override): 1 to {@link #MAX_NAME}
     * characters, none of them a control character, since it goes to terminals, charts and file names.
     */
    private static String name(JsonInput in, String key) {
        String v = in.string(key);
        if (!isName(v)) {
            throw in.error("'" + key + "' must be 1 to " + MAX_NAME + " printable characters, got " + described(v));
        }
        return v;
    }

    /** An object's key that names something (a domain, a queue, a grid key), checked as {@link #name}. */
    private static String key(JsonInput in, String object, String k) {
        if (!isName(k)) {
            throw in.error("'" + object + "' has a key of " + described(k) + "; keys are 1 to " + MAX_NAME
                    + " printable characters");
        }
        return k;
    }

    private static boolean isName(String v) {
        // no control or format characters (U+202E turns a name round on a terminal), no lone
        // surrogate (no file can be written with one: report failed on it)
        return !v.isEmpty() && v.length() <= MAX_NAME && v.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE);
    }

    /** How long {@code v} is, and whether it holds control characters (which are not echoed). */
    private static String described(String v) {
        return v.length() + " characters" + (v.chars().anyMatch(Character::isISOControl) ? " with control characters"
                : "");
    }

    private static String oneOf(JsonInput in, String key, List<String> valid) {
        String v = in.string(key);
        if (!valid.contains(v)) {
            throw in.error("'" + key + "': '" + v + "' is not one of " + String.join(", ", valid));
        }
        return v;
    }

    /** A number above 0 and at most {@code max}. */
    private static double positive(JsonInput in, String key, double max) {
        double v = in.number(key);
        if (!(v > 0 && v <= max)) {
            throw in.error("'" + key + "' must be above 0 and at most " + max + ", got " + v);
        }
        return v;
    }

    private static <T> T required(JsonInput in, String key, T value) {
        if (value == null) {
            throw in.error("a result has no '" + key + "'");
        }
        return value;
    }
}
