package org.vnetlab.sim.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.sim.experiment.CreditAccounting;

/**
 * What a dataset says the model must reproduce. Checks are data: a published or measured value
 * ({@link Target}), a fact that must hold at every payload of a range ({@link Holds}), the
 * payload at which a quantity first falls under a threshold ({@link Crossing}), or a state of
 * the credit scheduler during a run ({@link Accounting}); any of them under the source it comes
 * from ({@link Cited}).
 */
public sealed interface Check {

    String label();

    /** The series the model must simulate for this check. */
    List<Series> needs();

    /** True when the check reads every payload size of its series, not one point. */
    boolean sweeps();

    Verdict judge(Simulated sim);

    /**
     * A value at one point, within a tolerance.
     *
     * @param payload the point's payload size, or null for a series with one point (TCP, RTT)
     */
    record Target(String label, Series series, Integer payload, double value, Tolerance tolerance) implements Check {

        public List<Series> needs() {
            return List.of(series);
        }

        public boolean sweeps() {
            return false;
        }

        public Verdict judge(Simulated sim) {
            String unit = series.metric().unit();
            String expected = num(value) + " " + unit;
            OptionalDouble m = sim.value(series, payload);
            if (m.isEmpty()) {
                return missing(label, expected, tolerance.describe(unit), series);
            }
            double model = m.getAsDouble();
            double diff = model - value;
            String error = tolerance.relative() > 0 || !tolerance.checked()
                    ? (value == 0 ? "" : fmt("%+.2f %%", 100 * diff / value)) : fmt("%+.2f", diff) + " " + unit;
            if (!tolerance.checked()) {
                return new Verdict(label, expected, num(model) + " " + unit, error, tolerance.describe(unit),
                        Verdict.Status.REPORTED, new double[0]);
            }
            double allowance = tolerance.allowance(value);
            return new Verdict(label, expected, num(model) + " " + unit, error, tolerance.describe(unit),
                    Math.abs(diff) <= allowance ? Verdict.Status.PASS : Verdict.Status.FAIL,
                    new double[] {diff / allowance});
        }
    }

    /**
     * A fact that holds at every payload in {@code [minPayload, maxPayload]} of each expression:
     * its value lies in {@code range}. Residuals are distances outside the range over {@code scale}.
     *
     * @param format how values print, e.g. {@code %.3f}
     */
    record Holds(String label, List<Expr> exprs, int minPayload, int maxPayload, Range range, double scale,
                 String format) implements Check {

        public Holds {
            exprs = List.copyOf(exprs);
        }

        public List<Series> needs() {
            return exprs.stream().flatMap(e -> e.series().stream()).toList();
        }

        public boolean sweeps() {
            return true;
        }

        public Verdict judge(Simulated sim) {
            String expected = range.describe(format) + payloads();
            List<Double> residuals = new ArrayList<>();
            double worstMargin = Double.NEGATIVE_INFINITY;
            String worst = null;
            boolean pass = true;
            for (Expr e : exprs) {
                for (int p : common(sim, e)) {
                    OptionalDouble v = e.at(sim, p);
                    if (v.isEmpty()) {
                        continue;
                    }
                    double x = v.getAsDouble();
                    double outside = range.distance(x);
                    pass &= range.contains(x);
                    residuals.add(outside / scale);
                    double margin = outside > 0 ? outside : -inside(x);
                    if (margin > worstMargin) {
                        worstMargin = margin;
                        Series s = e.series().get(0);
                        worst = fmt(format, x) + " (" + s.protocol() + " " + s.direction() + " " + p + " B)";
                    }
                }
            }
            if (worst == null) {
                return missing(label, expected, "", exprs.get(0).series().get(0));
            }
            return new Verdict(label, expected, worst, pass ? "" : fmt(format, worstMargin) + " outside", "",
                    pass ? Verdict.Status.PASS : Verdict.Status.FAIL,
                    residuals.stream().mapToDouble(Double::doubleValue).toArray());
        }

        private double inside(double x) {
            return Math.min(Math.abs(x - range.min()), Math.abs(range.max() - x));
        }

        private SortedSet<Integer> common(Simulated sim, Expr e) {
            SortedSet<Integer> out = null;
            for (Series s : e.series()) {
                SortedSet<Integer> p = sim.payloads(s);
                if (out == null) {
                    out = new TreeSet<>(p);
                } else {
                    out.retainAll(p);
                }
            }
            out.removeIf(p -> p < minPayload || p > maxPayload);
            return out;
        }

        private String payloads() {
            if (minPayload <= 0 && maxPayload == Integer.MAX_VALUE) {
                return "";
            }
            if (minPayload <= 0) {
                return " for <= " + maxPayload + " B";
            }
            return maxPayload == Integer.MAX_VALUE ? " for >= " + minPayload + " B"
                    : " for " + minPayload + ".." + maxPayload + " B";
        }
    }

