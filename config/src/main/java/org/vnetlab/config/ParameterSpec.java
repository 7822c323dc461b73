package org.vnetlab.config;

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
 */
public record ParameterSpec(String key, Provenance provenance, String basis, double min, double max, String unit,
                            boolean flag) {

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
        ENGINE
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** The valid range as reference.conf states it, e.g. {@code 100 to 10000 ns} or {@code true or false}. */
    public String range() {
        if (flag) {
            return "true or false";
        }
        return number(min) + " to " + number(max) + (unit.isEmpty() ? "" : " " + unit);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
