package org.vnetlab.sim.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.vnetlab.config.ScenarioLoader;

/** A worker node from start to end: joins the seed, serves one coordinator's sweep, leaves. */
public final class WorkerNode {

    private WorkerNode() {
    }

    /**
     * Runs a worker until its coordinator leaves, refuses it, or is not found within the join timeout.
     *
     * @param bind  the address this node binds to (port 0: any free port)
     * @param join  the seed: the coordinator's --cluster address
     * @param slots runs made at once
     */
    public static Worker.End run(ClusterSettings settings, HostPort bind, HostPort join, int slots, String version,
                                 ScenarioLoader loader, Consumer<String> notices) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "vnetlab-worker-run");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Worker.End> end = new CompletableFuture<>();
        ActorSystem<WorkerProtocol> system = ClusterNode.start(Worker.create(loader, version, slots,
                settings.prefetchPerSlot(), settings.joinTimeout(), threads, notices, end), settings, bind, join,
                ClusterNode.WORKER_ROLE);
        system.getWhenTerminated().thenRun(() -> end.complete(new Worker.End(null,
                "this node was removed from the cluster (unreachable from the coordinator, and downed)")));
        try {
            notices.accept("worker " + system.address() + " (" + slots + " slots) joining " + ClusterNode.address(join));
            return end.join();
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
            threads.shutdownNow();
        }
    }
}
