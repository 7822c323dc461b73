package org.vnetlab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void smallValuesAreExact() {
        Distribution d = new Distribution(1000);
        for (int v = 1; v <= 100; v++) {
            d.record(v);
        }
        d.record(-7);
        assertEquals(101, d.count());
        assertEquals(0, d.min(), "a negative value counts as 0");
        assertEquals(100, d.max());
        assertEquals(50, d.median());
        assertEquals(90, d.percentile(90));
        assertEquals(99, d.percentile(99));
        assertEquals(50.0, d.mean(), 1e-9);
    }

    /** Nanosecond RTTs from 10 us to 20 ms: each statistic within 0.1 % of the exact one. */
    @Test
    void largeValuesAreWithinATenthOfAPercent() {
        Random r = new Random(3);
        long[] values = new long[10_000];
        Distribution d = new Distribution(1_000_000_000L);
        for (int i = 0; i < values.length; i++) {
            values[i] = 10_000 + (long) (Math.exp(r.nextDouble() * 7.6) * 10_000);
            d.record(values[i]);
        }
        double[] sorted = Arrays.stream(values).sorted().asDoubleStream().toArray();
        for (double p : new double[] {50, 90, 99}) {
            double exact = sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
            assertEquals(exact, d.percentile(p), exact * 0.001, "p" + p);
        }
        assertEquals(sorted[sorted.length - 1], d.max(), sorted[sorted.length - 1] * 0.001);
        assertEquals(Arrays.stream(sorted).average().orElseThrow(), d.mean(), d.mean() * 0.001);
        double stdev = Stats.stdev(sorted) * Math.sqrt((sorted.length - 1.0) / sorted.length);
        assertEquals(stdev, d.stdev(), stdev * 0.001);
    }

    @Test
    void mergingIsTheDistributionOfAllValues() {
        Distribution a = new Distribution(1_000_000);
        Distribution b = new Distribution(1_000_000);
        Distribution all = new Distribution(1_000_000);
        for (int v = 0; v < 1000; v++) {
            (v % 3 == 0 ? a : b).record(v * 997L);
            all.record(v * 997L);
        }
        a.add(b);
        assertEquals(all.count(), a.count());
        for (double p : new double[] {1, 50, 90, 99, 100}) {
            assertEquals(all.percentile(p), a.percentile(p), "p" + p);
        }
        assertEquals(all.stdev(), a.stdev(), 1e-9);
    }

    @Test
    void anEmptyDistributionSaysNothing() {
        Distribution d = new Distribution(10);
        assertEquals(0, d.count());
        assertEquals(0, d.median());
        assertEquals(0, d.max());
        assertTrue(Double.isNaN(d.mean()));
        assertEquals(0, d.stdev());
        d.record(5_000_000_000L);
        assertEquals(5_000_000_000L, d.max(), 5_000_000, "a value past the range grows it");
    }
}
