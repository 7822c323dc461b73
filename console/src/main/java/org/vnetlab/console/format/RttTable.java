package org.vnetlab.console.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.Summary;

/**
 * A result's RTT points as one text table: a row per protocol and reflector with the median and
 * standard deviation of the RTT and of the RFC 3550 jitter over the measurements and the replies
 * lost; where the configuration is one of the study's Table 2 (IPv4, the reflector native or in
 * the only DomU, no burner), the published values beside; under it, a line for each point whose
 * measurements spread too widely for their median. Empty when the result has no RTT point.
 */
public final class RttTable {

    /**
     * A standard deviation above this share of the median says the measurements do not gather
     * around it: in every configuration of the study's Table 2, the study's and the model's, it is
     * under 3 % of the median.
     */
    private static final double SPREAD = 0.25;

    private RttTable() {
    }

    public static String render(Result r, Scenario s, ReferenceDataset study, int columns) {
        List<List<String>> rows = new ArrayList<>();
        StringBuilder spread = new StringBuilder();
        for (Point p : r.points()) {
            if (p.rttMs() == null) {
                continue;
            }
            Optional<String> platform = studyPlatform(s);
            List<String> row = new ArrayList<>(List.of(p.protocol(), p.guest()));
            boolean jitter = p.jitterUs() != null;
            pair(row, p.rttMs().median(), published(study, platform, p, "rtt_median"), "%.4f");
            pair(row, p.rttMs().stdev(), published(study, platform, p, "rtt_stdev"), "%.4f");
            pair(row, jitter ? p.jitterUs().median() : Double.NaN, published(study, platform, p, "jitter_median"), "%.2f");
            pair(row, jitter ? p.jitterUs().stdev() : Double.NaN, published(study, platform, p, "jitter_stdev"), "%.2f");
            row.add(p.repliesLost() == null ? "" : Long.toString(p.repliesLost()));
            rows.add(row);
            spread.append(spread(p));
        }
        if (rows.isEmpty()) {
            return "";
        }
        List<String> header = List.of("protocol", "reflector", "rtt ms", "study", "stdev", "study", "jitter us",
                "study", "stdev", "study", "replies lost");
        return "rtt and RFC 3550 jitter over the measurements (study: Table 2, where it is the study's configuration)\n"
                + TextTable.fit(header, rows, columns, 2, List.of(2, 2, 2, 2, 1)) + spread + "\n";
    }

    /**
     * A line for a point whose measurements spread too widely for a median to stand for them (a
     * run that spent part of its time in each of two regimes, or a few measurements far out), else
     * nothing.
     */
    private static String spread(Point p) {
        Summary rtt = p.rttMs();
        if (!(rtt.stdev() > SPREAD * rtt.median())) {
            return "";
        }
        return fmt("%s %s: rtt mean %.4f ms, p90 %.4f, p99 %.4f, max %.4f: the measurements spread too widely for"
                + " their median to stand for them\n", p.protocol(), p.guest(), rtt.mean(), rtt.p90(),
                rtt.p99(), rtt.max());
    }

    private static Optional<Double> published(ReferenceDataset study, Optional<String> platform, Point p,
                                              String metric) {
        return platform.flatMap(c -> study.find(c, p.protocol(), p.direction(), metric)).map(v -> v.value());
    }

    /** The model's value and the study's beside it (empty where the study has none). */
    private static void pair(List<String> row, double value, Optional<Double> published, String format) {
        row.add(Double.isNaN(value) ? "" : fmt(format, value));
        row.add(published.map(v -> fmt(format, v)).orElse(""));
    }

    /**
     * The study's platform the scenario is, as the dataset names it, if any: the reflector in the
     * only DomU is {@code xen-domU}; nothing beside a burner or with other guests.
     */
    private static Optional<String> studyPlatform(Scenario s) {
        if (!s.workloads(CpuBurner.class).isEmpty() || s.platform().guestNames().size() != 1) {
            return Optional.empty();
        }
        String kind = s.platform().kind();
        return Optional.of(kind.equals("xen") ? "xen-domU" : kind);
    }

    private static String fmt(String f, Object... values) {
        return String.format(Locale.ROOT, f, values);
    }
}
