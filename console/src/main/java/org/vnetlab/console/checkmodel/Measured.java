package org.vnetlab.console.checkmodel;

import java.util.Arrays;
import org.vnetlab.core.metrics.Stats;

/**
 * What one configuration measured: {@code pairs} containers sending UDP of {@code payload} bytes to
 * the peer at once, each container's throughput in each trial (Mbit/s), and each container's CPU
 * (percent of one CPU, the median over the trials as the server reports it; NaN when its server
 * took no sample). The trials of the containers ran at the same time, so a trial's sum over the
 * containers is what the host carried.
 */
record Measured(int pairs, int payload, double[][] trialsByContainer, double[] cpuByContainer) {

    Measured {
        trialsByContainer = Arrays.stream(trialsByContainer).map(double[]::clone).toArray(double[][]::new);
        cpuByContainer = cpuByContainer.clone();
    }

    /** The mean over the containers of their CPU; NaN when no container's server took a sample. */
    double cpuPerContainer() {
        return Arrays.stream(cpuByContainer).filter(c -> !Double.isNaN(c)).average().orElse(Double.NaN);
    }

    /** Container {@code i}'s (0-based) median over the trials. */
    double median(int i) {
        return Stats.median(trialsByContainer[i]);
    }

    /** The sum over the containers in each trial. */
    double[] sums() {
        int n = Arrays.stream(trialsByContainer).mapToInt(t -> t.length).min().orElse(0);
        double[] out = new double[n];
        for (double[] t : trialsByContainer) {
            for (int k = 0; k < n; k++) {
                out[k] += t[k];
            }
        }
        return out;
    }

    /** The median over the trials of the sum over the containers. */
    double total() {
        return Stats.median(sums());
    }

    /** Half the range of the trials' sums, relative to their median: how far apart repeated runs lay. */
    double spread() {
        double[] s = sums();
        double lo = Arrays.stream(s).min().orElse(0);
        double hi = Arrays.stream(s).max().orElse(0);
        double m = total();
        return m > 0 ? (hi - lo) / 2 / m : 0;
    }

    /** Container {@code i}'s half range relative to its median. */
    double spread(int i) {
        double[] t = trialsByContainer[i];
        double m = median(i);
        return m > 0 ? (Arrays.stream(t).max().orElse(0) - Arrays.stream(t).min().orElse(0)) / 2 / m : 0;
    }
}
