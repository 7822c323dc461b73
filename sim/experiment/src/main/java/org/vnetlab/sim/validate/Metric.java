package org.vnetlab.sim.validate;

import java.util.OptionalDouble;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Summary;

/**
 * A measured quantity of a result point, named by its key in the result schema:
 * {@code throughput_mbps}, {@code cpu_percent.DOMAIN}, {@code rtt_ms.median}, {@code rtt_ms.stdev},
 * {@code jitter_us.median}, {@code jitter_us.stdev}; and {@code cpu_total}, the sum of every
 * domain's {@code cpu_percent} (Dom0, the guests and the time Xen spends for them).
 */
public record Metric(String key) {

    public static final Metric THROUGHPUT = new Metric("throughput_mbps");
    public static final Metric RTT_MEDIAN = new Metric("rtt_ms.median");
    public static final Metric JITTER_MEDIAN = new Metric("jitter_us.median");
    public static final Metric CPU_TOTAL = new Metric("cpu_total");

    public Metric {
        if (!valid(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a metric; valid: throughput_mbps,"
                    + " cpu_percent.DOMAIN, cpu_total, rtt_ms.median, rtt_ms.stdev, jitter_us.median, jitter_us.stdev");
        }
    }

    public static Metric cpu(String domain) {
        return new Metric("cpu_percent." + domain);
    }

    private static boolean valid(String key) {
        return key.equals("throughput_mbps") || key.equals("cpu_total") || key.matches("cpu_percent\\.[A-Za-z0-9_-]+")
                || key.matches("(rtt_ms|jitter_us)\\.(median|stdev)");
    }

    /** The unit values of this metric are in, as datasets write it. */
    public String unit() {
        if (key.startsWith("cpu_")) {
            return "%";
        }
        if (key.startsWith("rtt_ms")) {
            return "ms";
        }
        return key.startsWith("jitter_us") ? "us" : "Mbit/s";
    }

    public OptionalDouble of(Point p) {
        Double v = switch (key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'))) {
            case "throughput_mbps" -> p.throughputMbps();
            case "cpu_percent" -> p.cpuPercent() == null ? null : p.cpuPercent().get(key.substring(12));
            case "cpu_total" -> p.cpuPercent() == null || p.cpuPercent().isEmpty() ? null
                    : p.cpuPercent().values().stream().mapToDouble(Double::doubleValue).sum();
            case "rtt_ms" -> part(p.rttMs());
            default -> part(p.jitterUs());
        };
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private Double part(Summary s) {
        if (s == null) {
            return null;
        }
        return key.endsWith(".median") ? s.median() : s.stdev();
    }
}
