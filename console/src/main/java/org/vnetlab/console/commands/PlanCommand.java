package org.vnetlab.console.commands;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.CtrlC;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.PlanJson;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.GuestMemory;
import org.vnetlab.core.model.Host;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.calibrate.Provenance;
import org.vnetlab.sim.experiment.Batch;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.RunCache;
import org.vnetlab.sim.plan.Answer;
import org.vnetlab.sim.plan.Candidate;
import org.vnetlab.sim.plan.Planner;
import org.vnetlab.sim.plan.Search;
import org.vnetlab.sim.sweep.ScenarioTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Capacity questions answered by searching over simulations, one subcommand each; names the
 * bottleneck with evidence.
 */
public final class PlanCommand {

    /** The group's summary in help. */
    public static final String SUMMARY = "capacity questions by search over simulations: most guests at a rate,"
            + " smallest CPU speed for a packet rate";

    /** The leg a plan simulates. */
    public enum Leg {
        RX(Direction.RX), TX(Direction.TX);

        final Direction direction;

        Leg(Direction direction) {
            this.direction = direction;
        }

        @Override
        public String toString() {
            return direction.key();
        }
    }

    /** The IP version a plan simulates. */
    public enum Ip {
        IPV4(IpVersion.IPV4), IPV6(IpVersion.IPV6);

        final IpVersion version;

        Ip(IpVersion version) {
            this.version = version;
        }

        @Override
        public String toString() {
            return version.key();
        }
    }

    /** The traffic and effort both questions share. */
    static final class Traffic {

        @Parameters(paramLabel = "SCENARIO|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
        String scenario;

        @Option(names = "--payload", paramLabel = "BYTES", converter = Converters.PositiveInt.class,
                description = "UDP payload of the traffic (default: ${DEFAULT-VALUE})")
        int payload = 1470;

        @Option(names = "--protocol", paramLabel = "ipv4|ipv6", description = "network protocol (default: ${DEFAULT-VALUE})")
        Ip protocol = Ip.IPV4;

        @Option(names = "--direction", paramLabel = "rx|tx",
                description = "traffic into (rx) or out of (tx) the guests (default: ${DEFAULT-VALUE})")
        Leg direction = Leg.RX;

        @Option(names = "--trials", paramLabel = "N", converter = Converters.Trials.class,
                description = "trials per candidate (default: the scenario's method.trials, 7)")
        Integer trials;

        @Option(names = "--duration", paramLabel = "SECONDS", converter = Converters.SimSeconds.class,
                description = "simulated seconds of each candidate (default: the scenario's, 10)")
        Long durationNanos;

        @Mixin
        ScenarioOptions scenarioOptions;

        @Mixin
        SeedOption seed;

        @Mixin
        CacheOptions cacheOptions;

        @Option(names = "--search", paramLabel = "bisection|linear", description = "how candidates are walked:"
                + " bisection (the answer is monotone) or linear, every candidate up to the first that fails"
                + " (default: ${DEFAULT-VALUE})")
        Search search = Search.BISECTION;

        @Option(names = "--json", paramLabel = "FILE", description = "write the plan as JSON (vnetlab.plan/1); - for stdout")
        String json;

        @Mixin
        CoordinatorOptions cluster;

        @Option(names = "--quiet", description = "no progress: no bar, no line per candidate")
        boolean quiet;

        List<String> sets() {
            return seed.with(scenarioOptions.sets());
        }

        Planner.Traffic traffic() {
            return new Planner.Traffic(protocol.version, direction.direction, payload, trials, durationNanos);
        }
    }

    /** {@code plan guests}: the most guests that each keep a rate. */
    @Command(name = "guests", description = "the most guests for which each still receives --mbps R"
            + " (at least 99 percent of it), with the bottleneck of the first count that fails",
            footer = {"", "Without --max-guests the search goes on until a count fails; it never goes past the first",
                "count whose guests need more than the wire carries, nor past the most guests the scenario can be",
                "given, and says so when such a bound, not a failure, ended it. Senders sleep between datagrams",
                "as paced applications do (udp.pacing=timer), whatever the scenario says: iperf 2's busy wait",
                "would make every guest below its capacity a CPU hog."})
    public static final class Guests implements ScenarioCommand {

        private final ScenarioLoader loader;

        @Mixin
        Traffic traffic;

        @Option(names = "--mbps", paramLabel = "R", required = true, converter = Converters.Mbps.class,
                description = "the rate each guest is offered and must keep, Mbit/s")
        double mbps;

        @Option(names = "--max-rtt-ms", paramLabel = "T", converter = Converters.PositiveNumber.class,
                description = "also keep the RTT median under T ms (needs RTT points in the scenario)")
        Double maxRttMs;

        @Option(names = "--max-guests", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "the most guests tried (default: until the first count that fails)")
        Integer maxGuests;

        public Guests(ScenarioLoader loader) {
            this.loader = loader;
        }

