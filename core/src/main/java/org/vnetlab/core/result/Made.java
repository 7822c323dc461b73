package org.vnetlab.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a simulated result was made, beyond its scenario, seed, parameter file and version: the
 * scenario overrides in force, and the method actually used. Written as {@code made} in a
 * result file, so a file says how to make it again.
 *
 * @param sets            {@code KEY=VALUE} overrides, in the order given
 * @param trials          trials per point
 * @param durationSeconds simulated seconds of each direction
 * @param sizes           UDP payload sizes asked for; empty when they were the scenario's own
 * @param exact           simulated packet by packet ({@code --exact}) instead of in trains
 */
public record Made(List<String> sets, int trials, double durationSeconds, List<Integer> sizes, boolean exact) {

    public Made {
        sets = List.copyOf(sets);
        sizes = List.copyOf(sizes);
    }

    /** Made in trains, the default. */
    public Made(List<String> sets, int trials, double durationSeconds, List<Integer> sizes) {
        this(sets, trials, durationSeconds, sizes, false);
    }

    /** One line for titles: {@code --set xen.domUs=4, 7 trials of 10 s, sizes 36,1470}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        sets.forEach(s -> parts.add("--set " + s));
        parts.add(trials + (trials == 1 ? " trial" : " trials") + " of " + seconds(durationSeconds) + " s");
        if (!sizes.isEmpty()) {
            parts.add("sizes " + String.join(",", sizes.stream().map(String::valueOf).toList()));
        }
        if (exact) {
            parts.add("exact");
        }
        return String.join(", ", parts);
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%s", s);
    }
}
