package org.vnetlab.sim.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.Version;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.VServerPlatform;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;

/**
 * Answers capacity questions by simulating candidate configurations of a scenario: every
 * candidate of a round runs at once through the {@link Evaluator}, in parallel.
 */
public final class Planner {

    /** A guest keeps its rate when it receives at least this share of it. */
    public static final double KEEPS = 0.99;
    /** A configuration carries its traffic when at most this share is lost. */
    public static final double MAX_LOSS = 0.01;
    /** Candidates per round of the CPU-speed search. */
    static final int SPEEDS_PER_ROUND = 4;

    /**
     * The stream every candidate carries.
     *
     * @param trials        trials per point, null for the scenario's method
     * @param durationNanos each run's length, null for the scenario's
     */
    public record Traffic(IpVersion ip, Direction direction, int payload, Integer trials, Long durationNanos) {
    }

    private final Evaluator evaluator;
    private final Function<List<String>, Scenario> configure;
    private final Traffic traffic;
    private final RunPool.Progress progress;
    private final BooleanSupplier cancelled;

    /**
     * @param configure loads the scenario with extra --set overrides (and the user's parameters)
     */
    public Planner(Evaluator evaluator, Function<List<String>, Scenario> configure, Traffic traffic,
                   RunPool.Progress progress, BooleanSupplier cancelled) {
        this.evaluator = evaluator;
        this.configure = configure;
        this.traffic = traffic;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /**
     * The most guests the host carries while each guest, offered {@code mbps}, receives at least
     * {@value #KEEPS} of it (and its RTT median stays under {@code maxRttMs}, when given).
     */
    public Answer mostGuests(double mbps, Double maxRttMs, int maxGuests) throws InterruptedException {
        String key = guestKey(configure.apply(List.of()));
        List<Scenario> configs = new ArrayList<>();
        List<List<String>> sets = new ArrayList<>();
        for (int n = 1; n <= maxGuests; n++) {
            sets.add(List.of(key + "=" + n, "udp.direction=" + traffic.direction().key(), "udp.rate=" + rate(mbps)));
            configs.add(configure.apply(sets.get(n - 1)));
        }
        List<Result> results = simulate(configs);
        List<Candidate> tried = new ArrayList<>();
        int most = 0;
        boolean allSoFar = true;
        for (int i = 0; i < configs.size(); i++) {
            List<Point> guests = guests(results.get(i));
            double worst = guests.stream().mapToDouble(Point::throughputMbps).min().orElse(0);
            boolean keeps = worst >= KEEPS * mbps;
            String why = String.format(Locale.ROOT, "slowest guest %.1f Mbit/s %s %.1f", worst, keeps ? ">=" : "<",
                    KEEPS * mbps);
            if (maxRttMs != null) {
                double rtt = rttMs(results.get(i), configs.get(i).name());
                keeps &= rtt <= maxRttMs;
                why += String.format(Locale.ROOT, ", RTT %.4f ms %s %.4f", rtt, rtt <= maxRttMs ? "<=" : ">", maxRttMs);
            }
            allSoFar &= keeps;
            if (allSoFar) {
                most = i + 1;
            }
            tried.add(new Candidate(i + 1, keeps, why, configs.get(i), sets.get(i), guests,
                    Bottleneck.of(configs.get(i), guests, mbps * guests.size())));
        }
        String statement = most == maxGuests ? "at least " + most + " guests (every count tried kept the rate;"
                + " raise --max-guests to look further)" : most == 0 ? "not even one guest keeps the rate"
                : "at most " + most + " guest" + (most == 1 ? "" : "s");
        return new Answer(most == 0 ? Double.NaN : most, statement, tried);
    }

    /**
     * The smallest CPU speed (relative to the study's Opteron) at which the host carries
     * {@code packetsPerSecond} with loss at most {@value #MAX_LOSS} and {@code domain} below
     * {@code maxCpuPercent} of one CPU; found to {@code resolution} by rounds of
     * {@value #SPEEDS_PER_ROUND} speeds simulated at once.
     */
    public Answer smallestCpuSpeed(double packetsPerSecond, String domain, double maxCpuPercent, double minSpeed,
                                   double maxSpeed, double resolution) throws InterruptedException {
        double mbps = packetsPerSecond * traffic.payload() * 8 / 1e6;
        List<Candidate> tried = new ArrayList<>();
        Candidate top = speeds(List.of(maxSpeed), mbps, domain, maxCpuPercent, tried).get(0);
        if (!top.meets()) {
            return new Answer(Double.NaN, "no speed up to " + maxSpeed + " keeps " + domain + " below "
                    + maxCpuPercent + " % (raise --max-speed)", tried);
        }
        double lo = minSpeed;
        double hi = maxSpeed;
        while (hi - lo > resolution) {
            List<Double> grid = new ArrayList<>();
            for (int i = 1; i <= SPEEDS_PER_ROUND; i++) {
                grid.add(round(lo + (hi - lo) * i / (SPEEDS_PER_ROUND + 1), resolution));
            }
            double low = lo;
            double high = hi;
            grid.removeIf(v -> v <= low || v >= high);
            if (grid.isEmpty()) {
                break;
            }
            List<Candidate> round = speeds(grid.stream().distinct().toList(), mbps, domain, maxCpuPercent, tried);
            double newLo = lo;
            double newHi = hi;
            for (Candidate c : round) {
                if (c.meets()) {
                    newHi = Math.min(newHi, c.value());
                } else if (c.value() < newHi) {
                    newLo = Math.max(newLo, c.value());
                }
            }
            lo = newLo;
            hi = newHi;
        }
        return new Answer(hi, String.format(Locale.ROOT, "cpu-speed %.2f (%.0f packets/s of %d B: %.1f Mbit/s)", hi,
                packetsPerSecond, traffic.payload(), mbps), tried);
    }

    private List<Candidate> speeds(List<Double> speeds, double mbps, String domain, double maxCpu,
                                   List<Candidate> tried) throws InterruptedException {
        List<Scenario> configs = new ArrayList<>();
        List<List<String>> sets = new ArrayList<>();
        for (double v : speeds) {
            sets.add(List.of("host.cpu-speed=" + v, "udp.direction=" + traffic.direction().key(), "udp.rate=" + rate(mbps)));
            configs.add(configure.apply(sets.get(sets.size() - 1)));
        }
        List<Result> results = simulate(configs);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            List<Point> guests = guests(results.get(i));
            Double load = guests.get(0).cpuPercent() == null ? null : guests.get(0).cpuPercent().get(domain);
            if (load == null) {
                throw new ConfigError("plan: scenario " + configs.get(i).name() + " has no domain '" + domain
                        + "' (its domains: " + String.join(", ", configs.get(i).platform().domainNames()) + ")");
            }
            double loss = guests.stream().mapToDouble(p -> p.loss() == null ? 0 : p.loss()).max().orElse(0);
            boolean meets = load < maxCpu && loss <= MAX_LOSS;
            String why = String.format(Locale.ROOT, "%s %.0f %% %s %.0f, loss %.1f %% %s %.0f", domain, load,
                    load < maxCpu ? "<" : ">=", maxCpu, 100 * loss, loss <= MAX_LOSS ? "<=" : ">", 100 * MAX_LOSS);
            Candidate c = new Candidate(speeds.get(i), meets, why, configs.get(i), sets.get(i), guests,
                    Bottleneck.of(configs.get(i), guests, mbps * guests.size()));
            out.add(c);
            tried.add(c);
        }
        return out;
    }

