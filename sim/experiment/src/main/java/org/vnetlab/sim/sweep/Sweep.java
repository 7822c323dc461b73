package org.vnetlab.sim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.BooleanSupplier;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunResult;

/**
 * Runs a planned sweep on an executor and assembles its result: one point per guest (and their
 * sum) per finished unit, each carrying its grid values, in plan order. The result depends on the
 * plan only, never on the executor, the number of workers or the order runs finished in.
 */
public final class Sweep {

    /**
     * What a sweep produced.
     *
     * @param unitsDone  units with points in the result (resumed ones included)
     * @param unitsTotal units the plan has
     */
    public record Outcome(Result result, int unitsDone, int unitsTotal, int runsMade) {

        public boolean complete() {
            return unitsDone == unitsTotal;
        }
    }

    private Sweep() {
    }

    /** The items still to run: those of units {@code resumed} does not hold. */
    public static SweepJob job(SweepPlan plan, Resumed resumed, Work work) {
        List<WorkItem> todo = new ArrayList<>();
        for (Unit u : plan.units()) {
            if (!resumed.has(u)) {
                u.items().forEach(i -> todo.add(plan.items().get(i)));
            }
        }
        return new SweepJob(plan.scenarioText(), work, todo);
    }

    public static Outcome run(SweepPlan plan, Resumed resumed, SweepExecutor executor, String version,
                              SweepExecutor.Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        SweepJob job = job(plan, resumed, Work.SIMULATE);
        SortedMap<Integer, RunResult> results = executor.execute(job, progress, cancelled);
        return assemble(plan, resumed, results, version);
    }

    /** The result of the finished units: resumed points as they were, new ones from their runs. */
    public static Outcome assemble(SweepPlan plan, Resumed resumed, SortedMap<Integer, RunResult> results,
                                   String version) {
        List<Point> points = new ArrayList<>();
        int done = 0;
        for (Unit u : plan.units()) {
            if (resumed.has(u)) {
                points.addAll(resumed.points(u));
                done++;
                continue;
            }
            List<RunResult> trials = new ArrayList<>();
            u.items().stream().filter(results::containsKey).forEach(i -> trials.add(results.get(i)));
            if (trials.size() < u.items().size()) {
                continue;
            }
            Result one = Experiment.aggregate(plan.base().scenario(), version, plan.base().parameters(), trials);
            one.points().forEach(p -> points.add(p.toBuilder().grid(u.grid().values()).build()));
            done++;
        }
        Result result = new Result("sim", plan.scenarioName(), plan.seed(), version, plan.base().parameters(), points);
        return new Outcome(result, done, plan.units().size(), results.size());
    }
}
