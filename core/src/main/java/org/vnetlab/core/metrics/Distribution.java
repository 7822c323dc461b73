package org.vnetlab.core.metrics;

import org.HdrHistogram.Histogram;

/**
 * A distribution of non-negative whole values (nanoseconds, say). Recording allocates nothing
 * within the range given at creation (a larger value grows it once); two distributions merge, so
 * the merged statistics are those of all the values together, not an average of them. The count,
 * smallest and largest value, mean and standard deviation are exact (the last two kept as they
 * come, Welford's way); the percentiles come from an HdrHistogram that keeps each value to three
 * significant digits, so they are within 0.1 % of the values' own (exact below 2048), and never
 * outside the exact smallest and largest value: one value, or many equal ones, give that value
 * as every statistic. Not thread-safe: one writer, or readers after the writer is done.
 */
public final class Distribution {

    /** Significant decimal digits kept of each value for the percentiles. */
    public static final int DIGITS = 3;

    private final Histogram histogram;
    private long count;
    private long min = Long.MAX_VALUE;
    private long max;
    private double mean;
    /** The sum of squared differences from the mean so far (Welford). */
    private double squares;

    /** An empty distribution sized for values up to {@code highest} without growing. */
    public Distribution(long highest) {
        histogram = new Histogram(1, Math.max(2, highest), DIGITS);
        histogram.setAutoResize(true);
    }

    /** Records one value; a negative one counts as 0. */
    public void record(long value) {
        long v = Math.max(0, value);
        histogram.recordValue(v);
        count++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        double fromMean = v - mean;
        mean += fromMean / count;
        squares += fromMean * (v - mean);
    }

    /** Adds every value of {@code other} to this one. */
    public void add(Distribution other) {
        if (other.count == 0) {
            return;
        }
        histogram.add(other.histogram);
        long all = count + other.count;
        double between = other.mean - mean;
        // Chan et al.'s pairwise update: the squares of both parts and of the distance of their means
        squares += other.squares + between * between * count * other.count / all;
        mean += between * other.count / all;
        count = all;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public void clear() {
        histogram.reset();
        count = 0;
        min = Long.MAX_VALUE;
        max = 0;
        mean = 0;
        squares = 0;
    }

    public long count() {
        return count;
    }

    /** The value at or below which {@code p} percent (0-100) of the values lie; 0 when empty. */
    public long percentile(double p) {
        return count == 0 ? 0 : Math.max(min, Math.min(max, histogram.getValueAtPercentile(p)));
    }

    public long median() {
        return percentile(50);
    }

    public long min() {
        return count == 0 ? 0 : min;
    }

    public long max() {
        return max;
    }

    /** The mean; NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** The standard deviation of the values (over n); 0 for fewer than two. */
    public double stdev() {
        return count < 2 ? 0 : Math.sqrt(Math.max(0, squares / count));
    }
}
