package org.vnetlab.console.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.console.results.ResultSeries;
import org.vnetlab.core.result.Point;
import org.vnetlab.sim.validate.KnownConflicts;
import org.vnetlab.sim.validate.ReferenceChecks;

/**
 * Tables 1 (TCP throughput) and 2 (RTT and jitter) of the study: each published value beside the
 * measured, emulated and simulated values the results hold for the same configuration, with the
 * difference in percent of the published value.
 */
final class StudyTables {

    private static final String NO_VALUES = " The results hold no values for this table: the study's values only.";
    /** The note column's header; under a terminal table {@link #LEGEND} explains its values. */
    static final String NOTE = "note";
    static final String LEGEND = "known conflict: misses for a reason docs/MODEL.md states (\"Known conflicts\");"
            + " reported only: not checked (docs/MODEL.md, \"Why the measurements hardly differ\")";
    /** Table 2's configurations: the study's two, and the reflector beside a burner it did not publish. */
    static final String BESIDE_BURNER = "xen-domU-burned";
    private static final Map<String, String> CONFIGURATIONS = Map.of("native", "Native", "xen-domU", "Xen DomU",
            "vserver", "VServer", BESIDE_BURNER, "Xen DomU beside a burner");
    private static final Map<String, String> TABLE2_METRICS = new LinkedHashMap<>();

    static {
        TABLE2_METRICS.put("rtt_median", "RTT median (ms)");
        TABLE2_METRICS.put("rtt_stdev", "RTT st. dev. (ms)");
        TABLE2_METRICS.put("jitter_median", "jitter median (µs)");
        TABLE2_METRICS.put("jitter_stdev", "jitter st. dev. (µs)");
    }

    private final ReferenceDataset study;
    private final List<ResultFacts> results;

    StudyTables(ReferenceDataset study, List<ResultFacts> results) {
        this.study = study;
        this.results = results;
    }

    /** A value from a result: the configuration it belongs to and the value. */
    private record Found(Origin origin, String configuration, String protocol, String direction, String metric,
                         double value) {
    }

    Table table1() {
        List<Found> found = new ArrayList<>();
        for (ResultFacts f : results) {
            if (!f.singleGuest()) {
                continue;
            }
            String configuration = f.platform().equals("xen") ? "xen-domU" : f.platform();
            f.result().points().stream().filter(p -> p.transport().equals("tcp") && p.throughputMbps() != null)
                    .forEach(p -> found.add(new Found(f.origin(), configuration, p.protocol(), p.direction(),
                            "tcp_throughput", p.throughputMbps())));
        }
        return table("Table 1: TCP throughput (Mbit/s)", "table1", found,
                k -> ResultSeries.protocol(k.protocol()) + " " + k.direction(),
                "Single machine or single guest; rx and tx from the measured machine's side.");
    }

    Table table2() {
        List<Found> found = new ArrayList<>();
        for (ResultFacts f : results) {
            for (Point p : f.result().points()) {
                Optional<String> configuration = rttConfiguration(f, p);
                if (configuration.isEmpty()) {
                    continue;
                }
                if (p.rttMs() != null) {
                    found.add(new Found(f.origin(), configuration.get(), p.protocol(), p.direction(), "rtt_median",
                            p.rttMs().median()));
                    found.add(new Found(f.origin(), configuration.get(), p.protocol(), p.direction(), "rtt_stdev",
                            p.rttMs().stdev()));
                }
                if (p.jitterUs() != null) {
                    found.add(new Found(f.origin(), configuration.get(), p.protocol(), p.direction(), "jitter_median",
                            p.jitterUs().median()));
                    found.add(new Found(f.origin(), configuration.get(), p.protocol(), p.direction(), "jitter_stdev",
                            p.jitterUs().stdev()));
                }
            }
        }
        return table("Table 2: RTT and jitter (500 Mbit/s stream, medians of 140; the study had IPv4 only)",
                "table2", found,
                v -> TABLE2_METRICS.getOrDefault(v.metric(), v.metric()) + ", " + ResultSeries.protocol(v.protocol()),
                "The reflector on the native machine, in a single DomU, or in a DomU beside a burning one "
                        + "(not published; vnetlab's prediction).");
    }

