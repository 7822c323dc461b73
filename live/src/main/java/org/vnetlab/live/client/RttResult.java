package org.vnetlab.live.client;

import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.result.Summary;

/**
 * An RTT probe run.
 *
 * @param sent      probes sent and measured
 * @param warmup    probes sent before them, not measured
 * @param reflected probes the reflector reports having sent back, warm-up ones included
 * @param rttMs     round-trip time of each probe that came back, in arrival order
 * @param jitterUs  the RFC 3550 interarrival jitter estimate after each echo (from the second on)
 */
public record RttResult(int sent, int warmup, long reflected, double[] rttMs, double[] jitterUs) {

    public int received() {
        return rttMs.length;
    }

    public double loss() {
        return sent == 0 ? 0 : (sent - received()) / (double) sent;
    }

    public Summary rtt() {
        return Summary.of(rttMs);
    }

    public Summary jitter() {
        return Summary.of(jitterUs);
    }

    public double rttPercentile(double p) {
        return Stats.percentile(rttMs, p);
    }
}
