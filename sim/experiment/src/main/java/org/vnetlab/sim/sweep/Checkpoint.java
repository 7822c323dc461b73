package org.vnetlab.sim.sweep;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vnetlab.sim.experiment.RunResult;

/**
 * Keeps a sweep resumable when its process dies (a SIGKILL, a lost machine): as runs finish it
 * assembles the finished units into a partial result, as Ctrl-C would leave it, and hands it to
 * {@code save} (which writes it over the output file). It saves when a unit finishes, at most once
 * per interval, so the cost stays a small share of the sweep's time however many points it has.
 * {@code --resume} of a saved file runs only the units it lacks, and ends in the same bytes as a
 * sweep that never stopped.
 */
public final class Checkpoint {

    /** Where a partial result goes. */
    public interface Save {
        void save(Sweep.Outcome partial);
    }

    private final SweepPlan plan;
    private final Resumed resumed;
    private final String version;
    private final long intervalNanos;
    private final Save save;
    private final Map<Integer, Unit> unitOf = new HashMap<>();
    private final SortedMap<Integer, RunResult> results = new TreeMap<>();
    private long lastSave;
    private boolean saved;

    /** @param interval the least time between two saves; zero saves after every finished unit */
    public Checkpoint(SweepPlan plan, Resumed resumed, String version, Duration interval, Save save) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a checkpoint interval cannot be negative");
        }
        this.plan = plan;
        this.resumed = resumed;
        this.version = version;
        this.intervalNanos = interval.toNanos();
        this.save = save;
        for (Unit u : plan.units()) {
            u.items().forEach(i -> unitOf.put(i, u));
        }
    }

    /** {@code progress}, with every result also kept here. */
    public SweepExecutor.Progress around(SweepExecutor.Progress progress) {
        return new SweepExecutor.Progress() {
            @Override
            public void runDone(int done, int total) {
                progress.runDone(done, total);
            }

            @Override
            public void made(int index, RunResult result) {
                progress.made(index, result);
                Checkpoint.this.made(index, result);
            }
        };
    }

    private synchronized void made(int index, RunResult result) {
        results.put(index, result);
        Unit unit = unitOf.get(index);
        if (unit == null || !results.keySet().containsAll(unit.items())) {
            return;
        }
        long now = System.nanoTime();
        if (saved && now - lastSave < intervalNanos) {
            return;
        }
        save.save(Sweep.assemble(plan, resumed, results, version));
        saved = true;
        lastSave = System.nanoTime();
    }
}
