package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Runs a batch of jobs as {@code sim}, {@code whatif} and {@code plan} want them: a run the
 * {@link RunCache} holds is taken from it, the others go to the {@link Evaluator}, and a point's
 * trials stop early when the answer is already exact.
 *
 * <p><b>Trial control.</b> A point (one scenario, transport, protocol, direction, payload) is
 * reported as the median over its trials, metric by metric. When more than half of the trials
 * measured the same thing, byte for byte ({@link RunResultJson}), that value is every metric's
 * median whatever the other trials measure: it holds the middle position(s) of every sorted list.
 * So the first {@code n/2 + 1} trials of a point run first; if they are identical the point is
 * done and its other trials are not run (a seed-independent run, such as a saturated
 * deterministic one, would only repeat the same bytes); if any two differ, every trial runs. The
 * median is the one all {@code n} trials would give in both cases. A later trial that started
 * before its majority finished is made but left out, so which trials a point uses depends on
 * their results only, never on the cache or on which run finished first: neither does the output.
 *
 * <p>Jobs must list a point's trials one after another, trial 0 first, as {@link Experiment#plan}
 * does.
 */
public final class Batch {

    /** Told how much there is to simulate and as each run is done. */
    public interface Progress {
        /** Before anything runs: the runs to simulate at most (early stops can only lower it). */
        void starting(int runs);

        /** One more of those runs simulated, or found not to be needed. */
        void runDone();
    }

    /**
     * A point whose trials stopped early.
     *
     * @param job     the job index of its first trial
     * @param run     the trials run, all identical
     * @param planned the trials it was planned with
     */
    public record EarlyStop(int job, int run, int planned) {
    }

    /**
     * What a batch produced.
     *
     * @param runs       by job index, the runs of every point whose trials all finished (cached or
     *                   simulated), without the trials an early stop made unnecessary
     * @param planned    jobs in the batch
     * @param simulated  runs simulated now
     * @param cached     runs taken from the cache
     * @param earlyStops the points whose trials stopped early
     * @param complete   false when the batch was cancelled before every point finished
     */
    public record Outcome(SortedMap<Integer, RunResult> runs, int planned, int simulated, int cached,
                          List<EarlyStop> earlyStops, boolean complete) {

        public Outcome {
            runs = new TreeMap<>(runs);
            earlyStops = List.copyOf(earlyStops);
        }

        /** Runs an early stop made unnecessary. */
        public int notNeeded() {
            return earlyStops.stream().mapToInt(s -> s.planned() - s.run()).sum();
        }
    }

    private final Evaluator evaluator;
    private final RunCache cache;

    public Batch(Evaluator evaluator, RunCache cache) {
        this.evaluator = evaluator;
        this.cache = cache;
    }

