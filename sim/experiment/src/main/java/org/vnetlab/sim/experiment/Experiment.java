package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.vnetlab.config.ConfigError;
import org.vnetlab.core.metrics.Distribution;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.RttProbe;
import org.vnetlab.core.model.TcpStream;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.Summary;
import org.vnetlab.sim.kernel.LivelockException;

/**
 * The study's method as runs: for every protocol, payload size and direction, as many
 * independent trials as the method says; then the median over trials per point, and for
 * scenarios that measure several guests at once, their sum.
 */
public final class Experiment {

    /** The guest name of the points that add up all measured guests. */
    public static final String SUM = "sum";

    private Experiment() {
    }

    /**
     * A payload asked for on the command line (the scenario's own sizes were checked when it
     * was read) must fit one frame of the scenario's link in every protocol it runs over: a
     * larger one is a one-line error naming the flag that gave it, not a frame the wire could not carry.
     */
    private static void checkFits(Scenario s, IpVersion ip, int payload, SimOptions o) {
        Ethernet.udpPayloadTooLarge(payload, s.link().mtu(), ip).ifPresent(why -> {
            // leaving this protocol out helps only if another one it runs carries the payload
            boolean fitsAnother = o.protocols().stream().anyMatch(other -> other != ip
                    && Ethernet.udpPayloadTooLarge(payload, s.link().mtu(), other).isEmpty());
            throw new ConfigError((o.sizesFlag() == null ? "" : o.sizesFlag() + " " + payload + ": ") + why
                    + (fitsAnother ? " (or leave " + ip.key() + " out with --protocol)" : ""));
        });
    }

    /**
     * Why {@link #plan} found nothing to run in {@code s} under {@code o}, in words that say what
     * would run something: the workload a transport lacks, or the empty payload list.
     */
    public static String whyNothingToRun(Scenario s, SimOptions o) {
        List<String> types = s.workloads().stream().map(w -> w.type()).toList();
        if (types.isEmpty()) {
            return "runs no workload: its workloads list is empty or names only guests it does not have"
                    + " (a guest count of 0?)";
        }
        List<UdpStream> udp = s.workloads(UdpStream.class);
        boolean udpAsked = o.transports().contains(Transport.UDP);
        if (udpAsked && !udp.isEmpty() && o.sizes() == null) {
            List<String> empty = o.protocols().stream().filter(ip -> udp.get(0).sizes().of(ip).isEmpty())
                    .map(ip -> "udp.sizes." + ip.key()).toList();
            if (empty.size() == o.protocols().size()) {
                return "has no UDP payload to run: " + String.join(" and ", empty) + (empty.size() > 1 ? " are" : " is")
                        + " empty (give --sizes, set " + (empty.size() > 1 ? "them" : "it")
                        + ", or choose another --protocol)";
            }
        }
        String hint = "";
        if (udpAsked && udp.isEmpty() && !s.workloads(TcpStream.class).isEmpty()) {
            hint = ": its streams are TCP, try --transport tcp";
        } else if (!udpAsked && s.workloads(TcpStream.class).isEmpty() && !udp.isEmpty()) {
            hint = ": its streams are UDP, try --transport udp";
        }
        return "has nothing to simulate with these options (its workloads: " + String.join(", ", types) + ")" + hint;
    }

    /** Every run the options ask for, in a fixed order. */
    public static List<RunSpec> plan(Scenario s, SimOptions o) {
        List<RunSpec> specs = new ArrayList<>();
        int trials = o.trials() != null ? o.trials() : s.method().trials();
        List<UdpStream> udp = s.workloads(UdpStream.class);
        if (o.transports().contains(Transport.UDP) && !udp.isEmpty()) {
            UdpStream first = udp.get(0);
            long duration = o.durationNanos() != null ? o.durationNanos() : first.durationNanos();
            for (IpVersion ip : o.protocols()) {
                List<Integer> sizes = o.sizes() != null ? o.sizes() : first.sizes().of(ip);
                for (int payload : sizes) {
                    checkFits(s, ip, payload, o);
                    for (Direction leg : first.direction().legs()) {
                        for (int t = 0; t < trials; t++) {
                            specs.add(new RunSpec(Transport.UDP, ip, payload, leg, t, duration, o.fidelity()));
                        }
                    }
                }
            }
        }
        List<RttProbe> rtt = s.workloads(RttProbe.class);
        if (!rtt.isEmpty()) {
            // one run holds all the probe's measurements; their spread is the reported deviation
            for (IpVersion ip : o.protocols()) {
                specs.add(new RunSpec(Transport.UDP, ip, rtt.get(0).payload(), Direction.ROUNDTRIP, 0,
                        RttRun.duration(rtt.get(0)), o.fidelity()));
            }
        }
        List<TcpStream> tcp = s.workloads(TcpStream.class);
        if (o.transports().contains(Transport.TCP) && !tcp.isEmpty()) {
            TcpStream first = tcp.get(0);
            long duration = o.durationNanos() != null ? o.durationNanos() : first.durationNanos();
            for (IpVersion ip : o.protocols()) {
                int mss = Ethernet.maxPayload(s.link().mtu(), ip, Transport.TCP);
                for (Direction leg : first.direction().legs()) {
                    for (int t = 0; t < trials; t++) {
                        specs.add(new RunSpec(Transport.TCP, ip, mss, leg, t, duration, o.fidelity()));
                    }
                }
            }
        }
        return specs;
    }

