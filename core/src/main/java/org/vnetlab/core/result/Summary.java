package org.vnetlab.core.result;

import org.vnetlab.core.metrics.Stats;

/** A distribution reduced to what the study reports: median, standard deviation and sample count. */
public record Summary(double median, double stdev, int samples) {

    public static Summary of(double[] values) {
        return new Summary(Stats.median(values), Stats.stdev(values), values.length);
    }
}
