package org.vnetlab.core.metrics;

import java.util.Arrays;

/** The summary statistics the study reports. Inputs are left unchanged. */
public final class Stats {

    private Stats() {
    }

    /** The median; the mean of the two middle values for an even count; NaN when empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    /** The sample standard deviation (n - 1); 0 for fewer than two values. */
    public static double stdev(double[] values) {
        int n = values.length;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** The p-th percentile (0-100) by linear interpolation between closest ranks. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double rank = p / 100.0 * (s.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return s[lo] + (s[hi] - s[lo]) * (rank - lo);
    }
}
