package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.calibrate.Provenance;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.plan.Answer;
import org.vnetlab.sim.plan.Candidate;
import org.vnetlab.sim.plan.Planner;

/** Capacity questions answered by searching over simulations; names the bottleneck with evidence. */
public final class PlanCommand implements Command {

    static final Option PAYLOAD = Option.value("--payload", "BYTES", "UDP payload of the traffic", "1470");
    static final Option PROTOCOL = Option.value("--protocol", "ipv4|ipv6", "network protocol", "ipv4");
    static final Option DIRECTION = Option.value("--direction", "rx|tx", "traffic into (rx) or out of (tx) the guests",
            "rx");
    static final Option MBPS = Option.value("--mbps", "R", "guests: the rate each guest is offered and must keep"
            + " (at least " + (int) Math.round(100 * Planner.KEEPS) + " % of it), Mbit/s", null);
    static final Option MAX_RTT = Option.value("--max-rtt-ms", "T",
            "guests: also keep the RTT median under T ms (needs RTT points in the scenario)", null);
    static final Option MAX_GUESTS = Option.value("--max-guests", "N", "guests: the most guests tried", "8");
    static final Option PPS = Option.value("--pps", "P", "cpu-speed: the packet rate the host must carry", null);
    static final Option DOMAIN = Option.value("--domain", "NAME", "cpu-speed: the domain kept below saturation",
            "dom0 on Xen, else host");
    static final Option MAX_CPU = Option.value("--max-cpu", "PERCENT",
            "cpu-speed: saturation, in percent of one CPU", "95");
    static final Option MAX_SPEED = Option.value("--max-speed", "X", "cpu-speed: the fastest CPU tried", "8");
    static final Option RESOLUTION = Option.value("--resolution", "X", "cpu-speed: how finely the speed is found",
            "0.05");

    private final ScenarioLoader loader;

    public PlanCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String arguments() {
        return "guests|cpu-speed SCENARIO|FILE";
    }

    @Override
    public String summary() {
        return "capacity questions by search over simulations: most guests at a rate, smallest CPU speed for a packet rate";
    }

    @Override
    public List<Option> options() {
        return List.of(PAYLOAD, PROTOCOL, DIRECTION, MBPS, MAX_RTT, MAX_GUESTS, PPS, DOMAIN, MAX_CPU, MAX_SPEED,
                RESOLUTION, SimCommand.TRIALS, SimCommand.DURATION, ScenarioOptions.SET, ScenarioOptions.PARAMS,
                SimCommand.QUIET);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        List<String> words = args.positional();
        if (words.size() != 2 || !List.of("guests", "cpu-speed").contains(words.get(0))) {
            throw new UsageError("plan: expected a question (guests or cpu-speed) and a scenario, e.g."
                    + " vnetlab plan guests xen-double --mbps 200 --payload 1470");
        }
        String question = words.get(0);
        String name = words.get(1);
        List<String> sets = args.values(ScenarioOptions.SET.name());
        Path params = args.path(ScenarioOptions.PARAMS.name()).orElse(null);
        int payload = args.positiveInt(PAYLOAD.name(), 1470);
        IpVersion ip = args.value(PROTOCOL.name(), IpVersion::fromKey, "expected ipv4 or ipv6").orElse(IpVersion.IPV4);
        Direction direction = args.value(DIRECTION.name(), Direction::fromKey, "expected rx or tx").orElse(Direction.RX);
        if (direction == Direction.TRADEOFF) {
            throw new UsageError("plan: --direction tradeoff: expected rx or tx");
        }
        Integer trials = args.has(SimCommand.TRIALS.name()) ? args.positiveInt(SimCommand.TRIALS.name(), 1) : null;
        Long duration = SimCommand.options(args).durationNanos();
        Planner.Traffic traffic = new Planner.Traffic(ip, direction, payload, trials, duration);
        Answer answer;
        try (PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            Planner planner = new Planner(evaluator, extra -> {
                List<String> all = new ArrayList<>(sets);
                all.addAll(extra);
                return loader.load(name, all, params).scenario();
            }, traffic, (d, t) -> { }, io::isCancelled);
            answer = question.equals("guests") ? guests(args, planner) : cpuSpeed(args, planner, name, sets, params);
        }
        io.out().print(table(answer, question.equals("guests") ? "guests" : "cpu-speed"));
        io.out().println();
        io.out().println("answer: " + answer.statement());
        evidence(answer, io);
        Optional<Candidate> at = answered(answer);
        if (at.isPresent()) {
            List<String> all = new ArrayList<>(sets);
            all.addAll(at.get().sets());
            Result r = new Result("sim", name, 0, "", "", at.get().guests());
            io.out().println(Provenance.of(loader, params).describe(name, all, r));
        }
        return 0;
    }

    private Answer guests(ParsedArgs args, Planner planner) throws InterruptedException {
        double mbps = positive(args, MBPS).orElseThrow(() -> new UsageError("plan guests: give --mbps R"));
        Double rtt = positive(args, MAX_RTT).orElse(null);
        return planner.mostGuests(mbps, rtt, args.positiveInt(MAX_GUESTS.name(), 8));
    }

    private Answer cpuSpeed(ParsedArgs args, Planner planner, String name, List<String> sets, Path params)
            throws InterruptedException {
        double pps = positive(args, PPS).orElseThrow(() -> new UsageError("plan cpu-speed: give --pps P"));
        String domain = args.value(DOMAIN.name()).orElseGet(() ->
                loader.load(name, sets, params).scenario().platform().domainNames().get(0));
        double maxCpu = positive(args, MAX_CPU).orElse(95.0);
        double maxSpeed = positive(args, MAX_SPEED).orElse(8.0);
        double resolution = positive(args, RESOLUTION).orElse(0.05);
        return planner.smallestCpuSpeed(pps, domain, maxCpu, resolution, maxSpeed, resolution);
    }

    private static Optional<Double> positive(ParsedArgs args, Option o) {
        return args.value(o.name(), s -> {
            double v = Double.parseDouble(s);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException();
            }
            return v;
        }, "expected a positive number");
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
