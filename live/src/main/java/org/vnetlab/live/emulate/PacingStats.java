package org.vnetlab.live.emulate;

import org.vnetlab.core.metrics.Distribution;

/**
 * How late the realtime clock did something against the model's time for it: a distribution of
 * lateness in nanoseconds (early counts as on time), each value kept to 0.1 %. Recording
 * allocates nothing up to {@value #RANGE_NANOS} ns. One writer (the pacing thread); read it after
 * that thread has stopped, or accept a slightly torn view.
 */
public final class PacingStats {

    /** Lateness the distribution holds without growing: 10 s. */
    static final long RANGE_NANOS = 10_000_000_000L;
    private final Distribution late = new Distribution(RANGE_NANOS);

    /** Records one lateness in ns (early counts as 0). */
    public void record(long lateNanos) {
        late.record(lateNanos);
    }

    /** The {@code q}-quantile (0..1) in ns; 0 with no samples. */
    public long quantileNanos(double q) {
        return late.percentile(q * 100);
    }

    /** p50, p90 and p99 in microseconds, the largest, and the sample count. */
    public Summary summary() {
        return new Summary(late.count(), late.percentile(50) / 1e3, late.percentile(90) / 1e3,
                late.percentile(99) / 1e3, late.max() / 1e3);
    }

    /** What the distribution says, in microseconds. */
    public record Summary(long samples, double p50Us, double p90Us, double p99Us, double maxUs) {
    }
}
