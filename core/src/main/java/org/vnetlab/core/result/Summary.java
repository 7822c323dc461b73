package org.vnetlab.core.result;

import org.vnetlab.core.metrics.Distribution;

/**
 * A distribution reduced to what a result reports: median, mean, standard deviation, the 90th and
 * 99th percentiles, the largest value and the sample count. Files written before the mean,
 * percentiles and maximum were reported read back with those as NaN.
 */
public record Summary(double median, double mean, double stdev, double p90, double p99, double max, int samples) {

    /** The statistics of {@code d}, whose values are in units of {@code perUnit} (1e6 for ns to ms). */
    public static Summary of(Distribution d, double perUnit) {
        return new Summary(d.median() / perUnit, d.mean() / perUnit, d.stdev() / perUnit, d.percentile(90) / perUnit,
                d.percentile(99) / perUnit, d.max() / perUnit, (int) d.count());
    }
}
