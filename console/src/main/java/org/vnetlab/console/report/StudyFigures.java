package org.vnetlab.console.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.vnetlab.console.results.ResultSeries;
import org.vnetlab.console.results.Series;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.units.DataRate;

/**
 * The study's figures from whatever results were given: UDP throughput against payload for
 * single guests (native, Xen, VServer; IPv4, IPv6), CPU load per domain, fairness of guests
 * measured together, and the burned neighbour. A figure without data becomes a note saying so.
 * Throughput curves use received (rx) values when a result has them, as the study shows.
 */
final class StudyFigures {

    /** Characters of a scenario's name a figure's file name keeps (ids that then collide are numbered). */
    private static final int MAX_STEM = 80;

    static final String X_AXIS = "UDP payload (bytes)";
    static final String THROUGHPUT_AXIS = "throughput (Mbit/s)";
    static final String CPU_AXIS = "CPU load (% of one CPU)";
    private static final DataRate GIGABIT = DataRate.gbps(1);

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    StudyFigures(List<ResultFacts> results) {
        throughput(results);
        cpu(results);
        fairness(results);
        burned(results);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** One line per figure left out for want of data. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private void throughput(List<ResultFacts> results) {
        List<Curve> curves = new ArrayList<>();
        Map<String, Long> perScenario = results.stream().filter(ResultFacts::singleGuest)
                .collect(Collectors.groupingBy(StudyFigures::scenarioAndMode, Collectors.counting()));
        for (ResultFacts f : results) {
            if (f.singleGuest()) {
                // results of one scenario and mode (before and after a change) are told apart by their files
                String which = perScenario.get(scenarioAndMode(f)) > 1 ? " (" + f.source() + ")"
                        : isBundledSingle(f) ? "" : " (" + f.result().scenario() + ")";
                for (Series s : udp(f, p -> true)) {
                    String label = f.platformName() + " " + ResultSeries.protocol(s.key().protocol()) + which;
                    curves.add(new Curve(s.withLabel(label), f.origin(), Palette.platform(f.platform()),
                            Palette.protocol(s.key().protocol())));
                }
            }
        }
        if (curves.isEmpty()) {
            notes.add("UDP throughput against payload (native, Xen, VServer; IPv4, IPv6): omitted, the results hold "
                    + "no UDP sweep of a single guest.");
            return;
        }
        curves.addAll(wireLimits(curves));
        figures.add(new Figure("udp-throughput", "UDP throughput against payload: native, Xen and VServer",
                "Received UDP payload rate of a single guest at 1000 Mbit/s offered (median of trials). Colour: "
                        + "platform; circle: IPv4, square: IPv6; dotted: the most a 1 Gbit/s link carries.",
                X_AXIS, THROUGHPUT_AXIS, curves));
    }

    private static String scenarioAndMode(ResultFacts f) {
        return f.result().scenario() + "/" + f.result().mode();
    }

    private static boolean isBundledSingle(ResultFacts f) {
        return List.of("native", "xen-single", "vserver-single").contains(f.result().scenario());
    }

    private static List<Curve> wireLimits(List<Curve> curves) {
        List<Curve> limits = new ArrayList<>();
        for (String protocol : new TreeSet<>(curves.stream().map(c -> c.series().key().protocol()).toList())) {
            IpVersion ip = IpVersion.fromKey(protocol);
            TreeSet<Integer> payloads = new TreeSet<>();
            curves.stream().filter(c -> c.series().key().protocol().equals(protocol))
                    .forEach(c -> c.series().points().forEach(xy -> payloads.add((int) xy.x())));
            List<Series.XY> xy = payloads.stream().map(s -> new Series.XY(s,
                    Ethernet.maxGoodputMbps(GIGABIT, s, ip, Transport.UDP))).toList();
            Series limit = new Series("1 Gbit/s wire limit " + ResultSeries.protocol(protocol),
                    new Series.Key("udp", "rx", protocol, "wire"), xy);
            limits.add(new Curve(limit, Origin.COMPUTED, Palette.COMPUTED, SeriesMarkers.NONE));
        }
        return limits;
    }

    private void cpu(List<ResultFacts> results) {
        for (ResultFacts f : results) {
            List<Series> series = ResultSeries.cpu(f.result(), p -> true);
            if (series.isEmpty()) {
                continue;
            }
            Map<String, Integer> domains = new LinkedHashMap<>();
            List<Curve> curves = new ArrayList<>();
            for (Series s : series) {
                int colour = domains.computeIfAbsent(s.key().name(), d -> domains.size());
                curves.add(new Curve(s, f.origin(), Palette.indexed(colour), Palette.protocol(s.key().protocol())));
            }
            // the series are the result's UDP points, or its TCP points when it has no UDP ones
            String traffic = series.get(0).key().transport().toUpperCase(Locale.ROOT);
            figures.add(new Figure("cpu-" + stem(f), "CPU load against payload: " + f.platformName() + " ("
                    + f.describe() + ")", "Load of each domain while it moves " + traffic + " traffic, in percent of one "
                    + "physical CPU (xentop's scale: 200 % is both CPUs). Colour: domain; circle: IPv4, square: IPv6.",
                    X_AXIS, CPU_AXIS, curves));
        }
        if (figures.stream().noneMatch(fig -> fig.id().startsWith("cpu-"))) {
            notes.add("CPU load against payload per domain: omitted, the results hold no CPU loads.");
        }
    }

    private void fairness(List<ResultFacts> results) {
        boolean any = false;
        for (ResultFacts f : results) {
            if (f.measured().size() < 2) {
                continue;
            }
            List<Curve> curves = guestCurves(f, p -> !f.burners().contains(p.guest()));
            if (curves.isEmpty()) {
                continue;
            }
            any = true;
            figures.add(new Figure("fairness-" + stem(f), "Fairness of " + f.measured().size() + " guests: "
                    + f.platformName() + " (" + f.describe() + ")", "Received UDP payload rate of each guest "
                    + "measured at the same time, and their sum. " + jain(f) + " Colour: guest; circle: IPv4, "
                    + "square: IPv6.", X_AXIS, THROUGHPUT_AXIS, curves));
        }
        if (!any) {
            notes.add("Fairness of two guests: omitted, no result has two or more guests measured at once.");
        }
    }

    private void burned(List<ResultFacts> results) {
        boolean any = false;
        for (ResultFacts f : results) {
            if (f.burners().isEmpty()) {
                continue;
            }
            List<Curve> curves = new ArrayList<>(guestCurves(f, p -> !p.guest().equals(ResultFacts.SUM)));
            if (curves.isEmpty()) {
                continue;
            }
            any = true;
            for (ResultFacts alone : results) {
                if (alone.singleGuest() && alone.platform().equals(f.platform()) && alone.origin() == f.origin()) {
                    for (Series s : udp(alone, p -> true)) {
                        curves.add(new Curve(s.withLabel(ResultSeries.protocol(s.key().protocol())
                                + " without a neighbour (" + alone.result().scenario() + ")"), alone.origin(),
                                Palette.COMPUTED, Palette.protocol(s.key().protocol())));
                    }
                }
            }
            figures.add(new Figure("burned-" + stem(f), "Burned neighbour: " + f.platformName() + ", "
                    + String.join(", ", f.burners()) + " burns its CPU (" + f.describe() + ")",
                    "Received UDP payload rate of the measured guest beside a guest that burns 100 % of its CPU; "
                            + "grey: the same platform with a single guest, when given.",
                    X_AXIS, THROUGHPUT_AXIS, curves));
        }
        if (!any) {
            notes.add("Burned neighbour: omitted, no result of a scenario with a CPU burner (xen-burned, "
                    + "vserver-burned) was given.");
        }
    }

    private static List<Curve> guestCurves(ResultFacts f, Predicate<Point> keep) {
        Map<String, Integer> guests = new LinkedHashMap<>();
        List<Curve> curves = new ArrayList<>();
        for (Series s : udp(f, keep)) {
            int colour = guests.computeIfAbsent(s.key().name(), g -> guests.size());
            curves.add(new Curve(s, f.origin(), Palette.indexed(colour), Palette.protocol(s.key().protocol())));
        }
        return curves;
    }

    /** UDP throughput curves of a result, received values only when it has any. */
    private static List<Series> udp(ResultFacts f, Predicate<Point> keep) {
        boolean hasRx = f.result().points().stream().anyMatch(p -> p.transport().equals("udp")
                && p.direction().equals("rx") && p.throughputMbps() != null);
        return ResultSeries.throughput(f.result(), p -> p.transport().equals("udp") && keep.test(p)
                && (!hasRx || p.direction().equals("rx")) && (f.singleGuest() ? f.measured().contains(p.guest()) : true));
    }

    /** Jain's fairness index (sum x)^2 / (n sum x^2) over the measured guests, its lowest over payloads. */
    private static String jain(ResultFacts f) {
        StringBuilder sb = new StringBuilder();
        for (String protocol : new TreeSet<>(f.result().points().stream().map(Point::protocol).toList())) {
            Map<Integer, List<Double>> byPayload = new LinkedHashMap<>();
            f.result().points().stream().filter(p -> p.protocol().equals(protocol) && p.transport().equals("udp")
                    && p.throughputMbps() != null && f.measured().contains(p.guest()) && p.direction().equals("rx"))
                    .forEach(p -> byPayload.computeIfAbsent(p.payload(), k -> new ArrayList<>()).add(p.throughputMbps()));
            double lowest = 1;
            int at = -1;
            for (Map.Entry<Integer, List<Double>> e : byPayload.entrySet()) {
                double sum = e.getValue().stream().mapToDouble(Double::doubleValue).sum();
                double squares = e.getValue().stream().mapToDouble(v -> v * v).sum();
                double index = squares == 0 ? 1 : sum * sum / (e.getValue().size() * squares);
                if (e.getValue().size() > 1 && index < lowest) {
                    lowest = index;
                    at = e.getKey();
                }
            }
            if (!byPayload.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "Jain's fairness index, %s: lowest %.3f%s. ",
                        ResultSeries.protocol(protocol), lowest, at < 0 ? "" : " (at " + at + " B)"));
            }
        }
        return sb.toString().strip();
    }

    /** The scenario and mode as a file name's stem: safe characters, short enough for any file system. */
    private static String stem(ResultFacts f) {
        String scenario = f.result().scenario().replaceAll("[^A-Za-z0-9_-]", "_");
        return (scenario.length() > MAX_STEM ? scenario.substring(0, MAX_STEM) : scenario) + "-" + f.result().mode();
    }
}
