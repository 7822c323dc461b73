package org.vnetlab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void medianAndStdev() {
        assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}));
        assertEquals(1.0, Stats.stdev(new double[] {1, 2, 3}), 1e-12);
        assertEquals(0.0, Stats.stdev(new double[] {5}));
        assertEquals(9.1, Stats.percentile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 1e-9);
    }

    @Test
    void jitterFollowsRfc3550() {
        InterarrivalJitter j = new InterarrivalJitter();
        assertEquals(0.0, j.add(0, 100));
        // the second packet arrives 16 ns later than its spacing: D = 16, J = 16/16 = 1
        assertEquals(1.0, j.add(1000, 1116), 1e-12);
        // a steady stream decays the estimate by 15/16 per packet
        assertEquals(15.0 / 16.0, j.add(2000, 2116), 1e-12);
    }

    @Test
    void cpuLoadTakesTheMedianOfTheMiddleSamples() {
        double[] samples = {0, 50, 90, 100, 95, 99, 98, 10, 0, 0};
        // middle five: indices 2..6 -> 90, 100, 95, 99, 98 -> median 98
        assertEquals(98.0, CpuLoadMethod.middleMedian(samples, 5));
        assertEquals(50.0, CpuLoadMethod.middleMedian(new double[] {50}, 5));
    }
}