    private List<Result> simulate(List<Scenario> configs) throws InterruptedException {
        SimOptions options = new SimOptions(List.of(traffic.ip()), List.of(Transport.UDP), List.of(traffic.payload()),
                traffic.trials(), traffic.durationNanos());
        List<Job> jobs = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            for (RunSpec spec : Experiment.plan(configs.get(i), options)) {
                jobs.add(new Job(configs.get(i), spec));
                owner.add(i);
            }
        }
        List<RunResult> runs = evaluator.evaluate(jobs, progress, cancelled);
        if (runs.size() < jobs.size()) {
            throw new InterruptedException("stopped");
        }
        List<List<RunResult>> split = new ArrayList<>();
        configs.forEach(c -> split.add(new ArrayList<>()));
        for (int i = 0; i < runs.size(); i++) {
            split.get(owner.get(i)).add(runs.get(i));
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            results.add(Experiment.aggregate(configs.get(i), Version.current(), "plan", split.get(i)));
        }
        return results;
    }

    private List<Point> guests(Result r) {
        List<Point> out = r.points().stream().filter(p -> p.transport().equals("udp")
                && p.direction().equals(traffic.direction().key()) && p.payload() == traffic.payload()
                && !p.guest().equals(Experiment.SUM)).toList();
        if (out.isEmpty()) {
            throw new ConfigError("plan: scenario " + r.scenario() + " has no UDP stream to measure");
        }
        return out;
    }

    private static double rttMs(Result r, String scenario) {
        return r.points().stream().filter(p -> p.direction().equals("roundtrip") && p.rttMs() != null)
                .mapToDouble(p -> p.rttMs().median()).max().orElseThrow(() -> new ConfigError("plan: --max-rtt-ms needs"
                        + " RTT points, and scenario " + scenario + " produced none (give it an rtt workload; the"
                        + " simulator must have RTT probes)"));
    }

    private static String guestKey(Scenario s) {
        if (s.platform() instanceof XenPlatform) {
            return "xen.domUs";
        }
        if (s.platform() instanceof VServerPlatform) {
            return "vserver.contexts";
        }
        throw new ConfigError("plan guests: scenario " + s.name() + " runs natively; guests need platform xen or vserver");
    }

    private static String rate(double mbps) {
        return "\"" + new BigDecimal(String.format(Locale.ROOT, "%.6f", mbps)).stripTrailingZeros().toPlainString()
                + " Mbit/s\"";
    }

    private static double round(double v, double resolution) {
        return Math.round(v / resolution) * resolution;
    }
}