        @Override
        public int run(Terminal io) throws Exception {
            if (mbps * 1e6 < 8.0 * traffic.payload) {
                throw new UsageError("plan guests: --mbps " + plain(mbps) + ": sends a datagram of " + traffic.payload
                        + " B less than once a second; at least " + plain(traffic.payload * 8 / 1e6)
                        + " Mbit/s at that --payload");
            }
            Map<String, Double> asks = new LinkedHashMap<>();
            asks.put("mbps", mbps);
            return answer(loader, traffic, asks, null, new Question("guests",
                    planner -> planner.mostGuests(mbps, maxRttMs, maxGuests, traffic.search)), io);
        }
    }

    /** {@code plan cpu-speed}: the slowest CPU that carries a packet rate. */
    @Command(name = "cpu-speed", description = "the smallest CPU speed at which the host carries --pps P with at"
            + " most 1 percent loss and the domain below saturation; as a multiple of the study's CPU and in GHz of it")
    public static final class CpuSpeed implements ScenarioCommand {

        private final ScenarioLoader loader;

        @Mixin
        Traffic traffic;

        @Option(names = "--pps", paramLabel = "P", required = true, converter = Converters.PositiveNumber.class,
                description = "the packet rate the host must carry")
        double pps;

        @Option(names = "--domain", paramLabel = "NAME",
                description = "the domain kept below saturation (default: dom0 on Xen, else host)")
        String domain;

        @Option(names = "--max-cpu", paramLabel = "PERCENT", converter = Converters.PositiveNumber.class,
                description = "saturation, in percent of one CPU (default: ${DEFAULT-VALUE})")
        double maxCpu = 95;

        @Option(names = "--max-speed", paramLabel = "X", converter = Converters.PositiveNumber.class,
                description = "the fastest CPU tried (default: ${DEFAULT-VALUE})")
        double maxSpeed = 8;

        @Option(names = "--resolution", paramLabel = "X", converter = Converters.PositiveNumber.class,
                description = "how finely the speed is found (default: ${DEFAULT-VALUE})")
        double resolution = 0.05;

        public CpuSpeed(ScenarioLoader loader) {
            this.loader = loader;
        }

        @Override
        public int run(Terminal io) throws Exception {
            if (pps < 1) {
                throw new UsageError("plan cpu-speed: --pps " + plain(pps) + ": at least 1 packet a second");
            }
            if (maxCpu > 100) {
                throw new UsageError("plan cpu-speed: --max-cpu " + plain(maxCpu) + ": at most 100, a percent of one CPU"
                        + " (one domain's VCPU or one CPU of the host)");
            }
            if (resolution < Host.MIN_CPU_SPEED) {
                throw new UsageError("plan cpu-speed: --resolution " + resolution + ": at least "
                        + Host.MIN_CPU_SPEED + ", the slowest CPU a scenario can have");
            }
            if (maxSpeed > Host.MAX_CPU_SPEED) {
                throw new UsageError("plan cpu-speed: --max-speed " + maxSpeed + ": at most "
                        + (int) Host.MAX_CPU_SPEED + ", the fastest CPU a scenario can have");
            }
            String d = domain != null ? domain : loader.load(traffic.scenario, traffic.sets(),
                    traffic.scenarioOptions.params()).scenario().platform().domainNames().get(0);
            Map<String, Double> asks = new LinkedHashMap<>();
            asks.put("pps", pps);
            asks.put("max_cpu_percent", maxCpu);
            asks.put("max_speed", maxSpeed);
            asks.put("resolution", resolution);
            return answer(loader, traffic, asks, d, new Question("cpu-speed",
                    planner -> planner.smallestCpuSpeed(pps, d, maxCpu, resolution, maxSpeed, resolution, traffic.search)),
                    io);
        }
    }

    /** {@code v} as a user writes it: 0.0001, not 1.0E-4; 150, not 150.0. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A question put to the planner; {@code what} the candidates are ({@code guests}, {@code cpu-speed}). */
    private record Question(String what, Ask ask) {
    }

    private interface Ask {
        Answer of(Planner planner) throws InterruptedException;
    }

    private PlanCommand() {
    }

