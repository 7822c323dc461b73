package org.vnetlab.sim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;

/**
 * Every run of a sweep: the grid points times the runs {@link Experiment#plan} makes of each
 * (sizes, protocols, directions, trials), grouped into the units that become result points.
 *
 * @param base         the scenario as loaded (with --set and --params), before grid values
 * @param scenarioText {@code base} as complete HOCON: what every run, local or remote, loads
 * @param seed         the sweep's seed (the base scenario's method.seed)
 * @param units        in result order: grid point, then transport, protocol, direction, payload
 */
public record SweepPlan(LoadedScenario base, String scenarioText, long seed, List<GridPoint> points,
                        List<Unit> units, List<WorkItem> items) {

    public SweepPlan {
        points = List.copyOf(points);
        units = List.copyOf(units);
        items = List.copyOf(items);
    }

    /**
     * Plans the sweep, loading every grid point's scenario once to check its values.
     *
     * @throws ConfigError naming the grid key for a value the scenario does not accept
     */
    public static SweepPlan of(ScenarioLoader loader, LoadedScenario base, Grid grid, SimOptions options) {
        String text = base.render();
        long seed = base.scenario().method().seed();
        List<GridPoint> points = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        List<WorkItem> items = new ArrayList<>();
        String firstEmpty = null;
        try (ScenarioCache cache = new ScenarioCache(loader, text)) {
            checkValues(cache, grid);
            for (SortedMap<String, String> values : grid.points()) {
                GridPoint point = GridPoint.of(points.size(), values, seed);
                points.add(point);
                Scenario s = cache.get(point.overrides());
                List<String> guests = new ArrayList<>(s.platform().guestNames());
                guests.add(Experiment.SUM);
                List<RunSpec> specs = new ArrayList<>(Experiment.plan(s, options));
                if (specs.isEmpty() && firstEmpty == null) {
                    firstEmpty = "--grid point " + values + ": the scenario " + Experiment.whyNothingToRun(s, options);
                }
                specs.sort(Unit.ORDER.thenComparingInt(RunSpec::trial));
                List<Integer> unitItems = new ArrayList<>();
                for (int i = 0; i < specs.size(); i++) {
                    RunSpec spec = specs.get(i);
                    items.add(new WorkItem(items.size(), 0, point.overrides(), spec));
                    unitItems.add(items.size() - 1);
                    if (i + 1 == specs.size() || !Unit.sameUnit(spec, specs.get(i + 1))) {
                        units.add(new Unit(point, specs.get(i + 1 - unitItems.size()), unitItems, guests));
                        unitItems = new ArrayList<>();
                    }
                }
            }
        }
        if (firstEmpty != null && !items.isEmpty()) {
            // a grid value that leaves nothing to run would vanish from the result; when no point
            // runs anything, the options are the cause, which the command says
            throw new ConfigError(firstEmpty);
        }
        return new SweepPlan(base, text, seed, points, units, items);
    }

    /** Loads the scenario with each grid value alone, so a bad value is reported with its key. */
    private static void checkValues(ScenarioCache cache, Grid grid) {
        for (Grid.Axis axis : grid.axes()) {
            for (String v : axis.values()) {
                try {
                    cache.get(List.of(axis.key() + "=" + v));
                } catch (ConfigError e) {
                    throw new ConfigError("--grid " + axis.key() + "=" + String.join(",", axis.values()) + ": "
                            + axis.key() + " = " + v + ": " + reason(e.getMessage(), axis.key()));
                }
            }
        }
    }

    /** The loader's message without the place it names (a temporary file or the --set flag). */
    private static String reason(String message, String key) {
        int at = message.indexOf(key + ": ");
        return at >= 0 ? message.substring(at + key.length() + 2) : message;
    }

    /** The name of the sweep's scenario. */
    public String scenarioName() {
        return base.scenario().name();
    }
}
