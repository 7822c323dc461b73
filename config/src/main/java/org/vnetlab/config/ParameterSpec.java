package org.vnetlab.config;

import java.util.Optional;

/**
 * What one model parameter is, as its {@code Provenance:} line in reference.conf states it:
 * where its default comes from, the range a value must lie in, and its unit.
 *
 * @param key        the parameter's name under {@code model.} (e.g. {@code cost.bridge.per-packet-ns})
 * @param provenance where the default comes from
 * @param basis      what it was read, measured, reasoned or fitted from
 * @param min        least valid value (0 for a switch)
 * @param max        greatest valid value (1 for a switch)
 * @param unit       the unit, or empty for a factor, a count without one, or a switch
 * @param flag       whether it is a switch ({@code true or false})
 * @param stated     the plausible range its provenance line states ({@code Plausible: LOW to HIGH.}), or null
 */
public record ParameterSpec(String key, Provenance provenance, String basis, double min, double max, String unit,
                            boolean flag, Range stated) {

    /** Values from {@code low} to {@code high}, in the parameter's unit. */
    public record Range(double low, double high) {

        public Range {
            if (!(low <= high)) {
                throw new IllegalArgumentException("a range runs from low to high, got " + low + " to " + high);
            }
        }

        public boolean contains(double v) {
            return v >= low && v <= high;
        }

        @Override
        public String toString() {
            return number(low) + " to " + number(high);
        }
    }

    /** A parameter without a stated plausible range. */
    public ParameterSpec(String key, Provenance provenance, String basis, double min, double max, String unit,
                         boolean flag) {
        this(key, provenance, basis, min, max, unit, flag, null);
    }

    /** Where a default comes from, from most to least independent of the study's numbers. */
    public enum Provenance {
        /** A constant of the modelled software's source (Xen 3.0.4, Linux 2.6.16, iperf 2.0.2). */
        CODE,
        /** A published measurement of comparable hardware. */
        PUBLISHED,
        /** Computed from other known values. */
        DERIVED,
        /** Reasoned from the operations the code does (their cycles); not measured, not fitted. */
        PRIOR,
        /** Fitted with {@code vnetlab calibrate} (or by hand before it) to the study's numbers it names. */
        FITTED,
        /** A choice of configuration the study's testbed had (a binding, a mode, a scheduler variant). */
        SETTING,
        /** A setting of the simulator itself, not of the modelled system. */
        ENGINE;

        /** Whether neither a fit nor the source pins the value, so it has a plausible range. */
        public boolean unpinned() {
            return this == PRIOR || this == PUBLISHED;
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /**
     * Where the true value plausibly lies, for a parameter no fit pins (a prior or a published
     * figure): the range its provenance line states; else, for a prior (cycles counted from code,
     * not measured), half to twice {@code value}; for a published figure, a quarter either way;
     * kept inside the valid range. Empty for the kinds a fit or the source pins, and for switches.
     */
    public Optional<Range> plausible(double value) {
        if (flag || !provenance.unpinned()) {
            return Optional.empty();
        }
        if (stated != null) {
            return Optional.of(stated);
        }
        double down = provenance == Provenance.PRIOR ? 0.5 : 0.8;
        double up = provenance == Provenance.PRIOR ? 2.0 : 1.25;
        return Optional.of(new Range(Math.max(min, value * down), Math.min(max, value * up)));
    }

    /** The valid range as reference.conf states it, e.g. {@code 100 to 10000 ns} or {@code true or false}. */
    public String range() {
        if (flag) {
            return "true or false";
        }
        return number(min) + " to " + number(max) + (unit.isEmpty() ? "" : " " + unit);
    }

    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
