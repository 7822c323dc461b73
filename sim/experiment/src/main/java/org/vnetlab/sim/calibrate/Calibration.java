package org.vnetlab.sim.calibrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ParameterSpec;
import org.vnetlab.config.ParameterSpecs;
import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.ScenarioRef;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Validator;

/**
 * Fits model parameters to a dataset: minimises the sum of squared residuals of the dataset's
 * checks (each residual in units of its tolerance) over scale factors of the chosen parameters,
 * with Commons Math's derivative-free optimisers: BOBYQA for two or more parameters, Brent's
 * method for one (BOBYQA needs at least two) after a coarse scan. Every candidate runs the same simulations with the
 * same seeds (common random numbers), so the objective moves only with the parameters. Of
 * candidates that fit equally well, the one closest to the start wins.
 */
public final class Calibration {

    /**
     * Smallest and largest scale factor a parameter may take relative to its start; a fit also
     * stays inside the parameter's valid range (its reference.conf provenance line).
     */
    public static final double MIN_SCALE = 0.25;
    public static final double MAX_SCALE = 4.0;
    /** The scale factors a one-parameter fit scans first: 0.25 to 4, a factor of sqrt(2) apart. */
    static final double[] SCAN = {0.25, 0.3536, 0.5, 0.7071, 1.0, 1.4142, 2.0, 2.8284, 4.0};
    /** BOBYQA's first step, as a scale factor: a 20 % change of each parameter. */
    static final double INITIAL_RADIUS = 0.2;
    /** The fit stops when its steps are smaller than this share of a parameter's start (0.1 %). */
    static final double STOPPING_RADIUS = 1e-3;

    /** Told after each evaluated candidate. */
    public interface Listener {
        void evaluated(int evaluation, Map<String, Double> values, double sumOfSquares);
    }

    /**
     * @param stopped why the search ended early ("" when it converged)
     */
    /**
     * @param unmoved the keys the dataset cannot pin: every candidate that moved one of them alone
     *                scored as the start did (no check of the dataset reaches it, or each it reaches
     *                is a range that holds throughout)
     */
    public record Fit(List<String> keys, Map<String, Double> start, Map<String, Double> fitted, Validation atStart,
                      Validation atFit, int evaluations, String stopped, List<String> unmoved) {

        /**
         * The fitted parameters that ended at the edge of their valid range: a fit pressed
         * against a physical bound says a mechanism is missing, not that the bound is wrong.
         */
        public List<String> atRangeEdge() {
            List<String> edge = new ArrayList<>();
            for (String k : keys) {
                ParameterSpecs.bundled().get(k).ifPresent(s -> {
                    double v = fitted.get(k);
                    double tolerance = (s.max() - s.min()) * 1e-3;
                    if (v <= s.min() + tolerance || v >= s.max() - tolerance) {
                        edge.add(k);
                    }
                });
            }
            return edge;
        }
    }

    private final Validator validator;
    private final Dataset dataset;
    private final ScenarioSet base;
    private final Map<ScenarioRef, List<RunSpec>> plan;
    private final RunPool.Progress progress;
    private final BooleanSupplier cancelled;