    /**
     * Runs {@code jobs}; once {@code cancelled} says so, starts no more and returns the points that
     * finished.
     */
    public Outcome run(List<Job> jobs, Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        List<int[]> points = points(jobs);
        Map<Integer, RunResult> known = new ConcurrentHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            int index = i;
            cache.find(jobs.get(i)).ifPresent(r -> known.put(index, r));
        }
        Set<Integer> fromCache = Set.copyOf(known.keySet());
        progress.starting(jobs.size() - fromCache.size());
        Map<Integer, int[]> pointOf = new HashMap<>();
        points.forEach(p -> trials(p, 0, p[1]).forEach(i -> pointOf.put(i, p)));
        Map<Integer, Boolean> settled = new ConcurrentHashMap<>();
        List<Integer> order = order(points).stream().filter(i -> !fromCache.contains(i)).toList();
        List<RunResult> made = evaluator.evaluate(order.stream().map(jobs::get).toList(), k -> {
            int[] p = pointOf.get(order.get(k));
            // a trial past the majority is needed unless the majority is known to be identical
            return order.get(k) < p[0] + majority(p[1]) || !identicalMajority(p, known, settled);
        }, (k, r) -> {
            known.put(order.get(k), r);
            cache.keep(jobs.get(order.get(k)), r);
        }, (done, total) -> progress.runDone(), cancelled);
        int simulated = (int) made.stream().filter(r -> r != null).count();
        SortedMap<Integer, RunResult> runs = new TreeMap<>();
        List<EarlyStop> stops = new ArrayList<>();
        boolean complete = true;
        for (int[] p : points) {
            boolean stopped = identicalMajority(p, known, settled) && majority(p[1]) < p[1];
            List<Integer> used = trials(p, 0, stopped ? majority(p[1]) : p[1]);
            boolean done = used.stream().allMatch(known::containsKey);
            complete &= done;
            if (done) {
                used.forEach(i -> runs.put(i, known.get(i)));
                if (stopped) {
                    stops.add(new EarlyStop(p[0], majority(p[1]), p[1]));
                }
            }
        }
        int cached = (int) runs.keySet().stream().filter(fromCache::contains).count();
        return new Outcome(runs, jobs.size(), simulated, cached, stops, complete);
    }

    /**
     * The order runs start in: each point's majority, and its other trials only after the next
     * point's majority, so by the time they start the majority has usually finished and an
     * identical one lets them be skipped. Points still finish in plan order, so a batch stopped
     * early keeps the points before the stop.
     */
    static List<Integer> order(List<int[]> points) {
        List<Integer> order = new ArrayList<>();
        List<Integer> pending = List.of();
        for (int[] p : points) {
            order.addAll(trials(p, 0, majority(p[1])));
            order.addAll(pending);
            pending = trials(p, majority(p[1]), p[1]);
        }
        order.addAll(pending);
        return order;
    }

    /**
     * Whether the majority of point {@code p}'s trials is known and measured the same; decided
     * once all of them are known, and remembered.
     */
    private static boolean identicalMajority(int[] p, Map<Integer, RunResult> known, Map<Integer, Boolean> settled) {
        Boolean decided = settled.get(p[0]);
        if (decided != null) {
            return decided;
        }
        List<Integer> majority = trials(p, 0, majority(p[1]));
        if (!majority.stream().allMatch(known::containsKey)) {
            return false;
        }
        boolean same = identical(known, majority);
        settled.put(p[0], same);
        return same;
    }

    /** The job indices of trials {@code from} (inclusive) to {@code to} (exclusive) of point {@code p}. */
    private static List<Integer> trials(int[] p, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int t = from; t < to; t++) {
            out.add(p[0] + t);
        }
        return out;
    }

    /** Whether the runs at {@code indices} all measured the same. */
    private static boolean identical(Map<Integer, RunResult> known, List<Integer> indices) {
        String first = null;
        for (int i : indices) {
            RunResult r = known.get(i);
            if (r == null) {
                return false;
            }
            String text = RunResultJson.write(r);
            if (first == null) {
                first = text;
            } else if (!first.equals(text)) {
                return false;
            }
        }
        return true;
    }

    /** Trials that are more than half of {@code trials}. */
    static int majority(int trials) {
        return trials / 2 + 1;
    }

    /**
     * The points of {@code jobs} as {start, trials}: runs of consecutive jobs of one scenario whose
     * runs differ in the trial only, numbered 0, 1, 2, ...
     */
    static List<int[]> points(List<Job> jobs) {
        List<int[]> points = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            int[] last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last != null && j.spec().trial() == last[1] && samePoint(jobs.get(last[0]), j)) {
                last[1]++;
            } else {
                points.add(new int[] {i, 1});
            }
        }
        return points;
    }

    /**
     * Same scenario and the same run but for the trial. Compared as the runs' text without the
     * trial, so a coordinate added to {@link RunSpec} later keeps points apart without a change here.
     */
    private static boolean samePoint(Job first, Job j) {
        return first.scenario() == j.scenario() && withoutTrial(first.spec()).equals(withoutTrial(j.spec()));
    }

    private static String withoutTrial(RunSpec s) {
        return s.toString().replace(", trial=" + s.trial() + ",", ",");
    }
}