    /**
     * Which of Table 2's configurations an RTT point belongs to: {@code grid."rtt.reflector"} when the
     * sweep recorded it, otherwise the guest: {@code host} native, {@code domU1} a single DomU, another
     * DomU the one beside a burner (the bundled {@code rtt} scenario's guests).
     */
    private static Optional<String> rttConfiguration(ResultFacts f, Point p) {
        if (p.rttMs() == null && p.jitterUs() == null) {
            return Optional.empty();
        }
        String reflector = p.grid().get("rtt.reflector");
        if (reflector != null) {
            return Optional.of(switch (reflector) {
                case "domU" -> "xen-domU";
                case "domU-burned" -> BESIDE_BURNER;
                default -> reflector;
            });
        }
        if (p.guest().equals("host")) {
            return Optional.of("native");
        }
        if (p.guest().startsWith("domU")) {
            return Optional.of(p.guest().equals("domU1") && f.burners().isEmpty() ? "xen-domU" : BESIDE_BURNER);
        }
        return Optional.of(f.platform());
    }

    private Table table(String title, String table, List<Found> found, Function<RowKey, String> what, String caption) {
        Set<Origin> origins = EnumSet.noneOf(Origin.class);
        found.forEach(v -> origins.add(v.origin()));
        List<String> headers = new ArrayList<>(List.of("configuration", "value", Origin.PUBLISHED.label()));
        for (Origin o : origins) {
            headers.add(o.label());
            headers.add("Δ %");
        }
        Map<RowKey, Double> published = new LinkedHashMap<>();
        study.values().stream().filter(v -> v.table().equals(table)).forEach(v -> published.put(
                new RowKey(v.platform(), v.protocol(), v.direction(), v.metric()), v.value()));
        Map<RowKey, Map<Origin, Double>> ours = new LinkedHashMap<>();
        for (Found v : found) {
            ours.computeIfAbsent(new RowKey(v.configuration(), v.protocol(), v.direction(), v.metric()),
                    k -> new LinkedHashMap<>()).putIfAbsent(v.origin(), v.value());
        }
        List<RowKey> keys = new ArrayList<>(published.keySet());
        ours.keySet().stream().filter(k -> !published.containsKey(k)).forEach(keys::add);
        boolean noted = !origins.isEmpty() && keys.stream().anyMatch(k -> !note(table, k, published).isEmpty());
        if (noted) {
            headers.add(NOTE);
        }
        List<List<String>> rows = new ArrayList<>();
        for (RowKey k : keys) {
            List<String> row = new ArrayList<>();
            row.add(CONFIGURATIONS.getOrDefault(k.configuration(), k.configuration()));
            row.add(what.apply(k));
            Double p = published.get(k);
            row.add(p == null ? "—" : number(p));
            for (Origin o : origins) {
                Double v = ours.getOrDefault(k, Map.of()).get(o);
                row.add(v == null ? "—" : number(v));
                row.add(v == null || p == null ? "—" : String.format(Locale.ROOT, "%+.1f", (v - p) / p * 100));
            }
            if (noted) {
                row.add(note(table, k, published));
            }
            rows.add(row);
        }
        return new Table(title, caption + (origins.isEmpty() ? NO_VALUES : noted ? " Notes: " + LEGEND + "." : ""),
                headers, rows);
    }

    /**
     * What {@code vnetlab validate} makes of a published value: a known conflict of the model (its
     * check misses for a reason docs/MODEL.md states), reported only (not checked), or nothing.
     */
    private static String note(String table, RowKey k, Map<RowKey, Double> published) {
        if (!published.containsKey(k)) {
            return "";
        }
        if (KnownConflicts.reason(ReferenceChecks.label(table, k.configuration(), k.protocol(), k.direction(),
                k.metric())) != null) {
            return "known conflict";
        }
        return ReferenceChecks.checked(k.metric()) ? "" : "reported only";
    }

    /** A row: configuration, protocol, direction and metric. */
    record RowKey(String configuration, String protocol, String direction, String metric) {
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
