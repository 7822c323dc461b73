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
     * @throws ConfigError if {@code earlier} is a result of another scenario or seed, or says it
     *                     was made otherwise (other overrides, trials, duration, sizes or timing):
     *                     its points would pass for this sweep's, or be dropped from the file
     */
    public static Resumed from(SweepPlan plan, Made made, Result earlier, String file) {
        if (earlier.made() != null && !earlier.made().equals(made)) {
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
        for (Unit u : plan.units()) {
            List<Point> own = new ArrayList<>();
            for (Point p : earlier.points()) {
                if (u.owns(p)) {
                    own.add(p);
                }
            }
            if (!own.isEmpty()) {
                found.put(u, own);
            }
        }
        return new Resumed(found);
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
