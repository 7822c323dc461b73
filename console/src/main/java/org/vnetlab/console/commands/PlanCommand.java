package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.calibrate.Provenance;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.plan.Answer;
import org.vnetlab.sim.plan.Candidate;
import org.vnetlab.sim.plan.Planner;
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

        @Option(names = "--trials", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "trials per candidate (default: the scenario's method.trials, 7)")
        Integer trials;

        @Option(names = "--duration", paramLabel = "SECONDS", converter = Converters.SimSeconds.class,
                description = "simulated seconds of each candidate (default: the scenario's, 10)")
        Long durationNanos;

        @Mixin
        ScenarioOptions scenarioOptions;

        @Option(names = "--quiet", description = "no progress bar")
        boolean quiet;

        Planner.Traffic traffic() {
            return new Planner.Traffic(protocol.version, direction.direction, payload, trials, durationNanos);
        }
    }

    /** {@code plan guests}: the most guests that each keep a rate. */
    @Command(name = "guests", description = "the most guests for which each still receives --mbps R"
            + " (at least 99 % of it), with the bottleneck beyond")
    public static final class Guests implements ScenarioCommand {

        private final ScenarioLoader loader;

        @Mixin
        Traffic traffic;

        @Option(names = "--mbps", paramLabel = "R", required = true, converter = Converters.PositiveNumber.class,
                description = "the rate each guest is offered and must keep, Mbit/s")
        double mbps;

        @Option(names = "--max-rtt-ms", paramLabel = "T", converter = Converters.PositiveNumber.class,
                description = "also keep the RTT median under T ms (needs RTT points in the scenario)")
        Double maxRttMs;

        @Option(names = "--max-guests", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "the most guests tried (default: ${DEFAULT-VALUE})")
        int maxGuests = 8;

        public Guests(ScenarioLoader loader) {
            this.loader = loader;
        }

        @Override
        public int run(Terminal io) throws Exception {
            return answer(loader, traffic, "guests", planner -> planner.mostGuests(mbps, maxRttMs, maxGuests), io);
        }
    }

    /** {@code plan cpu-speed}: the slowest CPU that carries a packet rate. */
    @Command(name = "cpu-speed", description = "the smallest CPU speed at which the host carries --pps P with at"
            + " most 1 % loss and the domain below saturation")
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
            ScenarioOptions o = traffic.scenarioOptions;
            String d = domain != null ? domain
                    : loader.load(traffic.scenario, o.sets(), o.params()).scenario().platform().domainNames().get(0);
            return answer(loader, traffic, "cpu-speed",
                    planner -> planner.smallestCpuSpeed(pps, d, maxCpu, resolution, maxSpeed, resolution), io);
        }
    }

    private interface Question {
        Answer ask(Planner planner) throws InterruptedException;
    }

    private PlanCommand() {
    }

    private static int answer(ScenarioLoader loader, Traffic t, String what, Question question, Terminal io)
            throws Exception {
        List<String> sets = t.scenarioOptions.sets();
        Path params = t.scenarioOptions.params();
        Answer answer;
        try (PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            Planner planner = new Planner(evaluator, extra -> {
                List<String> all = new ArrayList<>(sets);
                all.addAll(extra);
                return loader.load(t.scenario, all, params).scenario();
            }, t.traffic(), (d, n) -> { }, io::isCancelled);
            answer = question.ask(planner);
        }
        io.out().print(table(answer, what));
        io.out().println();
        io.out().println("answer: " + answer.statement());
        evidence(answer, io);
        Optional<Candidate> at = answered(answer);
        if (at.isPresent()) {
            List<String> all = new ArrayList<>(sets);
            all.addAll(at.get().sets());
            Result r = new Result("sim", t.scenario, 0, "", "", at.get().guests());
            io.out().println(Provenance.of(loader, params).describe(t.scenario, all, r));
        }
        return 0;
    }

    private static String table(Answer a, String what) {
        List<List<String>> rows = new ArrayList<>();
        List<Candidate> sorted = new ArrayList<>(a.tried());
        sorted.sort(Comparator.comparingDouble(Candidate::value));
        for (Candidate c : sorted) {
            rows.add(List.of(fmt(c.value()), c.meets() ? "yes" : "no", String.format(Locale.ROOT, "%.1f", c.minGuestMbps()),
                    String.format(Locale.ROOT, "%.1f", c.sumMbps()), c.why(), c.bottleneck().what()));
        }
        return TextTable.render(List.of(what, "meets", "slowest guest Mbit/s", "all guests Mbit/s", "why",
                "bottleneck"), rows);
    }

    /** The evidence for the answer and for its failing neighbour: CPU per domain, drops per queue. */
    private static void evidence(Answer a, Terminal io) {
        List<Candidate> sorted = new ArrayList<>(a.tried());
        sorted.sort(Comparator.comparingDouble(Candidate::value));
        for (Candidate c : sorted) {
            boolean isAnswer = c.value() == a.found();
            boolean neighbour = !c.meets() && neighbourOf(sorted, c, a.found());
            if (isAnswer || neighbour) {
                io.out().println((isAnswer ? "at the answer (" : "failing neighbour (") + fmt(c.value()) + "): bottleneck "
                        + c.bottleneck().what() + "; " + c.bottleneck().evidence());
            }
        }
    }

    private static boolean neighbourOf(List<Candidate> sorted, Candidate c, double found) {
        if (Double.isNaN(found)) {
            return c == sorted.get(0);
        }
        Candidate next = null;
        for (Candidate x : sorted) {
            if (x.value() > found && !x.meets()) {
                next = x;
                break;
            }
        }
        Candidate below = null;
        for (Candidate x : sorted) {
            if (x.value() < found && !x.meets()) {
                below = x;
            }
        }
        return c == next && sorted.get(0).meets() || c == below;
    }

    private static Optional<Candidate> answered(Answer a) {
        return a.tried().stream().filter(c -> c.value() == a.found()).findFirst();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
