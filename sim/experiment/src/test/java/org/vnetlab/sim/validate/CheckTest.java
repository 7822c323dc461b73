package org.vnetlab.sim.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/** The check family judged on hand-made results: edges of ranges, worst points, crossings. */
class CheckTest {

    static final ScenarioRef XEN = ScenarioRef.of("xen-single");
    static final Series CPU = Series.udp(XEN, "ipv4", "tx", Metric.cpu("domU1"));

    static Simulated sim(double... cpuBySize) {
        List<Point> points = new ArrayList<>();
        int[] sizes = {600, 700, 800, 900};
        for (int i = 0; i < cpuBySize.length; i++) {
            points.add(Point.builder().transport("udp").protocol("ipv4").direction("tx").payload(sizes[i])
                    .guest("domU1").throughputMbps(500.0).cpuPercent(Map.of("domU1", cpuBySize[i])).build());
        }
        return new Simulated(Map.of(), Map.of(XEN, new Result("sim", "xen-single", 1, "v", "p", points)));
    }

    @Test
    void rangesHaveOpenAndClosedEnds() {
        assertTrue(Range.atLeast(95).contains(95));
        assertFalse(Range.below(1.0).contains(1.0));
        assertEquals(0.5, Range.between(8, 12).distance(12.5), 1e-12);
        assertEquals(2.0, Range.between(8, 12).distance(6), 1e-12);
    }

    @Test
    void holdsReportsTheWorstPointAndFailsOnIt() {
        Check.Holds h = new Check.Holds("domU saturated", List.of(new Expr.Of(CPU)), 0, 700, Range.atLeast(95), 1,
                "%.1f");
        Verdict ok = h.judge(sim(100, 96, 50, 40));
        assertEquals(Verdict.Status.PASS, ok.status());
        assertTrue(ok.model().startsWith("96.0"), ok.model());
        Verdict bad = h.judge(sim(100, 93, 50, 40));
        assertEquals(Verdict.Status.FAIL, bad.status());
        assertEquals(2.0, bad.residuals()[1], 1e-12);
    }

    @Test
    void aStrictBoundFailsAtTheEdge() {
        Check.Holds h = new Check.Holds("below", List.of(new Expr.Of(CPU)), 0, 700, Range.below(96), 1, "%.1f");
        assertEquals(Verdict.Status.FAIL, h.judge(sim(90, 96)).status());
    }

    @Test
    void crossingFindsTheFirstPayloadUnderTheThreshold() {
        Check.Crossing c = new Check.Crossing("first < 95", CPU, 95, Range.between(750, 850), 50);
        Verdict at800 = c.judge(sim(100, 100, 90, 80));
        assertEquals("800 B", at800.model());
        assertEquals(Verdict.Status.PASS, at800.status());
        Verdict at700 = c.judge(sim(100, 94, 90, 80));
        assertEquals(Verdict.Status.FAIL, at700.status());
        assertEquals(1.0, at700.residuals()[0], 1e-12);
        assertEquals(Verdict.Status.FAIL, c.judge(sim(100, 100, 100, 100)).status());
    }

    @Test
    void aMissingSeriesIsMissingNotPassed() {
        Series other = Series.udp(ScenarioRef.of("native"), "ipv4", "rx", Metric.THROUGHPUT);
        Verdict v = new Check.Target("t", other, 36, 185, Tolerance.relative(0.02)).judge(sim(100));
        assertEquals(Verdict.Status.MISSING, v.status());
        assertTrue(v.failed());
    }

    @Test
    void targetsComparWithinTheirTolerance() {
        Series tp = Series.udp(XEN, "ipv4", "tx", Metric.THROUGHPUT);
        assertEquals(Verdict.Status.PASS,
                new Check.Target("t", tp, 600, 505, Tolerance.relative(0.01)).judge(sim(100)).status());
        assertEquals(Verdict.Status.FAIL,
                new Check.Target("t", tp, 600, 506, Tolerance.relative(0.01)).judge(sim(100)).status());
        assertEquals(Verdict.Status.REPORTED,
                new Check.Target("t", tp, 600, 1, Tolerance.REPORTED).judge(sim(100)).status());
    }
}
