package org.vnetlab.sim.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;

/**
 * The grid of a sweep: scenario keys, each with the values to try. Its points are the cartesian
 * product of the axes, the first axis varying slowest, each axis's values in the order given.
 */
public record Grid(List<Axis> axes) {

    /** The most grid points one sweep takes. */
    public static final int MAX_POINTS = 10_000;

    /** One scenario key and its values, as HOCON literals ({@code 2}, {@code 1.5}, {@code 100 Mbit/s}). */
    public record Axis(String key, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public Grid {
        axes = List.copyOf(axes);
    }

    /**
     * Parses {@code --grid KEY=V1,V2,...} arguments and checks every key against the scenario keys
     * the loader knows.
     *
     * @throws ConfigError naming the flag and the key
     */
    public static Grid parse(List<String> specs, ScenarioLoader loader) {
        List<Axis> axes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new ConfigError("--grid " + spec + ": expected KEY=V1,V2,..., e.g. --grid host.cpus=1,2,4");
            }
            String key = spec.substring(0, eq).trim();
            List<String> values = Arrays.stream(spec.substring(eq + 1).split(",", -1)).map(String::trim).toList();
            if (values.stream().anyMatch(String::isEmpty)) {
                throw new ConfigError("--grid " + spec + ": " + key + ": values must be non-empty and distinct");
            }
            // the key exists and takes a value (xen.domU, a group of keys, does not); 1 and 1.0 are one value
            Set<Object> distinct = new LinkedHashSet<>();
            for (String v : values) {
                Object value = loader.override(key, v, "--grid " + spec).getValue(key).unwrapped();
                if (!distinct.add(value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : value)) {
                    throw new ConfigError("--grid " + spec + ": " + key + ": values must be non-empty and distinct ("
                            + v + " repeats a value before it)");
                }
            }
            if (!seen.add(key)) {
                throw new ConfigError("--grid " + spec + ": " + key + ": given twice; list all its values in one --grid");
            }
            axes.add(new Axis(key, values));
        }
        long points = 1;
        for (Axis a : axes) {
            points = Math.min(points * a.values().size(), Long.MAX_VALUE / MAX_POINTS);
        }
        if (points > MAX_POINTS) {
            // every grid point's scenario is loaded and checked before the first run: millions fill the heap
            throw new ConfigError("--grid: " + String.join(" x ", axes.stream().map(a -> a.key() + " ("
                    + a.values().size() + ")").toList()) + " is more than " + MAX_POINTS + " grid points; split the"
                    + " sweep into parts or make the grid coarser");
        }
        return new Grid(axes);
    }

    /** Every point of the grid, in order; one empty point for a grid without axes. */
    public List<SortedMap<String, String>> points() {
        List<SortedMap<String, String>> points = new ArrayList<>();
        points.add(new TreeMap<>());
        for (Axis axis : axes) {
            List<SortedMap<String, String>> next = new ArrayList<>();
            for (SortedMap<String, String> p : points) {
                for (String v : axis.values()) {
                    SortedMap<String, String> q = new TreeMap<>(p);
                    q.put(axis.key(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** How many points the grid has. */
    public int size() {
        return axes.stream().mapToInt(a -> a.values().size()).reduce(1, Math::multiplyExact);
    }
}
