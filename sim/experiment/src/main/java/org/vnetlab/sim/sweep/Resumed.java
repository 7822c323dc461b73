package org.vnetlab.sim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.ConfigError;
import org.vnetlab.core.result.Made;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/** The units of a sweep that an earlier result file already holds, with its points for them. */
public final class Resumed {

    private final Map<Unit, List<Point>> points;

    private Resumed(Map<Unit, List<Point>> points) {
        this.points = points;
    }

    public static Resumed nothing() {
        return new Resumed(Map.of());
    }

    /**
     * The units of {@code plan}, made as {@code made} says, that {@code earlier} has points for.
     *
     * @throws ConfigError if {@code earlier} is not a simulation's result, is of another scenario
     *                     or seed, does not say how it was made or says it was made otherwise
     *                     (other overrides, trials, duration, sizes or timing), or holds a point
     *                     this sweep does not make: its points would pass for this sweep's, or be
     *                     dropped from the file
     */
    public static Resumed from(SweepPlan plan, Made made, Result earlier, String file) {
        if (!earlier.mode().equals("sim") || earlier.made() == null) {
            // a measurement, or a file whose made block was removed, was adopted and relabelled
            throw new ConfigError("--resume " + file + ": " + (earlier.made() == null
                    ? "it does not say how it was made (no 'made' block), so its points cannot be taken as this"
                    + " sweep's" : "it is a result of " + earlier.mode() + ", not of a simulated sweep"));
        }
        if (!earlier.made().equals(made)) {
            throw new ConfigError("--resume " + file + ": it was made with " + earlier.made().describe()
                    + "; this sweep is made with " + made.describe() + ": resume with the same --set, --trials,"
                    + " --duration, --sizes and --exact, or write the sweep to a new file");
        }
        if (!earlier.scenario().equals(plan.scenarioName()) || earlier.seed() != plan.seed()
                || !earlier.parameters().equals(plan.base().parameters())) {
            throw new ConfigError("--resume " + file + ": it holds scenario " + earlier.scenario() + ", seed "
                    + earlier.seed() + ", parameters " + earlier.parameters() + "; this sweep is scenario "
                    + plan.scenarioName() + ", seed " + plan.seed() + ", parameters " + plan.base().parameters());
        }
        Map<Unit, List<Point>> found = new LinkedHashMap<>();
        for (Point p : earlier.points()) {
            Unit owner = plan.units().stream().filter(u -> u.owns(p)).findFirst().orElseThrow(() -> new ConfigError(
                    "--resume " + file + ": it holds a point this sweep does not make (" + describe(p)
                            + "): resume the sweep that wrote it, or write this one to a new file"));
            if (!owner.guests().contains(p.guest())) {
                throw new ConfigError("--resume " + file + ": it holds a point of guest '" + p.guest() + "' ("
                        + describe(p) + "), which this sweep's scenario does not have");
            }
            found.computeIfAbsent(owner, u -> new ArrayList<>()).add(p);
        }
        // in the plan's order, as the file is written again
        Map<Unit, List<Point>> ordered = new LinkedHashMap<>();
        for (Unit u : plan.units()) {
            if (found.containsKey(u)) {
                ordered.put(u, found.get(u));
            }
        }
        return new Resumed(ordered);
    }

    private static String describe(Point p) {
        return p.transport() + " " + p.protocol() + " " + p.direction() + " " + p.payload() + " B"
                + (p.grid().isEmpty() ? "" : " at " + p.grid());
    }

    public boolean has(Unit u) {
        return points.containsKey(u);
    }

    public List<Point> points(Unit u) {
        return points.getOrDefault(u, List.of());
    }

    public int units() {
        return points.size();
    }
}
