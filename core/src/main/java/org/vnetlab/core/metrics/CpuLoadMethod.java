package org.vnetlab.core.metrics;

import java.util.Arrays;

/**
 * The study's CPU-load method (CESNET TR 3/2008): one-second samples per domain over the
 * receive half then the transmit half; the load reported is the median of the middle
 * {@code keep} samples of the transmit half.
 */
public final class CpuLoadMethod {

    private CpuLoadMethod() {
    }

    /** The median of the {@code keep} samples in the middle of {@code samples}. */
    public static double middleMedian(double[] samples, int keep) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        int k = Math.min(keep, samples.length);
        int from = (samples.length - k) / 2;
        return Stats.median(Arrays.copyOfRange(samples, from, from + k));
    }
}
