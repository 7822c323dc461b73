package org.vnetlab.console.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.vnetlab.console.cli.CtrlC;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.core.result.Made;
import org.vnetlab.sim.experiment.Batch;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunCache;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * A batch of runs on all cores (or a cluster's workers) with a progress bar, stopped by Ctrl-C or
 * the console's stop: what {@code sim} and {@code whatif} run, through {@link Batch} (the run
 * cache, trials stopped early where the answer is already exact). A stopped batch keeps the points whose every trial
 * finished, so the tables it prints hold no medians of fewer trials than asked.
 */
final class Simulation {

    /**
     * @param runs    by planned job index, the runs of complete points
     * @param planned runs planned
     * @param batch   what the batch did: runs simulated and cached, early stops
     */
    record Outcome(Map<Integer, RunResult> runs, int planned, Batch.Outcome batch) {

        boolean complete() {
            return batch.complete();
        }

        /** Runs made or found: simulated now or taken from the cache. */
        int made() {
            return batch.simulated() + batch.cached();
        }

        /** The kept runs of the jobs {@code owner} accepts, in plan order. */
        List<RunResult> of(List<Job> jobs, Predicate<Job> owner) {
            List<RunResult> out = new ArrayList<>();
            runs.forEach((i, r) -> {
                if (owner.test(jobs.get(i))) {
                    out.add(r);
                }
            });
            return out;
        }
    }

    private Simulation() {
    }

    /** Runs {@code jobs} through {@code evaluator}: this machine's cores, or a cluster's workers. */
    static Outcome run(List<Job> jobs, Evaluator evaluator, Terminal io, boolean quiet, RunCache cache)
            throws InterruptedException {
        BarProgress bar = new BarProgress(quiet ? io.quiet() : io, "runs");
        Batch.Outcome o;
        try (CtrlC stop = new CtrlC(io)) {
            o = new Batch(evaluator, cache).run(jobs, bar, stop);
        } finally {
            bar.done();
        }
        return new Outcome(o.runs(), jobs.size(), o);
    }

    /** A progress bar over the runs a batch simulates, drawn once the batch knows how many. */
    static final class BarProgress implements Batch.Progress {

        private final Terminal io;
        private final String unit;
        private Progress bar;

        BarProgress(Terminal io, String unit) {
            this.io = io;
            this.unit = unit;
        }

        @Override
        public void starting(int runs) {
            bar = Progress.start(io, runs, unit, Runtime.getRuntime().availableProcessors());
        }

        @Override
        public void runDone() {
            bar.step();
        }

        void done() {
            if (bar != null) {
                bar.done();
            }
        }
    }

    /**
     * The line saying which points stopped their trials early, or empty when none did: how many
     * trials they ran of how many, and why their medians are still those of every trial.
     */
    static Optional<String> earlyStops(Batch.Outcome o) {
        List<Batch.EarlyStop> stops = o.earlyStops();
        if (stops.isEmpty()) {
            return Optional.empty();
        }
        Batch.EarlyStop s = stops.get(0);
        boolean alike = stops.stream().allMatch(x -> x.run() == s.run() && x.planned() == s.planned());
        String trials = alike ? s.run() + " of " + s.planned() + " trials" : "a majority of their trials";
        return Optional.of("trials: " + stops.size() + " point" + (stops.size() == 1 ? "" : "s") + " stopped after "
                + trials + " gave the same bytes: a value held by more than half the trials is every median, so the"
                + " other trials could not change the answer (" + o.notNeeded() + " runs not needed)");
    }

    /** How runs of {@code specs} with {@code sets} were made: their trials and duration as planned. */
    static Made made(List<String> sets, List<RunSpec> specs, List<Integer> sizes) {
        int trials = specs.stream().mapToInt(RunSpec::trial).max().orElse(0) + 1;
        long nanos = specs.stream().mapToLong(RunSpec::durationNanos).max().orElse(0);
        boolean exact = specs.stream().anyMatch(r -> r.fidelity() == Fidelity.EXACT);
        return new Made(sets, trials, nanos / 1e9, sizes == null ? List.of() : sizes, exact);
    }
}
