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

    /** Nanosecond RTTs from 10 us to 20 ms: each percentile within 0.1 % of the exact one, the rest exact. */
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
        assertEquals(sorted[sorted.length - 1], d.max());
        assertEquals(sorted[0], d.min());
        assertEquals(Arrays.stream(sorted).average().orElseThrow(), d.mean(), d.mean() * 1e-12);
        double stdev = Stats.stdev(sorted) * Math.sqrt((sorted.length - 1.0) / sorted.length);
        assertEquals(stdev, d.stdev(), stdev * 1e-9);
    }

    /**
     * The standard deviation of values that differ by less than the histogram keeps (73,300 ns
     * give buckets of 64 ns) is the values' own: the model's measurements of one RTT path differ
     * by tens of nanoseconds, which bucket midpoints turned into 0 or 64.
     */
    @Test
    void aSpreadFinerThanTheHistogramsBucketsIsKept() {
        Distribution d = new Distribution(1_000_000);
        long[] values = {73_301, 73_305, 73_310, 73_302, 73_330};
        for (long v : values) {
            d.record(v);
        }
        double[] asDoubles = Arrays.stream(values).asDoubleStream().toArray();
        double stdev = Stats.stdev(asDoubles) * Math.sqrt((values.length - 1.0) / values.length);
        assertEquals(stdev, d.stdev(), 1e-9);
        assertEquals(73_309.6, d.mean(), 1e-9);
    }

    @Test
    void oneValueIsEveryStatistic() {
        Distribution d = new Distribution(1_000_000);
        d.record(123_457);
        for (double p : new double[] {0, 50, 90, 99, 100}) {
            assertEquals(123_457, d.percentile(p), "p" + p);
        }
        assertEquals(123_457, d.min());
        assertEquals(123_457, d.max());
        assertEquals(123_457.0, d.mean());
        assertEquals(0, d.stdev());
        d.clear();
        assertEquals(0, d.count());
        d.record(7);
        assertEquals(7, d.min(), "clear forgets the extremes");
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
        assertEquals(all.stdev(), a.stdev(), all.stdev() * 1e-12);
        assertEquals(all.mean(), a.mean(), all.mean() * 1e-12);
        assertEquals(all.min(), a.min());
        assertEquals(all.max(), a.max());
        a.add(new Distribution(10));
        assertEquals(all.count(), a.count(), "an empty part adds nothing");
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
