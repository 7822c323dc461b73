package org.vnetlab.sim.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.Version;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.ContainerPlatform;
import org.vnetlab.core.model.KvmPlatform;
import org.vnetlab.core.model.VServerPlatform;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Batch;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.SimOptions;

/**
 * Answers capacity questions by simulating candidate configurations of a scenario, one at a time
 * (its trials run in parallel), until the first candidate that fails: by bisection where the
 * verdict is monotone in the candidate (argued at each question), else one by one. Every search
 * ends: the candidates are bounded by physics (the wire), by what the scenario can express, or by
 * the user, and the answer says when a bound, not a failure, ended it.
 */
public final class Planner {

    /** A guest keeps its rate when it receives at least this share of it. */
    public static final double KEEPS = 0.99;
    /** A configuration carries its traffic when at most this share is lost. */
    public static final double MAX_LOSS = 0.01;
    /**
     * The clock of the study's CPU, an AMD Opteron 280 at 2.4 GHz: the unit of
     * {@code host.cpu-speed} (1.0 is that CPU), so a speed is also this many GHz of the same core.
     */
    public static final double STUDY_CPU_GHZ = 2.4;
    /**
     * Every candidate's senders sleep between datagrams, as paced applications do: a plan asks
     * what the host carries, and iperf 2's busy wait ({@code udp.pacing = spin}, the study's tool)
     * would make each guest below its capacity a CPU hog of its own.
     */
    static final String PACED = "udp.pacing=timer";

    /**
     * The stream every candidate carries.
     *
     * @param trials        trials per point, null for the scenario's method
     * @param durationNanos each run's length, null for the scenario's
     */
    public record Traffic(IpVersion ip, Direction direction, int payload, Integer trials, Long durationNanos) {
    }

    /** Told what the search does as it does it (progress). */
    public interface Listener {

        /** The runs of the candidate {@code value} are about to be made: the progress of those runs. */
        Batch.Progress simulating(double value);

        /** A candidate's verdict. */
        void tried(Candidate c);
    }

    private final Batch batch;
    private final Function<List<String>, Scenario> configure;
    private final Traffic traffic;
    private final Listener listener;
    private final BooleanSupplier cancelled;
    private final List<Candidate> tried = new ArrayList<>();
    private Answer.Effort effort = Answer.Effort.NONE;

