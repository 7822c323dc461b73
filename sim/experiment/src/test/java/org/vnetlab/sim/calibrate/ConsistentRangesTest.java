package org.vnetlab.sim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Verdict;

/**
 * The interval of values a dataset allows, on judges whose checks pass in known intervals: the
 * walk finds each edge a check sets to within a bisected step, says when no check bounded a side,
 * and holds only the checks that passed at the start.
 */
class ConsistentRangesTest {

    private static final String KEY = "cost.socket.rx-per-packet-ns";

    /** Check "a" passes for values in [lo, hi]; check "b" never passes (a known miss). */
    private static ConsistentRanges.Judge passingBetween(double lo, double hi, List<Double> judged) {
        return changed -> {
            double v = changed.getOrDefault(KEY, 900.0);
            judged.add(v);
            return validation(v >= lo && v <= hi);
        };
    }

    private static Validation validation(boolean aPasses) {
        return new Validation(new Dataset("synthetic", List.of()), List.of(
                new Verdict("a", "", "", "", "", aPasses ? Verdict.Status.PASS : Verdict.Status.FAIL, new double[0]),
                new Verdict("b", "", "", "", "", Verdict.Status.FAIL, new double[0])));
    }

    @Test
    void eachEdgeIsWhereACheckThatPassedFailsToWithinABisectedStep() throws Exception {
        List<Double> judged = new ArrayList<>();
        ConsistentRanges.Judge judge = passingBetween(500, 1500, judged);
        ConsistentRanges ranges = new ConsistentRanges(judge, judge.validate(Map.of()), (k, v, ok) -> { });
        ConsistentRanges.Range r = ranges.of(KEY, 900);
        assertTrue(r.lowBounded() && r.highBounded(), r.toString());
        // consistent ends, no further than a quarter of a sqrt(2) step (in log scale) inside the true edges
        double quarterStep = Math.pow(2, 0.125);
        assertTrue(r.low() >= 500 && r.low() <= 500 * quarterStep, r.toString());
        assertTrue(r.high() <= 1500 && r.high() >= 1500 / quarterStep, r.toString());
        assertEquals(900, r.start());
        assertEquals(judged.size() - 1, r.evaluations(), "one judgement per evaluation, the start's aside");
        assertEquals(1, ranges.checksHeld(), "b fails at the start, so it bounds nothing");
    }

    @Test
    void aSideNoCheckBoundsEndsAtTheScaleOrValidRangeAndSaysSo() throws Exception {
        List<Double> judged = new ArrayList<>();
        ConsistentRanges.Judge judge = passingBetween(0, 2000, judged);
        ConsistentRanges.Range r = new ConsistentRanges(judge, judge.validate(Map.of()), (k, v, ok) -> { }).of(KEY, 900);
        assertFalse(r.lowBounded(), r.toString());
        assertEquals(900 * Calibration.MIN_SCALE, r.low(), 1e-9);
        assertTrue(r.highBounded(), r.toString());
        assertTrue(r.high() <= 2000 && r.high() > 1800, r.toString());
        assertEquals(judged.size(), judged.stream().distinct().count(), "no value judged twice");
    }

    @Test
    void aParameterTheChecksCannotSeeIsUnboundedBothWays() throws Exception {
        List<Double> judged = new ArrayList<>();
        ConsistentRanges.Judge judge = passingBetween(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, judged);
        ConsistentRanges.Range r = new ConsistentRanges(judge, judge.validate(Map.of()), (k, v, ok) -> { }).of(KEY, 900);
        assertFalse(r.lowBounded());
        assertFalse(r.highBounded());
        assertEquals(900 * Calibration.MIN_SCALE, r.low(), 1e-9);
        assertEquals(900 * Calibration.MAX_SCALE, r.high(), 1e-9);
        assertEquals(8, r.evaluations(), "four steps of sqrt(2) each way to a factor of 4");
    }
}
