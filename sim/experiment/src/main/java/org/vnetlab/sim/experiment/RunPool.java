package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.vnetlab.core.model.Scenario;

/**
 * Runs independent simulations on all cores: a Pekko Streams pipeline fans the runs out over a
 * pool of worker threads (one per core by default) and gathers their results as they finish.
 * Results are returned in plan order, so the output never depends on which run finished first.
 */
public final class RunPool implements AutoCloseable {

    /** Told after each finished run. */
    public interface Progress {
        void runDone(int done, int total);
    }

    private final int parallelism;
    private final ExecutorService workers;
    private ActorSystem<Void> system;

    public RunPool(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.workers = Executors.newFixedThreadPool(this.parallelism, r -> {
            Thread t = new Thread(r, "vnetlab-sim-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public static RunPool allCores() {
        return new RunPool(Runtime.getRuntime().availableProcessors());
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Runs every spec; stops starting new runs once {@code cancelled} says so and returns the
     * finished ones.
     */
    public List<RunResult> runAll(Scenario scenario, List<RunSpec> specs, Progress progress,
                                  BooleanSupplier cancelled) throws InterruptedException {
        return runJobs(specs.stream().map(spec -> new Job(scenario, spec)).toList(), progress, cancelled);
    }

    /** Like {@link #runAll} for runs of different scenarios (or parameter sets) in one batch. */
    public List<RunResult> runJobs(List<Job> jobs, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        return new ArrayList<>(map(jobs, job -> Experiment.run(job.scenario(), job.spec()), progress, cancelled)
                .values());
    }

    /**
     * The engine under every batch of runs (sim, validate, calibrate, plan, local sweeps): runs
     * {@code run} on each item on the pool's threads, starting no more once {@code cancelled}
     * says so, and returns the finished results by the item's position in {@code items}.
     */
    public <T> SortedMap<Integer, RunResult> map(List<T> items, Function<T, RunResult> run, Progress progress,
                                                 BooleanSupplier cancelled) throws InterruptedException {
        if (system == null) {
            system = ActorSystem.create(Behaviors.empty(), "vnetlab-sim");
        }
        int total = items.size();
        AtomicInteger done = new AtomicInteger();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            order.add(i);
        }
        CompletionStage<List<Indexed>> all = Source.from(order)
                .takeWhile(i -> !cancelled.getAsBoolean())
                .mapAsyncUnordered(parallelism, i -> CompletableFuture.supplyAsync(() -> {
                    RunResult r = run.apply(items.get(i));
                    progress.runDone(done.incrementAndGet(), total);
                    return new Indexed(i, r);
                }, workers))
                .runWith(Sink.seq(), system);
        try {
            SortedMap<Integer, RunResult> byIndex = new TreeMap<>();
            all.toCompletableFuture().get().forEach(x -> byIndex.put(x.index(), x.result()));
            return byIndex;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause()
                    : e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    private record Indexed(int index, RunResult result) {
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }
}
