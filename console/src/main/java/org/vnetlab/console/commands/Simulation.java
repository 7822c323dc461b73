package org.vnetlab.console.commands;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.vnetlab.console.cli.CtrlC;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Made;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * A batch of runs on all cores with a progress bar, stopped by Ctrl-C or the console's stop: what
 * {@code sim} and {@code whatif} run. A stopped batch keeps the points whose every trial finished,
 * so the tables it prints hold no medians of fewer trials than asked.
 */
final class Simulation {

    /**
     * @param runs    by planned job index, the runs of complete points
     * @param planned runs planned
     * @param made    runs made
     */
    record Outcome(Map<Integer, RunResult> runs, int planned, int made) {

        boolean complete() {
            return made == planned;
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

    static Outcome run(List<Job> jobs, Terminal io, boolean quiet) throws InterruptedException {
        Progress bar = Progress.runs(quiet ? io.quiet() : io, jobs.size());
        List<RunResult> made;
        try (PoolEvaluator evaluator = PoolEvaluator.allCores(); CtrlC stop = new CtrlC(io)) {
            made = evaluator.evaluate(jobs, (done, total) -> bar.step(), stop);
        } finally {
            bar.done();
        }
        return new Outcome(completePoints(jobs, made), jobs.size(), made.size());
    }

    /**
     * The runs of the points (a job's scenario, transport, protocol, direction and payload) all of
     * whose trials ran. A stopped pool finishes the runs it started, which are the first of the
     * plan, so {@code made} lines up with the start of {@code planned}.
     */
    static Map<Integer, RunResult> completePoints(List<Job> planned, List<RunResult> made) {
        Map<Scenario, Integer> scenarios = new IdentityHashMap<>();
        planned.forEach(j -> scenarios.putIfAbsent(j.scenario(), scenarios.size()));
        Set<String> unfinished = new HashSet<>();
        for (int i = made.size(); i < planned.size(); i++) {
            unfinished.add(key(planned.get(i), scenarios));
        }
        Map<Integer, RunResult> kept = new TreeMap<>();
        for (int i = 0; i < made.size(); i++) {
            if (!unfinished.contains(key(planned.get(i), scenarios))) {
                kept.put(i, made.get(i));
            }
        }
        return kept;
    }

    /** How runs of {@code specs} with {@code sets} were made: their trials and duration as planned. */
    static Made made(List<String> sets, List<RunSpec> specs, List<Integer> sizes) {
        int trials = specs.stream().mapToInt(RunSpec::trial).max().orElse(0) + 1;
        long nanos = specs.stream().mapToLong(RunSpec::durationNanos).max().orElse(0);
        boolean exact = specs.stream().anyMatch(r -> r.fidelity() == Fidelity.EXACT);
        return new Made(sets, trials, nanos / 1e9, sizes == null ? List.of() : sizes, exact);
    }

    private static String key(Job j, Map<Scenario, Integer> scenarios) {
        RunSpec s = j.spec();
        return scenarios.get(j.scenario()) + "/" + s.transport() + "/" + s.ip() + "/" + s.direction() + "/"
                + s.payload();
    }
}