    /**
     * Runs one simulation.
     *
     * @throws LivelockException naming the run, when the kernel's watchdog stopped it
     */
    public static RunResult run(Scenario s, RunSpec spec) {
        RunHarness h = new RunHarness(s, spec);
        try {
            if (spec.direction() == Direction.ROUNDTRIP) {
                return RttRun.run(h);
            }
            return spec.transport() == Transport.TCP ? TcpRun.run(h) : UdpRun.run(h);
        } catch (LivelockException e) {
            throw new LivelockException(s.name() + " " + spec.transport().key() + " " + spec.ip().key() + " "
                    + spec.direction().key() + " " + spec.payload() + " B trial " + (spec.trial() + 1) + ": "
                    + e.getMessage() + " (a model bug; the bounds are model.engine.*)");
        }
    }

    /** Medians over trials, one point per (transport, protocol, direction, payload, guest). */
    public static Result aggregate(Scenario s, String version, String parameters, List<RunResult> results) {
        Map<String, List<RunResult>> byPoint = new TreeMap<>();
        for (RunResult r : results) {
            RunSpec p = r.spec();
            String key = String.format("%d/%d/%d/%06d", p.transport().ordinal(), p.ip().ordinal(),
                    p.direction().ordinal(), p.payload());
            byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Point> points = new ArrayList<>();
        for (List<RunResult> trials : byPoint.values()) {
            trials.sort(Comparator.comparingInt(r -> r.spec().trial()));
            RunSpec spec = trials.get(0).spec();
            if (spec.direction() == Direction.ROUNDTRIP) {
                points.addAll(probePoints(trials.get(0)));
                continue;
            }
            List<String> guests = new ArrayList<>(trials.get(0).throughputMbps().keySet());
            for (String g : guests) {
                points.add(point(spec, g, trials, List.of(g)));
            }
            if (guests.size() > 1) {
                points.add(point(spec, SUM, trials, guests));
            }
        }
        return new Result("sim", s.name(), s.method().seed(), version, parameters, points);
    }

    private static List<Point> probePoints(RunResult r) {
        List<Point> out = new ArrayList<>();
        RunSpec spec = r.spec();
        for (String g : r.rttMs().keySet()) {
            out.add(Point.builder().transport(spec.transport().key()).protocol(spec.ip().key())
                    .direction(spec.direction().key()).payload(spec.payload()).guest(g)
                    .rttMs(summary(r.rttMs().get(g), 1e6)).jitterUs(summary(r.jitterUs().get(g), 1e3))
                    .repliesLost(r.repliesLost().getOrDefault(g, 0L))
                    .cpuPercent(r.cpuPercent())
                    .cpuReadyPercent(r.cpuReadyPercent().isEmpty() ? null : r.cpuReadyPercent())
                    .cpuOverPercent(r.cpuOverPercent().isEmpty() ? null : r.cpuOverPercent())
                    .drops(new TreeMap<>(r.drops().entrySet().stream().collect(
                            java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().doubleValue()))))
                    .build());
        }
        return out;
    }

    /** The statistics of values in a unit of {@code perUnit} ns (1e6 for ms), each kept to the nanosecond. */
    private static Summary summary(double[] values, double perUnit) {
        Distribution d = new Distribution((long) (perUnit * 1e3));
        for (double v : values) {
            d.record(Math.round(v * perUnit));
        }
        return Summary.of(d, perUnit);
    }

    /** Per domain, the median over the trials of one of their per-domain figures (CPU, ready, OVER time). */
    private static Map<String, Double> perDomainMedian(List<RunResult> trials,
                                                       Function<RunResult, Map<String, Double>> figure) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int t = 0; t < trials.size(); t++) {
            final int trial = t;
            figure.apply(trials.get(t))
                    .forEach((d, v) -> values.computeIfAbsent(d, k -> new double[trials.size()])[trial] = v);
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        values.forEach((d, v) -> medians.put(d, Stats.median(v)));
        return medians;
    }

    private static Point point(RunSpec spec, String guest, List<RunResult> trials, List<String> guests) {
        List<Double> throughput = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        Map<String, double[]> drops = new TreeMap<>();
        for (int t = 0; t < trials.size(); t++) {
            RunResult r = trials.get(t);
            double sum = 0;
            for (String g : guests) {
                sum += r.throughputMbps().get(g);
            }
            throughput.add(sum);
            // the guests that sent something; a trial in which none did has no loss figure
            double[] lost = guests.stream().map(r.loss()::get).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray();
            if (lost.length > 0) {
                loss.add(Arrays.stream(lost).average().orElseThrow());
            }
            final int trial = t;
            r.drops().forEach((q, v) -> drops.computeIfAbsent(q, k -> new double[trials.size()])[trial] = v);
        }
        Map<String, Double> cpuMedian = perDomainMedian(trials, RunResult::cpuPercent);
        Map<String, Double> readyMedian = perDomainMedian(trials, RunResult::cpuReadyPercent);
        Map<String, Double> overMedian = perDomainMedian(trials, RunResult::cpuOverPercent);
        Map<String, Double> dropMedian = new TreeMap<>();
        drops.forEach((q, v) -> dropMedian.put(q, Stats.median(v)));
        return Point.builder().transport(spec.transport().key()).protocol(spec.ip().key())
                .direction(spec.direction().key()).payload(spec.payload()).guest(guest)
                .throughputMbps(Stats.median(throughput.stream().mapToDouble(Double::doubleValue).toArray()))
                .throughputTrials(throughput).loss(loss.isEmpty() ? null : Stats.median(loss.stream()
                        .mapToDouble(Double::doubleValue).toArray())).cpuPercent(cpuMedian)
                .cpuReadyPercent(readyMedian.isEmpty() ? null : readyMedian)
                .cpuOverPercent(overMedian.isEmpty() ? null : overMedian).drops(dropMedian)
                .build();
    }
}
