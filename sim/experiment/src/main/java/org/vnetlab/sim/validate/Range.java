package org.vnetlab.sim.validate;

import java.util.Locale;

/** An interval a checked quantity must lie in; either end may be open or unbounded. */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static Range between(double min, double max) {
        return new Range(min, true, max, true);
    }

    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    public static Range atMost(double max) {
        return new Range(Double.NEGATIVE_INFINITY, false, max, true);
    }

    public static Range below(double max) {
        return new Range(Double.NEGATIVE_INFINITY, false, max, false);
    }

    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    public boolean contains(double v) {
        boolean lo = minInclusive ? v >= min : v > min;
        boolean hi = maxInclusive ? v <= max : v < max;
        return lo && hi;
    }

    /** How far {@code v} lies outside (0 inside). */
    public double distance(double v) {
        if (contains(v)) {
            return 0;
        }
        return v < min || (v == min && !minInclusive) ? min - v : v - max;
    }

    public String describe(String format) {
        boolean noMin = min == Double.NEGATIVE_INFINITY;
        boolean noMax = max == Double.POSITIVE_INFINITY;
        if (noMin) {
            return (maxInclusive ? "<= " : "< ") + fmt(format, max);
        }
        if (noMax) {
            return (minInclusive ? ">= " : "> ") + fmt(format, min);
        }
        return fmt(format, min) + " .. " + fmt(format, max);
    }

    private static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }
}
