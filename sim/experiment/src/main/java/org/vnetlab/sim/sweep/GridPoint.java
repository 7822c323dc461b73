package org.vnetlab.sim.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of a sweep's grid: its values and the scenario settings that make it, including the
 * seed of its runs.
 *
 * @param values    grid key -> value (empty for a sweep without a grid)
 * @param overrides {@code KEY=VALUE} settings: the values, then {@code method.seed}
 */
public record GridPoint(int index, SortedMap<String, String> values, List<String> overrides) {

    public GridPoint {
        values = new TreeMap<>(values);
        overrides = List.copyOf(overrides);
    }

    /**
     * The point with its seed derived from the sweep's seed and its own values only, so no seed
     * depends on the grid's other points or on the order they run in. Without grid values the
     * sweep's seed is used as it is, so a sweep without a grid simulates what {@code sim} does.
     */
    public static GridPoint of(int index, SortedMap<String, String> values, long sweepSeed) {
        List<String> overrides = new ArrayList<>();
        values.forEach((k, v) -> overrides.add(k + "=" + v));
        overrides.add("method.seed=" + seed(sweepSeed, values));
        return new GridPoint(index, values, overrides);
    }

    static long seed(long sweepSeed, SortedMap<String, String> values) {
        if (values.isEmpty()) {
            return sweepSeed;
        }
        long h = mix(sweepSeed);
        for (var e : values.entrySet()) {
            for (byte b : (e.getKey() + "=" + e.getValue() + ";").getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * 0x100000001B3L; // FNV-1a over the sorted key=value pairs
            }
        }
        return mix(h);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
