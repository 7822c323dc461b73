package org.vnetlab.sim.cluster;

import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.sweep.SweepExecutor;
import org.vnetlab.sim.sweep.SweepJob;

/**
 * Runs sweep jobs on a Pekko Cluster: on its first job this node becomes the cluster's seed and
 * {@link Coordinator}; workers ({@code vnetlab worker --join}) pull the runs. Jobs run one after
 * another with the same workers. Closing it leaves the cluster; workers then wait for the next
 * coordinator at the address.
 */
public final class ClusterExecutor implements SweepExecutor {

    private static final long POLL_MILLIS = 100;
    private final ClusterSettings settings;
    private final HostPort bind;
    private final String version;
    private final Consumer<String> notices;
    private final int minWorkers;
    private ActorSystem<CoordinatorProtocol> system;
    private volatile CompletableFuture<SortedMap<Integer, RunResult>> running;

    /**
     * @param bind       the address this node binds to and workers join (the seed)
     * @param minWorkers workers to wait for before the first run is issued
     * @param notices    told about workers joining, refused and lost (one line each)
     */
    public ClusterExecutor(ClusterSettings settings, HostPort bind, String version, int minWorkers,
                           Consumer<String> notices) {
        this.settings = settings;
        this.bind = bind;
        this.version = version;
        this.notices = notices;
        this.minWorkers = minWorkers;
    }

    /** @throws ClusterNode.ListenFailed on the first job, when this node cannot bind its address */
    @Override
    public SortedMap<Integer, RunResult> execute(SweepJob job, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        if (system == null) {
            system = ClusterNode.start(Coordinator.create(version, minWorkers, settings, notices), settings, bind, bind,
                    ClusterNode.COORDINATOR_ROLE);
            system.getWhenTerminated().thenRun(() -> {
                CompletableFuture<SortedMap<Integer, RunResult>> r = running;
                if (r != null) {
                    r.completeExceptionally(new IllegalStateException("the coordinator's cluster node stopped"));
                }
            });
        }
        CompletableFuture<SortedMap<Integer, RunResult>> outcome = new CompletableFuture<>();
        running = outcome;
        if (system.getWhenTerminated().toCompletableFuture().isDone()) {
            throw new IllegalStateException("the coordinator's cluster node stopped");
        }
        system.tell(new CoordinatorProtocol.Submit(job, progress, outcome));
        boolean stopAsked = false;
        try {
            while (true) {
                try {
                    return outcome.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    if (!stopAsked && cancelled.getAsBoolean()) {
                        system.tell(new CoordinatorProtocol.Stop());
                        stopAsked = true;
                    }
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            running = null;
        }
    }

    @Override
    public void close() {
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }
}
