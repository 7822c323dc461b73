package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;

/** Trial control and the run cache: what runs, what is reused, and that answers do not change. */
class BatchTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final BooleanSupplier NEVER = () -> false;

    @TempDir
    Path dir;

    /** An evaluator that counts what it is asked to run and measures what {@code measure} says. */
    static final class Counting implements Evaluator {
        final List<Job> asked = new ArrayList<>();
        private final Function<RunSpec, Double> measure;

        Counting(Function<RunSpec, Double> measure) {
            this.measure = measure;
        }

        @Override
        public List<RunResult> evaluate(List<Job> jobs, RunPool.Progress progress, BooleanSupplier cancelled) {
            return evaluate(jobs, i -> true, (i, r) -> { }, progress, cancelled);
        }

        /** One job after the other, in the order given, asking before each. */
        @Override
        public List<RunResult> evaluate(List<Job> jobs, IntPredicate needed, Made made, RunPool.Progress progress,
                                        BooleanSupplier cancelled) {
            List<RunResult> out = new ArrayList<>();
            for (int i = 0; i < jobs.size() && !cancelled.getAsBoolean(); i++) {
                RunResult r = null;
                if (needed.test(i)) {
                    Job j = jobs.get(i);
                    asked.add(j);
                    r = RunResult.throughput(j.spec(), Map.of("host", measure.apply(j.spec())), Map.of("host", 0.0),
                            new TreeMap<>(), new TreeMap<>(), 1, 1);
                    made.made(i, r);
                }
                out.add(r);
                progress.runDone(i + 1, jobs.size());
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    static Scenario scenario(String... sets) {
        return LOADER.load("xen-single", List.of(sets)).scenario();
    }

    static List<Job> jobs(Scenario s, int trials, List<Integer> sizes) {
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), sizes, trials, 100_000_000L);
        return Experiment.plan(s, o).stream().map(spec -> new Job(s, spec)).toList();
    }

    /** The result's points without the list of trial values (which holds only the trials run). */
    static String medians(List<RunResult> runs, Scenario s) {
        Result r = Experiment.aggregate(s, "test", "defaults", runs);
        return ResultJson.write(new Result(r.mode(), r.scenario(), r.seed(), r.version(), r.parameters(),
                r.points().stream().map(p -> p.toBuilder().throughputTrials(null).build()).toList()));
    }

    static final Batch.Progress SILENT = new Batch.Progress() {
        @Override
        public void starting(int runs) {
        }

        @Override
        public void runDone() {
        }
    };

    @Test
    void aPointStopsAfterAMajorityOfIdenticalTrialsAndNeverWhenTheyDiffer() throws Exception {
        // 36 B: every trial measures the same; 1470 B: trials 0-2 agree, trial 3 differs
        Counting e = new Counting(spec -> spec.payload() == 36 ? 10.0 : spec.trial() < 3 ? 20.0 : 20.5);
        List<Job> jobs = jobs(scenario(), 7, List.of(36, 1470));
        Batch.Outcome o = new Batch(e, RunCache.none()).run(jobs, SILENT, NEVER);

        assertEquals(2 * 4 + 2 * 7, e.asked.size(), "4 of 7 trials where they agree, all 7 where one differs");
        assertEquals(2, o.earlyStops().size());
        assertTrue(o.earlyStops().stream().allMatch(s -> s.run() == 4 && s.planned() == 7));
        assertTrue(o.earlyStops().stream().allMatch(s -> jobs.get(s.job()).spec().payload() == 36), o.earlyStops().toString());
        assertEquals(6, o.notNeeded());
        assertTrue(o.complete());
        assertEquals(22, o.runs().size());
        assertTrue(e.asked.stream().filter(j -> j.spec().payload() == 36).allMatch(j -> j.spec().trial() < 4));
    }

    @Test
    void anEvaluatorThatCannotSkipRunsEveryTrialAndTheAnswerIsTheSame() throws Exception {
        Function<RunSpec, Double> measure = spec -> spec.payload() == 36 ? 10.0 : 20.0 + spec.trial();
        Counting skipping = new Counting(measure);
        Counting plain = new Counting(measure);
        Evaluator cannotSkip = new Evaluator() {
            @Override
            public List<RunResult> evaluate(List<Job> jobs, RunPool.Progress progress, BooleanSupplier cancelled) {
                return plain.evaluate(jobs, progress, cancelled);
            }

            @Override
            public void close() {
            }
        };
        List<Job> jobs = jobs(scenario(), 7, List.of(36, 1470));
        Batch.Outcome a = new Batch(skipping, RunCache.none()).run(jobs, SILENT, NEVER);
        Batch.Outcome b = new Batch(cannotSkip, RunCache.none()).run(jobs, SILENT, NEVER);
        assertEquals(28, plain.asked.size());
        assertEquals(22, skipping.asked.size());
        assertEquals(a.runs().keySet(), b.runs().keySet(), "the trials a point uses depend on their results only");
        assertEquals(a.earlyStops(), b.earlyStops());
    }

    @Test
    void aStoppedBatchKeepsThePointsThatFinishedInPlanOrder() throws Exception {
        Counting e = new Counting(spec -> 1.0 + spec.trial());
        List<Job> jobs = jobs(scenario(), 3, List.of(36, 100, 200, 300));
        AtomicInteger polls = new AtomicInteger();
        Batch.Outcome o = new Batch(e, RunCache.none()).run(jobs, SILENT, () -> polls.incrementAndGet() > 12);
        assertFalse(o.complete());
        int points = o.runs().size() / 3;
        assertTrue(points >= 2 && points < 8, o.runs().keySet().toString());
        assertEquals(new java.util.TreeSet<>(java.util.stream.IntStream.range(0, 3 * points).boxed().toList()),
                o.runs().keySet(), "whole points, the first ones");
    }

    @Test
    void withTheModelTheMediansAreThoseOfEveryTrial() throws Exception {
        // without cost noise a native run does not depend on its seed: every trial is the same
        // bytes (a Xen host draws its CPUs' tick phases from the seed)
        Scenario deterministic = LOADER.load("native", List.of("model.cost.jitter=0")).scenario();
        List<Job> jobs = jobs(deterministic, 5, List.of(1470));
        String all;
        Batch.Outcome o;
        try (PoolEvaluator e = PoolEvaluator.allCores()) {
            all = medians(e.evaluate(jobs, (d, t) -> { }, NEVER), deterministic);
            o = new Batch(e, RunCache.none()).run(jobs, SILENT, NEVER);
        }
        assertEquals(2, o.earlyStops().size(), "rx and tx each stopped");
        assertEquals(2 * 3, o.runs().size());
        assertEquals(all, medians(List.copyOf(o.runs().values()), deterministic));

        Scenario noisy = LOADER.load("native", List.of()).scenario();
        try (PoolEvaluator e = PoolEvaluator.allCores()) {
            Batch.Outcome n = new Batch(e, RunCache.none()).run(jobs(noisy, 3, List.of(1470)), SILENT, NEVER);
            assertEquals(List.of(), n.earlyStops(), "the model's cost noise makes trials differ");
            assertEquals(6, n.runs().size());
        }
    }

    @Test
    void aCachedRunIsNotMadeAgainAndGivesTheSameBytes() throws Exception {
        Counting first = new Counting(spec -> 100.0 + spec.trial());
        List<Job> jobs = jobs(scenario(), 3, List.of(36, 1470));
        Batch.Outcome made = new Batch(first, RunCache.in(dir)).run(jobs, SILENT, NEVER);
        assertEquals(12, first.asked.size());
        assertEquals(12, made.simulated());
        assertEquals(0, made.cached());

        Counting second = new Counting(spec -> -1.0);
        AtomicInteger announced = new AtomicInteger(-1);
        Batch.Outcome again = new Batch(second, RunCache.in(dir)).run(jobs(scenario(), 3, List.of(36, 1470)),
                new Batch.Progress() {
                    @Override
                    public void starting(int runs) {
                        announced.set(runs);
                    }

                    @Override
                    public void runDone() {
                    }
                }, NEVER);
        assertEquals(List.of(), second.asked, "every run came from the cache");
        assertEquals(0, announced.get());
        assertEquals(12, again.cached());
        made.runs().forEach((i, r) -> assertEquals(RunResultJson.write(r), RunResultJson.write(again.runs().get(i))));
    }

    @Test
    void anythingTheRunDependsOnChangesTheKey() throws Exception {
        RunCache cache = RunCache.in(dir);
        Scenario base = scenario();
        RunSpec spec = jobs(base, 1, List.of(36)).get(0).spec();
        String key = cache.key(new Job(base, spec));
        assertEquals(key, cache.key(new Job(scenario(), spec)), "the same scenario loaded again");
        for (Scenario other : List.of(scenario("model.cost.bridge.per-packet-ns=651"), scenario("method.seed=2"),
                scenario("host.cpu-speed=1.5"), scenario("udp.rate=\"999 Mbit/s\""))) {
            assertFalse(key.equals(cache.key(new Job(other, spec))), other.toString());
        }
        RunSpec longer = new RunSpec(spec.transport(), spec.ip(), spec.payload(), spec.direction(), spec.trial(),
                spec.durationNanos() + 1);
        assertFalse(key.equals(cache.key(new Job(base, longer))));
    }

    @Test
    void aChangedParameterFindsNothingAndADamagedEntryIsMadeAgain() throws Exception {
        List<Job> jobs = jobs(scenario(), 1, List.of(36));
        new Batch(new Counting(spec -> 1.0), RunCache.in(dir)).run(jobs, SILENT, NEVER);

        Counting changed = new Counting(spec -> 2.0);
        new Batch(changed, RunCache.in(dir)).run(jobs(scenario("model.cost.jitter=0.06"), 1, List.of(36)), SILENT, NEVER);
        assertEquals(2, changed.asked.size(), "another model parameter: nothing found");

        List<Path> entries;
        try (Stream<Path> files = Files.walk(dir)) {
            entries = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertEquals(4, entries.size());
        for (Path p : entries) {
            Files.writeString(p, Files.readString(p).substring(0, 20));
        }
        Counting repaired = new Counting(spec -> 1.0);
        Batch.Outcome o = new Batch(repaired, RunCache.in(dir)).run(jobs, SILENT, NEVER);
        assertEquals(2, repaired.asked.size(), "a damaged entry counts as absent");
        assertEquals(0, o.cached());
        Counting after = new Counting(spec -> 1.0);
        assertEquals(2, new Batch(after, RunCache.in(dir)).run(jobs, SILENT, NEVER).cached(), "and is rewritten");
    }

    @Test
    void theUsersCacheIsUnderXdgCacheHomeOrHome() {
        assertEquals(Path.of("/x/vnetlab"), RunCache.defaultDir(Map.of("XDG_CACHE_HOME", "/x"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/vnetlab"), RunCache.defaultDir(Map.of("XDG_CACHE_HOME", "rel"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/vnetlab"), RunCache.defaultDir(Map.of(), "/home/u"));
    }
}
