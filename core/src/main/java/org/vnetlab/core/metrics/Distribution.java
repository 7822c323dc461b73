package org.vnetlab.core.metrics;

import org.HdrHistogram.Histogram;

/**
 * A distribution of non-negative whole values (nanoseconds, say) on an HdrHistogram. Recording
 * allocates nothing within the range given at creation (a larger value grows it once); two
 * distributions merge by adding their counts, so the merged percentiles are those of all the
 * values together, not an average of percentiles. Each value is kept to three significant
 * digits: a statistic is within 0.1 % of the same statistic of the values themselves (values
 * below 2048 are kept exactly). Not thread-safe: one writer, or readers after the writer is done.
 */
public final class Distribution {

    /** Significant decimal digits kept of each value. */
    public static final int DIGITS = 3;

    private final Histogram histogram;

    /** An empty distribution sized for values up to {@code highest} without growing. */
    public Distribution(long highest) {
        histogram = new Histogram(1, Math.max(2, highest), DIGITS);
        histogram.setAutoResize(true);
    }

    /** Records one value; a negative one counts as 0. */
    public void record(long value) {
        histogram.recordValue(Math.max(0, value));
    }

    /** Adds every value of {@code other} to this one. */
    public void add(Distribution other) {
        histogram.add(other.histogram);
    }

    public void clear() {
        histogram.reset();
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at or below which {@code p} percent (0-100) of the values lie; 0 when empty. */
    public long percentile(double p) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(p);
    }

    public long median() {
        return percentile(50);
    }

    public long min() {
        return count() == 0 ? 0 : histogram.getMinValue();
    }

    public long max() {
        return count() == 0 ? 0 : histogram.getMaxValue();
    }

    /** The mean; NaN when empty. */
    public double mean() {
        return count() == 0 ? Double.NaN : histogram.getMean();
    }

    /** The standard deviation of the values (over n, as HdrHistogram keeps it); 0 for fewer than two. */
    public double stdev() {
        return count() < 2 ? 0 : histogram.getStdDeviation();
    }
}
