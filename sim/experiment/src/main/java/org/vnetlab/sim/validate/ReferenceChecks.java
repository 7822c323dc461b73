package org.vnetlab.sim.validate;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.core.result.ResultKeys;

/**
 * Published values (Tables 1 and 2 of the study, or a file of the same form) as checks: TCP
 * throughput within 1 %, RTT median within 10 %, jitter median within 25 %;
 * standard deviations are reported beside the model's, not checked.
 */
public final class ReferenceChecks {

    static final Tolerance TCP = Tolerance.relative(0.01);
    static final Tolerance RTT = Tolerance.relative(0.10);
    static final Tolerance JITTER = Tolerance.relative(0.25);

    private ReferenceChecks() {
    }

    public static List<Check> of(ReferenceDataset data) {
        List<Check> checks = new ArrayList<>();
        for (ReferenceDataset.Value v : data.values()) {
            checks.add(new Check.Target(label(v.table(), v.platform(), v.protocol(), v.direction(), v.metric()),
                    series(v), null, v.value(), tolerance(v.metric())));
        }
        return checks;
    }

    /** The check of one published value, as validate labels it: {@code table2 native ipv4 roundtrip rtt_median}. */
    public static String label(String table, String platform, String protocol, String direction, String metric) {
        return String.join(" ", table, platform, protocol, direction, metric);
    }

    private static Series series(ReferenceDataset.Value v) {
        return switch (v.metric()) {
            case "tcp_throughput" -> new Series(throughputScenario(v.platform()), "tcp", v.protocol(), v.direction(),
                    null, Metric.THROUGHPUT);
            default -> new Series(rttScenario(v.platform()), null, v.protocol(), v.direction(), null,
                    summary(v.metric()));
        };
    }

    /** A reference metric of Table 2 ({@code rtt_median}, {@code jitter_stdev}) as the result's key. */
    private static Metric summary(String metric) {
        int underscore = metric.indexOf('_');
        String key = metric.startsWith("rtt_") ? ResultKeys.RTT_MS : ResultKeys.JITTER_US;
        return Metric.summary(key, metric.substring(underscore + 1));
    }

    /** The bundled scenario of the study's single machine or guest of a platform. */
    static ScenarioRef throughputScenario(String platform) {
        return switch (platform) {
            case "native" -> StudyFacts.NATIVE;
            case "xen-domU" -> StudyFacts.XEN;
            default -> StudyFacts.VSERVER;
        };
    }

    static ScenarioRef rttScenario(String platform) {
        return switch (platform) {
            case "native" -> StudyFacts.RTT_NATIVE;
            case "xen-domU" -> StudyFacts.RTT_DOMU;
            default -> throw new IllegalArgumentException("the study has no RTT scenario for " + platform);
        };
    }

    /** Whether a published value of {@code metric} is checked; a standard deviation is only reported beside it. */
    public static boolean checked(String metric) {
        return tolerance(metric) != Tolerance.REPORTED;
    }

    private static Tolerance tolerance(String metric) {
        return switch (metric) {
            case "tcp_throughput" -> TCP;
            case "rtt_median" -> RTT;
            case "jitter_median" -> JITTER;
            default -> Tolerance.REPORTED;
        };
    }
}
