package org.vnetlab.sim.validate;

import java.util.Locale;

/**
 * How far a model value may be from a target value: the larger of a fraction of the target and
 * an absolute amount (CPU percentages near zero need the latter). Both zero means the value is
 * reported, not checked (the study's standard deviations).
 */
public record Tolerance(double relative, double absolute) {

    public static final Tolerance REPORTED = new Tolerance(0, 0);

    public static Tolerance relative(double fraction) {
        return new Tolerance(fraction, 0);
    }

    public static Tolerance absolute(double amount) {
        return new Tolerance(0, amount);
    }

    public boolean checked() {
        return relative > 0 || absolute > 0;
    }

    /** The allowed absolute deviation from {@code target}. */
    public double allowance(double target) {
        return Math.max(relative * Math.abs(target), absolute);
    }

    public String describe(String unit) {
        if (!checked()) {
            return "reported";
        }
        if (relative > 0 && absolute == 0) {
            return String.format(Locale.ROOT, "±%s %%", trim(100 * relative));
        }
        if (relative == 0) {
            return String.format(Locale.ROOT, "±%s %s", trim(absolute), unit);
        }
        return String.format(Locale.ROOT, "±%s %% or %s %s", trim(100 * relative), trim(absolute), unit);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