    /**
     * @param configure loads the scenario with extra --set overrides (and the user's parameters)
     */
    public Planner(Batch batch, Function<List<String>, Scenario> configure, Traffic traffic, Listener listener,
                   BooleanSupplier cancelled) {
        this.batch = batch;
        this.configure = configure;
        this.traffic = traffic;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * The most guests the host carries while each guest, offered {@code mbps}, receives at least
     * {@value #KEEPS} of it (and its RTT median stays under {@code maxRttMs}, when given).
     *
     * <p>Monotone: each count adds one more guest like the others, offered the same rate, and
     * takes nothing away. The wire, the bridge, the NIC and Dom0's (or the host kernel's) CPUs
     * carry strictly more, every guest's own path is what it was, so if n guests all keep the
     * rate, fewer do too; the verdict flips once, from meets to fails, and bisection finds where.
     * A count whose slowest guest lies within a trial's spread of the 99 % line can come out
     * either way; {@link Search#LINEAR} simulates every count up to the first failure instead.
     * The RTT requirement is searched linearly: latency depends on how the guests' VCPUs fall
     * onto the CPUs, which changes with every count and need not grow with it.
     *
     * <p>Bounds: the first count whose streams need more than the wire carries cannot pass, so the
     * search never goes past it (a guest that burns CPU carries no stream); nor past the most guests the scenario can be given (its
     * generated addresses run out), nor past {@code maxGuests} when given.
     *
     * @param maxGuests the most guests to try, or null to search until the first that fails
     */
    public Answer mostGuests(double mbps, Double maxRttMs, Integer maxGuests, Search search)
            throws InterruptedException {
        Scenario base = configure.apply(List.of());
        String key = guestKey(base);
        // guests that burn CPU (xen-burned's domU1) carry no stream: the first count measures one guest
        int burners = base.workloads(CpuBurner.class).size();
        int from = burners + 1;
        Scenario first = configure.apply(guestSets(key, from, mbps));
        double line = Bottleneck.lineMbps(first, traffic.payload(), traffic.ip(), Transport.UDP);
        int streams = (int) Math.floor(line / (KEEPS * mbps)) + 1;
        int last = streams + burners;
        String bound = fmt("%d guests, the wire's bound: %d streams would need %.1f Mbit/s (%.0f %% of %s each), more"
                + " than the %.1f Mbit/s of %d B payloads it carries", last, streams, streams * KEEPS * mbps,
                100 * KEEPS, num(mbps), line, traffic.payload());
        if (maxGuests != null && maxGuests < last) {
            last = maxGuests;
            bound = last + " guests, --max-guests";
        }
        int accepted = mostAccepted(key, mbps, from, last);
        if (accepted < last) {
            String refused = refusal(guestSets(key, accepted + 1, mbps));
            last = accepted;
            bound = last + " guests, the most the scenario can be given (with " + (accepted + 1) + ": " + refused + ")";
        }
        Search walk = maxRttMs != null ? Search.LINEAR : search;
        Map<Integer, Candidate> byCount = new TreeMap<>();
        int failing = walk.first(from, last, n -> {
            Candidate c = guests(key, n, mbps, maxRttMs);
            byCount.put(n, c);
            return !c.meets();
        });
        boolean atBound = failing > last;
        int most = failing - 1;
        String statement;
        if (atBound) {
            statement = "at least " + most + " guests: the search reached its bound (" + bound
                    + ") without a failure; raise the bound to look further";
        } else {
            statement = most < from ? "not even one guest keeps the rate"
                    : "at most " + most + " guest" + (most == 1 ? "" : "s");
        }
        return new Answer("guests", most < from ? Double.NaN : most, statement, byCount.get(most),
                atBound ? null : byCount.get(failing), tried, walk, bound, atBound, effort);
    }

    /**
     * The smallest CPU speed (relative to the study's Opteron) at which the host carries
     * {@code packetsPerSecond} with loss at most {@value #MAX_LOSS} and {@code domain} below
     * {@code maxCpuPercent} of one CPU, among the multiples of {@code resolution} from
     * {@code minSpeed} to {@code maxSpeed}.
     *
     * <p>Monotone: {@code host.cpu-speed} divides every modelled CPU cost on machine 1 and changes
     * nothing else; the offered traffic and machine 2 stay as they were. A faster CPU finishes
     * every job sooner, so its queues hold and drop less; once nothing is lost the domain's work
     * is the offered traffic's, and its load (work over the CPU's speed) only falls. The verdict
     * flips once, from fails to meets, and bisection finds where.
     */
    public Answer smallestCpuSpeed(double packetsPerSecond, String domain, double maxCpuPercent, double minSpeed,
                                   double maxSpeed, double resolution, Search search) throws InterruptedException {
        double mbps = packetsPerSecond * traffic.payload() * 8 / 1e6;
        double line = Bottleneck.lineMbps(configure.apply(List.of()), traffic.payload(), traffic.ip(), Transport.UDP);
        if (mbps > line) {
            throw new ConfigError(fmt("plan cpu-speed: --pps %s of %d B payloads is %.1f Mbit/s, more than the %.1f"
                    + " Mbit/s the wire carries (at most %.0f packets/s): no CPU speed can carry it", num(packetsPerSecond),
                    traffic.payload(), mbps, line, line * 1e6 / 8 / traffic.payload()));
        }
        BigDecimal step = BigDecimal.valueOf(resolution);
        int from;
        int to;
        try {
            from = Math.max(1, BigDecimal.valueOf(minSpeed).divide(step, 0, RoundingMode.CEILING).intValueExact());
            to = BigDecimal.valueOf(maxSpeed).divide(step, 0, RoundingMode.FLOOR).intValueExact();
        } catch (ArithmeticException e) {
            throw new ConfigError("plan cpu-speed: --resolution " + resolution + " splits the speeds up to"
                    + " --max-speed " + num(maxSpeed) + " into more than 2^31 steps; give a coarser one");
        }
        if (to < from) {
            throw new ConfigError("plan cpu-speed: no multiple of --resolution " + num(resolution) + " lies between "
                    + num(minSpeed) + " and --max-speed " + num(maxSpeed));
        }
        Map<Integer, Candidate> bySteps = new TreeMap<>();
        int first = search.first(from, to, i -> {
            Candidate c = speed(step.multiply(BigDecimal.valueOf(i)), mbps, domain, maxCpuPercent);
            bySteps.put(i, c);
            return c.meets();
        });
        String bound = "cpu-speed " + num(step.multiply(BigDecimal.valueOf(to)).doubleValue()) + ", --max-speed";
        if (first > to) {
            return new Answer("cpu-speed", Double.NaN, "no speed up to " + num(maxSpeed) + " keeps " + domain
                    + " below " + num(maxCpuPercent) + " % with at most " + num(100 * MAX_LOSS) + " % loss: the search"
                    + " reached its bound without a speed that meets; raise --max-speed", null, bySteps.get(to), tried,
                    search, bound, true, effort);
        }
        double found = step.multiply(BigDecimal.valueOf(first)).doubleValue();
        return new Answer("cpu-speed", found, fmt("cpu-speed %s, %.2f GHz of the study's %.1f GHz Opteron 280"
                + " (%.0f packets/s of %d B: %.1f Mbit/s)", num(found), found * STUDY_CPU_GHZ, STUDY_CPU_GHZ,
                packetsPerSecond, traffic.payload(), mbps), bySteps.get(first), bySteps.get(first - 1), tried, search,
                bound, false, effort);
    }

    /** The candidates simulated so far, in that order (all of them once a question is answered). */
    public List<Candidate> tried() {
        return List.copyOf(tried);
    }

    private Candidate guests(String key, int n, double mbps, Double maxRttMs) throws InterruptedException {
        List<String> sets = guestSets(key, n, mbps);
        Scenario s = configure.apply(sets);
        Result r = simulate(s, n);
        List<Point> guests = guests(r);
        double worst = guests.stream().mapToDouble(Point::throughputMbps).min().orElse(0);
        boolean keeps = worst >= KEEPS * mbps;
        String why = fmt("slowest guest %.1f Mbit/s %s %.1f", worst, keeps ? ">=" : "<", KEEPS * mbps);
        if (maxRttMs != null) {
            double rtt = rttMs(r, s.name());
            keeps &= rtt <= maxRttMs;
            why += fmt(", RTT %.4f ms %s %.4f", rtt, rtt <= maxRttMs ? "<=" : ">", maxRttMs);
        }
        return record(new Candidate(n, keeps, why, s, sets, guests, Bottleneck.of(s, guests, mbps * guests.size())));
    }

    private Candidate speed(BigDecimal speed, double mbps, String domain, double maxCpu) throws InterruptedException {
        List<String> sets = List.of("host.cpu-speed=" + speed.stripTrailingZeros().toPlainString(),
                "udp.direction=" + traffic.direction().key(), "udp.rate=" + rate(mbps), PACED);
        Scenario s = configure.apply(sets);
        List<Point> guests = guests(simulate(s, speed.doubleValue()));
        Double load = guests.get(0).cpuPercent() == null ? null : guests.get(0).cpuPercent().get(domain);
        if (load == null) {
            throw new ConfigError("plan: scenario " + s.name() + " has no domain '" + domain + "' (its domains: "
                    + String.join(", ", s.platform().domainNames()) + ")");
        }
        double loss = guests.stream().mapToDouble(p -> p.loss() == null ? 0 : p.loss()).max().orElse(0);
        boolean meets = load < maxCpu && loss <= MAX_LOSS;
        String why = fmt("%s %.0f %% %s %.0f, loss %.1f %% %s %.0f", domain, load, load < maxCpu ? "<" : ">=", maxCpu,
                100 * loss, loss <= MAX_LOSS ? "<=" : ">", 100 * MAX_LOSS);
        return record(new Candidate(speed.doubleValue(), meets, why, s, sets, guests,
                Bottleneck.of(s, guests, mbps * guests.size())));
    }

    private Candidate record(Candidate c) {
        tried.add(c);
        listener.tried(c);
        return c;
    }

    /** The candidate's runs through the batch (cache, trial control); stopped when the user stops. */
    private Result simulate(Scenario s, double value) throws InterruptedException {
        SimOptions options = new SimOptions(List.of(traffic.ip()), List.of(Transport.UDP), List.of(traffic.payload()),
                traffic.trials(), traffic.durationNanos()).withSizesFlag("--payload");
        List<Job> jobs = Experiment.plan(s, options).stream().map(spec -> new Job(s, spec)).toList();
        Batch.Outcome o = batch.run(jobs, listener.simulating(value), cancelled);
        effort = effort.plus(o);
        if (!o.complete()) {
            throw new InterruptedException("stopped");
        }
        return Experiment.aggregate(s, Version.current(), "plan", List.copyOf(o.runs().values()));
    }

    /**
     * The most guests up to {@code last} the scenario accepts: a count whose scenario does not
     * load (the generated addresses run out) cannot be simulated. Loading is cheap, so this
     * bisects on loading alone; fewer guests always load when more do.
     */
    private int mostAccepted(String key, double mbps, int from, int last) {
        if (refusal(guestSets(key, last, mbps)) == null) {
            return last;
        }
        int lo = from;
        int hi = last;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (refusal(guestSets(key, mid, mbps)) == null) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Why the scenario with {@code sets} does not load, or null when it does. */
    private String refusal(List<String> sets) {
        try {
            configure.apply(sets);
            return null;
        } catch (ConfigError e) {
            return e.getMessage();
        }
    }

    private List<String> guestSets(String key, int n, double mbps) {
        return List.of(key + "=" + n, "udp.direction=" + traffic.direction().key(), "udp.rate=" + rate(mbps), PACED);
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
        if (s.platform() instanceof ContainerPlatform) {
            return "container.guests";
        }
        if (s.platform() instanceof KvmPlatform) {
            return "kvm.guests";
        }
        throw new ConfigError("plan guests: scenario " + s.name() + " runs natively; guests need platform xen, vserver,"
                + " container or kvm");
    }

    private static String rate(double mbps) {
        return "\"" + num(mbps) + " Mbit/s\"";
    }

    /** A number as few digits as it needs (to the millionth): 100, 0.65, 1.5. */
    static String num(double v) {
        return new BigDecimal(fmt("%.6f", v)).stripTrailingZeros().toPlainString();
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
