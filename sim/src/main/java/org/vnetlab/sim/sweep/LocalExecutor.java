package org.vnetlab.sim.sweep;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.sim.experiment.RunResult;

/**
 * Runs a sweep job on this machine: a Pekko Streams pipeline fans the items out over a pool of
 * {@code parallelism} threads and gathers the results as they finish.
 */
public final class LocalExecutor implements SweepExecutor {

    private final ScenarioLoader loader;
    private final int parallelism;
    private final ExecutorService threads;
    private ActorSystem<Void> system;

    public LocalExecutor(ScenarioLoader loader, int parallelism) {
        this.loader = loader;
        this.parallelism = Math.max(1, parallelism);
        this.threads = Executors.newFixedThreadPool(this.parallelism, r -> {
            Thread t = new Thread(r, "vnetlab-sweep-run");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public SortedMap<Integer, RunResult> execute(SweepJob job, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        if (system == null) {
            system = ActorSystem.create(Behaviors.empty(), "vnetlab-sweep");
        }
        int total = job.items().size();
        AtomicInteger done = new AtomicInteger();
        try (RunEvaluator evaluator = new RunEvaluator(loader, job)) {
            List<Pair<Integer, RunResult>> results = Source.from(job.items())
                    .takeWhile(i -> !cancelled.getAsBoolean())
                    .mapAsyncUnordered(parallelism, item -> CompletableFuture.supplyAsync(() -> {
                        RunResult r = evaluator.evaluate(item);
                        progress.runDone(done.incrementAndGet(), total);
                        return Pair.create(item.index(), r);
                    }, threads))
                    .runWith(Sink.seq(), system)
                    .toCompletableFuture().get();
            SortedMap<Integer, RunResult> byIndex = new TreeMap<>();
            results.forEach(p -> byIndex.put(p.first(), p.second()));
            return byIndex;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }
}