    public Calibration(Validator validator, Dataset dataset, ScenarioSet base, Map<ScenarioRef, List<RunSpec>> plan,
                       RunPool.Progress progress, BooleanSupplier cancelled) {
        this.validator = validator;
        this.dataset = dataset;
        this.base = base;
        this.plan = plan;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /**
     * The fewest evaluations {@code --max-evaluations} may allow a fit of {@code keys} parameters
     * (besides the one at the start): the scan of one parameter or BOBYQA's interpolation points,
     * then one step.
     */
    static int minimumEvaluations(int keys) {
        return (keys == 1 ? SCAN.length : 2 * keys + 1) + 1;
    }

    /** Fails with one line naming --max-evaluations when it is below {@link #minimumEvaluations}. */
    public static void checkEvaluations(int keys, int maxEvaluations) {
        int fewest = minimumEvaluations(keys);
        if (maxEvaluations < fewest) {
            throw new ConfigError("--max-evaluations " + maxEvaluations + ": a fit of " + keys + " parameter"
                    + (keys == 1 ? "" : "s") + " takes at least " + fewest + " evaluations");
        }
    }

    public Fit fit(List<String> keys, int maxEvaluations, Listener listener) throws InterruptedException {
        checkEvaluations(keys.size(), maxEvaluations);
        ModelParameters p = base.scenarios().values().iterator().next().parameters();
        double[] start = keys.stream().mapToDouble(p::get).toArray();
        Search search = new Search(keys, start, listener);
        Validation atStart = search.evaluate(ones(keys.size()));
        String stopped = "";
        try {
            double[] lo = new double[keys.size()];
            double[] hi = new double[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                ParameterSpec spec = ParameterSpecs.bundled().get(keys.get(i)).orElse(null);
                lo[i] = Math.max(MIN_SCALE, spec == null ? 0 : spec.min() / start[i]);
                hi[i] = Math.min(MAX_SCALE, spec == null ? Double.POSITIVE_INFINITY : spec.max() / start[i]);
            }
            if (keys.size() == 1) {
                SearchInterval bracket = scan(search, lo[0], hi[0]);
                new BrentOptimizer(STOPPING_RADIUS, STOPPING_RADIUS / 10).optimize(
                        new MaxEval(Math.max(1, maxEvaluations - SCAN.length)),
                        new UnivariateObjectiveFunction(x -> search.objective(new double[] {x})), GoalType.MINIMIZE,
                        bracket);
            } else {
                new BOBYQAOptimizer(2 * keys.size() + 1, INITIAL_RADIUS, STOPPING_RADIUS).optimize(
                        new MaxEval(maxEvaluations), new ObjectiveFunction(search::objective), GoalType.MINIMIZE,
                        new InitialGuess(ones(keys.size())), new SimpleBounds(lo, hi));
            }
        } catch (TooManyEvaluationsException e) {
            stopped = "stopped after " + maxEvaluations + " evaluations";
        } catch (Stopped e) {
            stopped = "stopped by the user";
        }
        return new Fit(keys, values(keys, start, ones(keys.size())), values(keys, start, search.best),
                atStart, search.bestValidation, search.evaluations, stopped, search.unmoved(atStart.sumOfSquares()));
    }

    /**
     * One parameter: first a scan of scale factors a factor of sqrt(2) apart, so Brent's method
     * starts inside the valley of the best one and not on a plateau where another part of the
     * model is the limit. Only factors within {@code [lo, hi]} (the valid range) are tried.
     */
    private static SearchInterval scan(Search search, double lo, double hi) {
        double[] factors = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(lo),
                java.util.stream.DoubleStream.concat(java.util.Arrays.stream(SCAN).filter(f -> f > lo && f < hi),
                        java.util.stream.DoubleStream.of(hi))).distinct().toArray();
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < factors.length; i++) {
            double v = search.objective(new double[] {factors[i]});
            if (v < bestValue || v == bestValue && Math.abs(Math.log(factors[i])) < Math.abs(Math.log(factors[best]))) {
                bestValue = v;
                best = i;
            }
        }
        return new SearchInterval(factors[Math.max(0, best - 1)], factors[Math.min(factors.length - 1, best + 1)],
                factors[best]);
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0);
        return x;
    }

    private static Map<String, Double> values(List<String> keys, double[] start, double[] scale) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), start[i] * scale[i]);
        }
        return m;
    }

    /** The objective with a memory of every candidate and the best one. */
    private final class Search {
        private final List<String> keys;
        private final double[] start;
        private final Listener listener;
        private final Map<List<Double>, Validation> seen = new HashMap<>();
        private double[] best;
        private Validation bestValidation;
        private int evaluations;

        Search(List<String> keys, double[] start, Listener listener) {
            this.keys = keys;
            this.start = start;
            this.listener = listener;
        }

        double objective(double[] x) {
            try {
                return evaluate(x).sumOfSquares();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }

        Validation evaluate(double[] x) throws InterruptedException {
            List<Double> key = new ArrayList<>();
            for (double v : x) {
                key.add(v);
            }
            Validation cached = seen.get(key);
            if (cached != null) {
                return cached;
            }
            if (cancelled.getAsBoolean()) {
                throw new Stopped();
            }
            Map<String, Double> values = values(keys, start, x);
            Validation v = validator.validate(dataset, base.with(values), plan, progress, cancelled);
            if (cancelled.getAsBoolean()) {
                throw new Stopped();
            }
            evaluations++;
            seen.put(key, v);
            if (bestValidation == null || v.sumOfSquares() < bestValidation.sumOfSquares()
                    || v.sumOfSquares() == bestValidation.sumOfSquares() && change(x) < change(best)) {
                best = x.clone();
                bestValidation = v;
            }
            listener.evaluated(evaluations, values, v.sumOfSquares());
            return v;
        }

        /** The keys every candidate that moved them alone scored {@code atStart}; none when never so moved. */
        List<String> unmoved(double atStart) {
            List<String> unmoved = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                boolean tried = false;
                boolean moved = false;
                for (Map.Entry<List<Double>, Validation> e : seen.entrySet()) {
                    if (alone(e.getKey(), i)) {
                        tried = true;
                        moved |= e.getValue().sumOfSquares() != atStart;
                    }
                }
                if (tried && !moved) {
                    unmoved.add(keys.get(i));
                }
            }
            return unmoved;
        }

        /** Whether candidate {@code x} moved key {@code i} and no other from the start. */
        private static boolean alone(List<Double> x, int i) {
            for (int j = 0; j < x.size(); j++) {
                if ((x.get(j) != 1.0) != (j == i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * How far a candidate moved from the start: the sum of squared log scale factors. Among
     * candidates that fit equally well (facts are ranges, so many may fit perfectly) the fit keeps
     * the one that changed the parameters least.
     */
    private static double change(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.log(v) * Math.log(v);
        }
        return sum;
    }

    /** Ends the search early (the user stopped it); the best candidate so far is the answer. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
