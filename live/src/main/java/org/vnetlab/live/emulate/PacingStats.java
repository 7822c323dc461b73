package org.vnetlab.live.emulate;

/**
 * A histogram of how late the realtime clock did something against the model's time for it,
 * in 100 ns bins up to 10 ms (later counts in the last bin). One writer (the pacing thread);
 * read it after that thread has stopped, or accept a slightly torn view.
 */
public final class PacingStats {

    /** Width of one bin, ns. */
    static final long BIN_NANOS = 100;
    private static final int BINS = 100_000;
    private final long[] bins = new long[BINS + 1];
    private long count;
    private long max;

    /** Records one lateness in ns (early counts as 0). */
    public void record(long lateNanos) {
        long late = Math.max(0, lateNanos);
        bins[(int) Math.min(BINS, late / BIN_NANOS)]++;
        count++;
        max = Math.max(max, late);
    }

    /** The {@code q}-quantile (0..1) in ns, as the upper edge of its bin; 0 with no samples. */
    public long quantileNanos(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i <= BINS; i++) {
            seen += bins[i];
            if (seen >= rank) {
                return i == BINS ? max : (i + 1) * BIN_NANOS;
            }
        }
        return max;
    }

    /** p50 and p99 in microseconds, and the sample count. */
    public Summary summary() {
        return new Summary(count, quantileNanos(0.5) / 1e3, quantileNanos(0.99) / 1e3, max / 1e3);
    }

    /** What the histogram says, in microseconds. */
    public record Summary(long samples, double p50Us, double p99Us, double maxUs) {
    }
}