    private static int answer(ScenarioLoader loader, Traffic t, Map<String, Double> asks, String domain,
                              Question question, Terminal io) throws Exception {
        OutputOptions.check("plan", "--json", t.json);
        List<String> sets = t.sets();
        Path params = t.scenarioOptions.params();
        LoadedScenario base = loader.load(t.scenario, sets, params);
        RunCache cache = t.cacheOptions.cache();
        PrintStream text = OutputOptions.STDOUT.equals(t.json) ? io.err() : io.out();
        Answer answer;
        try (ScenarioTexts texts = new ScenarioTexts(loader); Evaluator evaluator = t.cluster.evaluator(texts, "plan", io);
             CtrlC stop = new CtrlC(io)) {
            Planner planner = new Planner(new Batch(evaluator, cache), extra -> {
                List<String> all = new ArrayList<>(sets);
                all.addAll(extra);
                LoadedScenario candidate = loader.load(t.scenario, all, params);
                texts.add(candidate);
                return candidate.scenario();
            }, t.traffic(), new Lines(io, t.quiet), stop);
            try {
                answer = question.ask().of(planner);
            } catch (InterruptedException stopped) {
                List<Candidate> done = planner.tried();
                if (!done.isEmpty()) {
                    text.print(table(question.what(), done));
                }
                io.err().println("vnetlab: plan stopped after " + done.size() + " candidate" + (done.size() == 1 ? "" : "s")
                        + ", before an answer; the table holds the candidates that finished");
                return Cli.FAILURE;
            }
        }
        text.print(table(answer.question(), answer.tried()));
        text.println();
        text.println("search: " + answer.search() + ", " + answer.tried().size() + " candidate"
                + (answer.tried().size() == 1 ? "" : "s") + " simulated; bound: " + answer.bound());
        text.println("answer: " + answer.statement());
        if (question.what().equals("guests")) {
            memoryLine(base.scenario()).ifPresent(text::println);
        }
        answer.answer().ifPresent(c -> text.println(evidence("at the answer", c)));
        answer.firstFailing().ifPresent(c -> text.println(evidence("first failing", c)));
        Answer.Effort effort = answer.effort();
        if (effort.earlyStops() > 0) {
            text.println("trials: " + effort.earlyStops() + " candidate point" + (effort.earlyStops() == 1 ? "" : "s")
                    + " stopped after a majority of identical trials, which fixes every median (" + effort.notNeeded()
                    + " runs not needed)");
        }
        answer.answer().or(answer::firstFailing).ifPresent(c -> {
            List<String> all = new ArrayList<>(sets);
            all.addAll(c.sets());
            Result r = new Result("sim", t.scenario, 0, "", "", c.guests());
            text.println(Provenance.of(loader, params).describe(t.scenario, all, r));
        });
        CacheOptions.report("plan", cache, effort.cached(), effort.cached() + effort.simulated(), io);
        if (t.json != null) {
            OutputOptions.write(t.json, PlanJson.write(question(base, t, asks, domain), answer), io);
        }
        return Cli.OK;
    }

    /** What the host's memory holds, beside a guest count found from CPUs and the wire alone. */
    private static Optional<String> memoryLine(Scenario s) {
        return GuestMemory.guestsThatFit(s).map(f -> "memory: host.memory " + f.host() + " holds " + f.guests()
                + " guest" + (f.guests() == 1 ? "" : "s") + " of " + f.each()
                + " (the search counts CPUs and the wire: the model simulates no memory)");
    }

    private static PlanJson.Question question(LoadedScenario base, Traffic t, Map<String, Double> asks, String domain) {
        Scenario s = base.scenario();
        long nanos = t.durationNanos != null ? t.durationNanos
                : s.workloads(UdpStream.class).stream().mapToLong(UdpStream::durationNanos).findFirst().orElse(0);
        return new PlanJson.Question(s.name(), s.method().seed(), Version.current(), base.parameters(),
                t.sets(), t.protocol.toString(), t.direction.toString(), t.payload,
                t.trials != null ? t.trials : s.method().trials(), nanos / 1e9, asks, domain);
    }

    /** Progress: a bar over a candidate's runs on a terminal, and a line per candidate as it is decided. */
    private static final class Lines implements Planner.Listener {

        private final Terminal io;
        private final boolean quiet;
        private Simulation.BarProgress bar;

        Lines(Terminal io, boolean quiet) {
            this.io = io;
            this.quiet = quiet;
        }

        @Override
        public Batch.Progress simulating(double value) {
            bar = new Simulation.BarProgress(quiet ? io.quiet() : io, "runs of candidate " + fmt(value));
            return bar;
        }

        @Override
        public void tried(Candidate c) {
            if (bar != null) {
                bar.done();
            }
            if (!quiet) {
                io.err().println("plan: candidate " + fmt(c.value()) + (c.meets() ? " meets" : " fails") + ": " + c.why()
                        + "; bottleneck " + c.bottleneck().what());
            }
        }
    }

    private static String table(String question, List<Candidate> tried) {
        List<List<String>> rows = new ArrayList<>();
        List<Candidate> sorted = new ArrayList<>(tried);
        sorted.sort(Comparator.comparingDouble(Candidate::value));
        for (Candidate c : sorted) {
            rows.add(List.of(fmt(c.value()), c.meets() ? "yes" : "no", String.format(Locale.ROOT, "%.1f", c.minGuestMbps()),
                    String.format(Locale.ROOT, "%.1f", c.sumMbps()), c.why(), c.bottleneck().what()));
        }
        return TextTable.render(List.of(question, "meets", "slowest guest Mbit/s", "all guests Mbit/s", "why",
                "bottleneck"), rows);
    }

    /** A candidate's bottleneck and its evidence: CPU per domain, drops per queue. */
    private static String evidence(String which, Candidate c) {
        return which + " (" + fmt(c.value()) + "): bottleneck " + c.bottleneck().what() + "; " + c.bottleneck().evidence();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
