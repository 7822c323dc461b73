package org.vnetlab.live.client;

import org.vnetlab.core.metrics.Distribution;
import org.vnetlab.core.result.Summary;

/**
 * An RTT probe run. Its statistics come from the two distributions (mean, deviation and extremes
 * exact, percentiles within 0.1 %); the series keep each probe's figure in arrival order.
 *
 * @param sent        probes sent and measured
 * @param warmup      probes sent before them, not measured
 * @param reflected   probes the reflector reports having sent back, warm-up ones included
 * @param rttMs       round-trip time of each probe that came back, in arrival order
 * @param jitterUs    the RFC 3550 interarrival jitter estimate after each echo (from the second on)
 * @param rttNanos    the distribution of the round-trip times, in nanoseconds
 * @param jitterNanos the distribution of the jitter estimates, in nanoseconds
 */
public record RttResult(int sent, int warmup, long reflected, double[] rttMs, double[] jitterUs,
                        Distribution rttNanos, Distribution jitterNanos) {

    public int received() {
        return rttMs.length;
    }

    public double loss() {
        return sent == 0 ? 0 : (sent - received()) / (double) sent;
    }

    /** The statistics of the round-trip times, in ms. */
    public Summary rtt() {
        return Summary.of(rttNanos, 1e6);
    }

    /** The statistics of the jitter estimates, in us. */
    public Summary jitter() {
        return Summary.of(jitterNanos, 1e3);
    }

    /** The p-th percentile (0 the shortest, 100 the longest) round-trip time in ms. */
    public double rttPercentile(double p) {
        return (p <= 0 ? rttNanos.min() : rttNanos.percentile(p)) / 1e6;
    }
}
