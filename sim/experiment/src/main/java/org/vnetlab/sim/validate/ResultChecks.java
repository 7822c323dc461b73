package org.vnetlab.sim.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioCatalog;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.TextFiles;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Made;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.result.ResultKeys;
import org.vnetlab.core.text.JsonInputException;
import org.vnetlab.core.units.RunLimits;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * A result file written by vnetlab (sim now, measure later) as a dataset: every value of every
 * point is a target at that point's coordinates. Throughput within 2 %, CPU within 5 points,
 * RTT median within 10 %, jitter median within 25 %; the sum of several guests is left out (it
 * follows from the guests). The file is checked as it is read: an unknown key, a wrong unit or
 * an out-of-range value is a one-line error naming the file, the line and the key.
 */
public final class ResultChecks {

    static final Tolerance THROUGHPUT = Tolerance.relative(0.02);
    static final Tolerance CPU = Tolerance.absolute(5);

    private static final Set<String> POINT_KEYS = Set.copyOf(ResultKeys.POINT);
    private static final Set<String> TOP_KEYS = Set.copyOf(ResultKeys.TOP);

    private ResultChecks() {
    }

    public static Dataset read(Path file) {
        String text;
        try {
            text = TextFiles.read(file, ResultJson.NOT_UTF8);
        } catch (TextFiles.Unreadable e) {
            throw new ConfigError(file + ": " + e.getMessage());
        }
        JsonLines lines = JsonLines.read(file, text);
        Result result;
        try {
            result = ResultJson.read(text);
        } catch (JsonInputException e) {
            throw new ConfigError(file + ": " + e.getMessage());
        }
        for (String key : lines.topKeys()) {
            if (!TOP_KEYS.contains(key)) {
                throw lines.error(-1, key, "unknown key (valid: " + String.join(", ", sorted(TOP_KEYS)) + ")");
            }
        }
        ScenarioLoader loader = new ScenarioLoader();
        ScenarioCatalog catalog = loader.catalog();
        if (!catalog.contains(result.scenario())) {
            throw lines.error(-1, ResultKeys.SCENARIO, "'" + result.scenario() + "' is not a bundled scenario ("
                    + String.join(", ", catalog.names()) + "); a dataset's scenario must be one to be simulated");
        }
        // not its model.* overrides: they are the model that made the values, which validate tests
        // and calibrate fits, not the configuration
        List<String> made = result.made() == null ? List.of() : result.made().sets().stream()
                .filter(s -> !s.strip().startsWith("model.")).toList();
        Scenario configured;
        try {
            configured = loader.load(result.scenario(), made).scenario();
        } catch (ConfigError e) {
            throw new ConfigError(file + ": the overrides it was made with do not load: " + e.getMessage());
        }
        ScenarioRef scenario = configuration(result, made, configured);
        List<String> guests = new ArrayList<>(configured.platform().guestNames());
        guests.add(Experiment.SUM);
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < result.points().size(); i++) {
            Point p = result.points().get(i);
            for (String key : lines.pointKeys(i)) {
                if (!POINT_KEYS.contains(key)) {
                    throw lines.error(i, key, "unknown key (valid: " + String.join(", ", sorted(POINT_KEYS)) + ")");
                }
            }
            check(p, i, lines);
            fits(configured, guests, p, i, lines);
            if (p.guest().equals(Experiment.SUM)) {
                continue;
            }
            checks.addAll(targets(scenario, p));
        }
        Map<ScenarioRef, Effort> madeWith = new HashMap<>();
        if (simulated(result)) {
            Made m = result.made();
            // simulated again as made, so within what a simulation may ask for
            if (m.trials() > RunLimits.MAX_TRIALS || m.durationSeconds() < RunLimits.MIN_SECONDS
                    || m.durationSeconds() > RunLimits.MAX_SECONDS) {
                // 1e-9 s ran out of memory sampling the CPUs, 1e-6 s gave 0 Mbit/s as a verdict
                throw new ConfigError(file + ": made: " + m.trials() + " trials of " + m.durationSeconds()
                        + " s; a simulation takes at most " + RunLimits.MAX_TRIALS + " trials of "
                        + RunLimits.MIN_SECONDS + " to " + (int) RunLimits.MAX_SECONDS
                        + " s, so this result cannot have been simulated so");
            }
            madeWith.put(scenario, new Effort(m.trials(), Math.round(m.durationSeconds() * 1e9),
                    m.exact() ? Fidelity.EXACT : Fidelity.TRAINS));
        }
        return new Dataset(file.toString(), checks, madeWith);
    }

    /** A result the simulator made, which says how: it is simulated again the same way. */
    private static boolean simulated(Result result) {
        return result.mode().equals("sim") && result.made() != null;
    }

    /**
     * The configuration the result was made of: its scenario ({@code configured}) with the
     * overrides it was made with and, for a simulation, its seed where that is not the scenario's own.
     */
    private static ScenarioRef configuration(Result result, List<String> made, Scenario configured) {
        List<String> sets = new ArrayList<>(made);
        if (simulated(result) && configured.method().seed() != result.seed()) {
            sets.add("method.seed=" + result.seed());
        }
        return new ScenarioRef(result.scenario(), sets);
    }

    private static void check(Point p, int i, JsonLines lines) {
        if (!p.transport().equals("udp") && !p.transport().equals("tcp")) {
            throw lines.error(i, ResultKeys.TRANSPORT, "'" + p.transport() + "' is not one of udp, tcp");
        }
        if (!p.protocol().equals("ipv4") && !p.protocol().equals("ipv6")) {
            throw lines.error(i, ResultKeys.PROTOCOL, "'" + p.protocol() + "' is not one of ipv4, ipv6");
        }
        if (!List.of("rx", "tx", "roundtrip").contains(p.direction())) {
            throw lines.error(i, ResultKeys.DIRECTION, "'" + p.direction() + "' is not one of rx, tx, roundtrip");
        }
        if (!p.grid().isEmpty()) {
            throw lines.error(i, ResultKeys.GRID,
                    "points of a grid sweep are not a dataset (simulate each configuration)");
        }
        if (p.loss() != null && !(p.loss() >= 0 && p.loss() <= 1)) {
            throw lines.error(i, ResultKeys.LOSS, p.loss() + " is out of range (a fraction, 0..1)");
        }
        if (p.cpuPercent() != null) {
            p.cpuPercent().forEach((d, v) -> {
                if (!(v >= 0 && v <= 100 * 1024)) {
                    throw lines.error(i, ResultKeys.CPU_PERCENT,
                            d + " = " + v + " is out of range (percent of one CPU, >= 0)");
                }
            });
        }
        if (p.rttMs() != null && !(p.rttMs().median() > 0)) {
            throw lines.error(i, ResultKeys.RTT_MS, "median " + p.rttMs().median() + " is out of range (> 0 ms)");
        }
        if (p.jitterUs() != null && !(p.jitterUs().median() >= 0)) {
            throw lines.error(i, ResultKeys.JITTER_US,
                    "median " + p.jitterUs().median() + " is out of range (>= 0 us)");
        }
    }

    /**
     * A point the scenario could have made: of one of its guests, and a UDP payload its link
     * carries (such a point was simulated first, then reported missing, or failed without the file).
     */
    private static void fits(Scenario s, List<String> guests, Point p, int i, JsonLines lines) {
        if (!guests.contains(p.guest())) {
            throw lines.error(i, ResultKeys.GUEST, "'" + p.guest() + "' is not a guest of scenario " + s.name()
                    + " (" + String.join(", ", guests) + ")");
        }
        if (p.transport().equals("udp") && !p.direction().equals("roundtrip")) {
            IpVersion ip = p.protocol().equals("ipv6") ? IpVersion.IPV6 : IpVersion.IPV4;
            Ethernet.udpPayloadTooLarge(p.payload(), s.link().mtu(), ip).ifPresent(why -> {
                throw lines.error(i, ResultKeys.PAYLOAD, why);
            });
        }
    }

    private static List<Check> targets(ScenarioRef s, Point p) {
        List<Check> out = new ArrayList<>();
        String at = s.label() + " " + p.transport() + " " + p.protocol() + " " + p.direction() + " " + p.payload()
                + " B " + p.guest() + " ";
        Integer payload = p.payload();
        if (p.throughputMbps() != null) {
            out.add(new Check.Target(at + "Mbit/s", series(s, p, Metric.THROUGHPUT), payload, p.throughputMbps(),
                    THROUGHPUT));
        }
        if (p.cpuPercent() != null) {
            p.cpuPercent().forEach((d, v) -> out.add(new Check.Target(at + "cpu " + d, series(s, p, Metric.cpu(d)),
                    payload, v, CPU)));
        }
        if (p.rttMs() != null) {
            out.add(new Check.Target(at + "rtt", new Series(s, null, p.protocol(), p.direction(), p.guest(),
                    Metric.RTT_MEDIAN), payload, p.rttMs().median(), ReferenceChecks.RTT));
        }
        if (p.jitterUs() != null) {
            out.add(new Check.Target(at + "jitter", new Series(s, null, p.protocol(), p.direction(), p.guest(),
                    Metric.JITTER_MEDIAN), payload, p.jitterUs().median(), ReferenceChecks.JITTER));
        }
        return out;
    }

    private static Series series(ScenarioRef s, Point p, Metric m) {
        return new Series(s, p.transport(), p.protocol(), p.direction(), p.guest(), m);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
