package org.vnetlab.sim.calibrate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.vnetlab.config.ParameterSpec;
import org.vnetlab.config.ParameterSpecs;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Verdict;

/**
 * What a dataset pins: for one parameter at a time, the others at their start, the values over
 * which every check that passes at the start still passes. Facts are ranges, so a fitted value is
 * one point of such an interval; a wide interval says the data hardly constrains the parameter,
 * and a prediction that leans on it is less certain than its point value suggests.
 *
 * <p>From the start it steps out by factors of {@value #STEP_TEXT} until a check that passed
 * fails, or the scale bounds of a fit ({@link Calibration#MIN_SCALE} to
 * {@link Calibration#MAX_SCALE}) or the parameter's valid range end the walk; the step a check
 * failed in is then bisected in log scale {@value #BISECTIONS} times, so an edge is known to
 * within a factor of about 1.09. Every candidate runs the same simulations with the same seeds.
 */
public final class ConsistentRanges {

    static final double STEP = Math.sqrt(2);
    static final String STEP_TEXT = "sqrt(2)";
    static final int BISECTIONS = 2;

    /** Judges the dataset with some parameters changed from their start. */
    public interface Judge {
        Validation validate(Map<String, Double> changed) throws InterruptedException;
    }

    /** Told of every candidate judged. */
    public interface Listener {
        void judged(String key, double value, boolean consistent);
    }

    /**
     * One parameter's interval. {@code lowBounded} says a check failed below {@code low} (else
     * {@code low} is simply the smallest value tried, and every check still passed there);
     * likewise {@code highBounded}.
     */
    public record Range(String key, double start, double low, boolean lowBounded, double high, boolean highBounded,
                        int evaluations) {
    }

    private final Judge judge;
    private final Listener listener;
    private final Set<String> passingAtStart;
    /** Candidates judged for the parameter being walked. */
    private int evaluations;

    /** @param atStart the dataset judged with every parameter at its start */
    public ConsistentRanges(Judge judge, Validation atStart, Listener listener) {
        this.judge = judge;
        this.listener = listener;
        this.passingAtStart = passing(atStart);
    }

    /** The checks an interval keeps passing: those that pass at the start. */
    public int checksHeld() {
        return passingAtStart.size();
    }

    /** The interval of {@code key}, which starts at {@code start} (above 0). */
    public Range of(String key, double start) throws InterruptedException {
        ParameterSpec spec = ParameterSpecs.bundled().get(key).orElse(null);
        double lo = Math.max(Calibration.MIN_SCALE, spec == null ? 0 : spec.min() / start);
        double hi = Math.min(Calibration.MAX_SCALE, spec == null ? Double.POSITIVE_INFINITY : spec.max() / start);
        evaluations = 0;
        Edge down = walk(key, start, 1 / STEP, lo);
        Edge up = walk(key, start, STEP, hi);
        return new Range(key, start, start * down.factor, down.bounded, start * up.factor, up.bounded, evaluations);
    }

    private record Edge(double factor, boolean bounded) {
    }

    /** Steps by {@code step} from 1 towards {@code limit}; the last consistent factor, and whether a check failed past it. */
    private Edge walk(String key, double start, double step, double limit) throws InterruptedException {
        double passed = 1;
        while (true) {
            double next = passed * step;
            boolean last = step < 1 ? next <= limit * (1 + 1e-9) : next >= limit * (1 - 1e-9);
            if (last) {
                next = limit;
            }
            if (next == passed) {
                return new Edge(passed, false);
            }
            if (!consistent(key, start * next)) {
                return new Edge(bisect(key, start, passed, next), true);
            }
            passed = next;
            if (last) {
                return new Edge(passed, false);
            }
        }
    }

    /** Narrows the edge between a consistent factor and an inconsistent one; the consistent end. */
    private double bisect(String key, double start, double consistent, double inconsistent)
            throws InterruptedException {
        for (int i = 0; i < BISECTIONS; i++) {
            double middle = Math.sqrt(consistent * inconsistent);
            if (consistent(key, start * middle)) {
                consistent = middle;
            } else {
                inconsistent = middle;
            }
        }
        return consistent;
    }

    private boolean consistent(String key, double value) throws InterruptedException {
        evaluations++;
        boolean ok = passing(judge.validate(Map.of(key, value))).containsAll(passingAtStart);
        listener.judged(key, value, ok);
        return ok;
    }

    /** The checks a validation passed. */
    private static Set<String> passing(Validation v) {
        Set<String> passed = new HashSet<>();
        for (Verdict verdict : v.verdicts()) {
            if (verdict.status() == Verdict.Status.PASS) {
                passed.add(verdict.check());
            }
        }
        return passed;
    }
}
