package org.vnetlab.sim.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.sim.cluster.Worker.End;
import org.vnetlab.sim.cluster.Worker.Ending;

/**
 * A long-lived worker, as Dask's, Ray's and Spark's are: it serves one coordinator after another
 * at its seed address until stopped. Each coordinator gets a fresh cluster node: a node cannot
 * join a new cluster once it was in another (the coordinator's previous cluster ended when it
 * left or died, or it downed this node), so the worker ends its node and starts another, which
 * joins whatever coordinator comes next at the address.
 */
public final class WorkerNode {

    private static final long POLL_MILLIS = 100;

    /**
     * What a worker did, all coordinators together.
     *
     * @param error null when it ended well (stopped, or {@code once} and its coordinator left)
     */
    public record Outcome(String message, String error, int coordinators, int runs) {
    }

    private WorkerNode() {
    }

    /**
     * Serves coordinators until {@code stop} says so (or, with {@code once}, until the first
     * coordinator is done with it). The first coordinator must be found within the join timeout,
     * the next ones are waited for as long as it takes.
     *
     * @param bind  the address this node binds to (port 0: any free port)
     * @param join  the seed: the coordinators' --cluster address
     * @param slots runs made at once
     * @throws ClusterNode.ListenFailed when the worker cannot bind {@code bind}
     */
    public static Outcome serve(ClusterSettings settings, HostPort bind, HostPort join, int slots, String version,
                                ScenarioLoader loader, boolean once, BooleanSupplier stop, Consumer<String> notices)
            throws InterruptedException {
        int coordinators = 0;
        int runs = 0;
        while (true) {
            End end = session(settings, bind, join, slots, version, loader, coordinators == 0, stop, notices);
            runs += end.runs();
            coordinators += end.served() ? 1 : 0;
            String summary = " (" + coordinators + " coordinators, " + runs + " runs)";
            switch (end.ending()) {
                case NOT_FOUND, REFUSED:
                    return new Outcome(null, end.message(), coordinators, runs);
                case STOPPED:
                    return new Outcome("stopped" + summary, null, coordinators, runs);
                default:
                    if (once) {
                        return end.ending() == Ending.LEFT ? new Outcome(end.message(), null, coordinators, runs)
                                : new Outcome(null, end.message(), coordinators, runs);
                    }
                    notices.accept(end.message() + summary + "; waiting for the next coordinator at "
                            + ClusterNode.address(join));
            }
        }
    }

    /** One coordinator: a node of its own from joining to leaving. */
    private static End session(ClusterSettings settings, HostPort bind, HostPort join, int slots, String version,
                               ScenarioLoader loader, boolean first, BooleanSupplier stop, Consumer<String> notices)
            throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "vnetlab-worker-run");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<End> end = new CompletableFuture<>();
        ActorSystem<WorkerProtocol> system;
        try {
            system = ClusterNode.start(Worker.create(loader, version, slots, settings.prefetchPerSlot(),
                    first ? settings.joinTimeout() : null, threads, notices, end), settings, bind, join,
                    ClusterNode.WORKER_ROLE);
        } catch (RuntimeException e) {
            threads.shutdownNow();
            throw e;
        }
        try {
            if (first) {
                notices.accept("worker " + system.address() + " (" + slots + " slots) joining "
                        + ClusterNode.address(join));
            }
            boolean leaving = false;
            while (true) {
                try {
                    return end.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    if (!leaving && stop.getAsBoolean()) {
                        system.tell(new WorkerProtocol.Leave());
                        leaving = true;
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            // Leaves the cluster (its runs, if any, are issued again elsewhere) and ends the node.
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
            threads.shutdownNow();
        }
    }
}
