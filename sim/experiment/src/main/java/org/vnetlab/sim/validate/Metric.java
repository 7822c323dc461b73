package org.vnetlab.sim.validate;

import static org.vnetlab.core.result.ResultKeys.CPU_PERCENT;
import static org.vnetlab.core.result.ResultKeys.JITTER_US;
import static org.vnetlab.core.result.ResultKeys.MEAN;
import static org.vnetlab.core.result.ResultKeys.MEDIAN;
import static org.vnetlab.core.result.ResultKeys.RTT_MS;
import static org.vnetlab.core.result.ResultKeys.STDEV;
import static org.vnetlab.core.result.ResultKeys.THROUGHPUT_MBPS;

import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Summary;

/**
 * A measured quantity of a result point, named by its key in the result schema:
 * {@code throughput_mbps}, {@code cpu_percent.DOMAIN}, {@code rtt_ms.median}, {@code rtt_ms.mean},
 * {@code rtt_ms.stdev}, {@code jitter_us.median}, {@code jitter_us.mean}, {@code jitter_us.stdev}; and {@code cpu_total}, the sum of every
 * domain's {@code cpu_percent} (Dom0, the guests and the time Xen spends for them).
 */
public record Metric(String key) {

    /** Not a key of the result schema: derived from {@code cpu_percent}. */
    private static final String TOTAL = "cpu_total";
    // before the metrics below: their constructor checks keys with these
    private static final Pattern CPU = Pattern.compile(Pattern.quote(CPU_PERCENT + ".") + "[A-Za-z0-9_-]+");
    private static final Pattern SUMMARY = Pattern.compile("(" + RTT_MS + "|" + JITTER_US + ")\\.(" + MEDIAN + "|"
            + MEAN + "|" + STDEV + ")");

    public static final Metric THROUGHPUT = new Metric(THROUGHPUT_MBPS);
    public static final Metric RTT_MEDIAN = summary(RTT_MS, MEDIAN);
    public static final Metric RTT_MEAN = summary(RTT_MS, MEAN);
    public static final Metric JITTER_MEDIAN = summary(JITTER_US, MEDIAN);
    public static final Metric CPU_TOTAL = new Metric(TOTAL);

    public Metric {
        if (!valid(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a metric; valid: " + String.join(", ",
                    THROUGHPUT_MBPS, CPU_PERCENT + ".DOMAIN", TOTAL, RTT_MS + "." + MEDIAN, RTT_MS + "." + MEAN,
                    RTT_MS + "." + STDEV, JITTER_US + "." + MEDIAN, JITTER_US + "." + MEAN, JITTER_US + "." + STDEV));
        }
    }

    public static Metric cpu(String domain) {
        return new Metric(CPU_PERCENT + "." + domain);
    }

    /**
     * @param summaryKey {@code rtt_ms} or {@code jitter_us}
     * @param part       {@code median}, {@code mean} or {@code stdev}
     */
    public static Metric summary(String summaryKey, String part) {
        return new Metric(summaryKey + "." + part);
    }

    private static boolean valid(String key) {
        return key.equals(THROUGHPUT_MBPS) || key.equals(TOTAL) || CPU.matcher(key).matches()
                || SUMMARY.matcher(key).matches();
    }

    /** The key's first part: {@code cpu_percent} of {@code cpu_percent.dom0}. */
    private String head() {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** The unit values of this metric are in, as datasets write it. */
    public String unit() {
        return switch (head()) {
            case CPU_PERCENT, TOTAL -> "%";
            case RTT_MS -> "ms";
            case JITTER_US -> "us";
            default -> "Mbit/s";
        };
    }

    public OptionalDouble of(Point p) {
        Double v = switch (head()) {
            case THROUGHPUT_MBPS -> p.throughputMbps();
            case CPU_PERCENT -> p.cpuPercent() == null ? null : p.cpuPercent().get(key.substring(head().length() + 1));
            case TOTAL -> p.cpuPercent() == null || p.cpuPercent().isEmpty() ? null
                    : p.cpuPercent().values().stream().mapToDouble(Double::doubleValue).sum();
            case RTT_MS -> part(p.rttMs());
            default -> part(p.jitterUs());
        };
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private Double part(Summary s) {
        if (s == null) {
            return null;
        }
        if (key.endsWith("." + MEDIAN)) {
            return s.median();
        }
        return key.endsWith("." + MEAN) ? s.mean() : s.stdev();
    }
}