    /**
     * The smallest payload at which {@code series} falls below {@code threshold} lies in
     * {@code payloads}. Residual: its distance outside over {@code scale} bytes.
     */
    record Crossing(String label, Series series, double threshold, Range payloads, double scale) implements Check {

        public List<Series> needs() {
            return List.of(series);
        }

        public boolean sweeps() {
            return true;
        }

        public Verdict judge(Simulated sim) {
            String expected = payloads.describe("%.0f") + " B";
            SortedSet<Integer> sizes = sim.payloads(series);
            if (sizes.isEmpty()) {
                return missing(label, expected, "", series);
            }
            Integer first = null;
            for (int p : sizes) {
                if (sim.value(series, p).getAsDouble() < threshold) {
                    first = p;
                    break;
                }
            }
            if (first == null) {
                double beyond = sizes.last() + scale;
                return new Verdict(label, expected, "none up to " + sizes.last() + " B", "", "",
                        Verdict.Status.FAIL, new double[] {payloads.distance(beyond) / scale});
            }
            double outside = payloads.distance(first);
            return new Verdict(label, expected, first + " B", outside == 0 ? "" : fmt("%.0f", outside) + " B outside",
                    "", outside == 0 ? Verdict.Status.PASS : Verdict.Status.FAIL, new double[] {outside / scale});
        }
    }

    /**
     * A published relation: a check under its source (paper, venue, figure) and the source's
     * certainty ({@code P} read in the full text, {@code A} the abstract, {@code S} a secondary
     * summary, {@code D} derived by arithmetic). An informative check is an inference, not a
     * published value: it is shown with where the model lies, never failed and never fitted.
     */
    record Cited(Check check, String source, String certainty, boolean informative) implements Check {

        public String label() {
            return check.label() + " [" + certainty + (informative ? ", inference" : "") + "; " + source + "]";
        }

        public List<Series> needs() {
            return check.needs();
        }

        public boolean sweeps() {
            return check.sweeps();
        }

        public Verdict judge(Simulated sim) {
            Verdict v = check.judge(sim);
            if (!informative || (v.status() != Verdict.Status.PASS && v.status() != Verdict.Status.FAIL)) {
                return new Verdict(label(), v.expected(), v.model(), v.error(), v.tolerance(), v.status(),
                        v.residuals());
            }
            String where = v.status() == Verdict.Status.PASS ? "inside" : v.error().isEmpty() ? "outside" : v.error();
            return new Verdict(label(), v.expected(), v.model(), where, "informative", Verdict.Status.REPORTED,
                    new double[0]);
        }
    }

    /**
     * The share of a guest's time its VCPU spends OVER (in debt) under the credit scheduler
     * during the scenario's RTT run, sampled halfway between ticks, lies in {@code range}. Its
     * judgement runs that simulation once more, watching the scheduler
     * ({@link CreditAccounting}); the dataset's RTT run of the scenario is planned as usual.
     */
    record Accounting(String label, ScenarioRef scenario, String guest, Range range) implements Check {

        public List<Series> needs() {
            return List.of(new Series(scenario, null, "ipv4", "roundtrip", guest, Metric.RTT_MEDIAN));
        }

        public boolean sweeps() {
            return false;
        }

        public Verdict judge(Simulated sim) {
            String expected = range.describe("%.3f") + " of ticks OVER";
            Scenario s = sim.scenario(scenario);
            if (s == null) {
                return missing(label, expected, "", needs().get(0));
            }
            double share = CreditAccounting.overShare(s, guest);
            double outside = range.distance(share);
            return new Verdict(label, expected, fmt("%.3f", share), outside == 0 ? "" : fmt("%.3f", outside)
                    + " outside", "", outside == 0 ? Verdict.Status.PASS : Verdict.Status.FAIL,
                    new double[] {outside / 0.01});
        }
    }

    private static Verdict missing(String label, String expected, String tolerance, Series s) {
        return new Verdict(label, expected, "not simulated: no " + (s.transport() == null ? "" : s.transport() + " ")
                + s.direction() + " " + s.metric().key() + " yet", "",
                tolerance, Verdict.Status.MISSING, new double[0]);
    }

    private static String num(double v) {
        double a = Math.abs(v);
        return fmt(a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.4f", v);
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
