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

/**
 * A result's RTT points as one text table: a row per protocol and reflector with the median and
 * standard deviation of the RTT and of the RFC 3550 jitter over the measurements and the replies
 * lost; where the configuration is one of the study's Table 2 (IPv4, the reflector native or in
 * the only DomU, no burner), the published values beside. Empty when the result has no RTT point.
 */
public final class RttTable {

    private RttTable() {
    }

    public static String render(Result r, Scenario s, ReferenceDataset study, int columns) {
        List<List<String>> rows = new ArrayList<>();
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
        }
        if (rows.isEmpty()) {
            return "";
        }
        List<String> header = List.of("protocol", "reflector", "rtt ms", "study", "stdev", "study", "jitter us",
                "study", "stdev", "study", "replies lost");
        return "rtt and RFC 3550 jitter over the measurements (study: Table 2, where it is the study's configuration)\n"
                + TextTable.fit(header, rows, columns, 2, List.of(2, 2, 2, 2, 1)) + "\n";
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

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
