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
 * Runs a sweep job on a Pekko Cluster: this node becomes the cluster's seed and the job's
 * {@link Coordinator}; workers ({@code vnetlab worker --join}) pull the runs. Closing it leaves
 * the cluster, and workers end when they see the coordinator go.
 */
public final class ClusterExecutor implements SweepExecutor {

    private static final long POLL_MILLIS = 100;
    private final ClusterSettings settings;
    private final HostPort bind;
    private final String version;
    private final Consumer<String> notices;
    private final int minWorkers;
    private ActorSystem<CoordinatorProtocol> system;

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

    @Override
    public SortedMap<Integer, RunResult> execute(SweepJob job, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        if (system != null) {
            throw new IllegalStateException("a cluster executor coordinates one sweep");
        }
        CompletableFuture<SortedMap<Integer, RunResult>> outcome = new CompletableFuture<>();
        system = ClusterNode.start(Coordinator.create(job, version, minWorkers, settings.joinTimeout(),
                        progress, notices, outcome),
                settings, bind, bind, ClusterNode.COORDINATOR_ROLE);
        boolean stopAsked = false;
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
    }

    @Override
    public void close() {
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }
}
