package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.cluster.ClusterExecutor;
import org.vnetlab.sim.cluster.ClusterSettings;
import org.vnetlab.sim.cluster.HostPort;
import org.vnetlab.sim.cluster.WorkerNode;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.sweep.LocalExecutor;
import org.vnetlab.sim.sweep.SweepExecutor;
import org.vnetlab.sim.sweep.SweepJob;
import org.vnetlab.sim.sweep.Work;
import org.vnetlab.sim.sweep.WorkItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sweep machinery's speed: runs per second of zero-work runs through the local executor and through a three-node cluster on loopback (a coordinator and two
 * workers, each its own ActorSystem talking Artery TCP, in this JVM), and the time the cluster
 * path adds to each run.
 */
@Command(name = "sweep",
        description = "the sweep machinery's speed: zero-work runs/s on all cores and on a 3-node loopback cluster")
public final class BenchSweepCommand implements org.vnetlab.console.cli.Command {

    /** The cluster path's budget per run. */
    static final double TARGET_MS = 5.0;

    private final ScenarioLoader loader;

    @Option(names = "--runs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "zero-work runs per measurement, at least 2 (default: ${DEFAULT-VALUE})")
    int runs = 20000;

    public BenchSweepCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        if (runs < 2) {
            throw new UsageError("bench sweep: --runs must be at least 2");
        }
        SweepJob job = job(runs);
        int cores = Runtime.getRuntime().availableProcessors();
        double local;
        try (LocalExecutor executor = new LocalExecutor(loader, cores)) {
            measure(executor, job(Math.min(runs, 1000)));
            local = measure(executor, job);
        }
        io.out().printf(Locale.ROOT, "sweep machinery, %d zero-work runs each%n", runs);
        io.out().printf(Locale.ROOT, "  %-44s %10.0f runs/s%n", "local, " + cores + " threads", local);
        double cluster = cluster(job, cores);
        io.out().printf(Locale.ROOT, "  %-44s %10.0f runs/s  (Artery TCP on loopback)%n",
                "cluster, coordinator + 2 workers x " + cores + " slots", cluster);
        double overheadMs = 1000.0 / cluster - 1000.0 / local;
        io.out().printf(Locale.ROOT, "  %-44s %10.3f ms    (target < %.0f ms)%n", "cluster overhead per run", overheadMs,
                TARGET_MS);
        return 0;
    }

    private SweepJob job(int runs) {
        String text = loader.load("native", List.of()).render();
        List<WorkItem> items = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            items.add(new WorkItem(i, 0, List.of(), new RunSpec(Transport.UDP, IpVersion.IPV4, 64, Direction.RX, i, 1)));
        }
        return new SweepJob(text, Work.NOTHING, items);
    }

    /** Runs per second between the first and the last result: start-up and cluster formation excluded. */
    private static double measure(SweepExecutor executor, SweepJob job) throws InterruptedException {
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        executor.execute(job, (done, total) -> {
            long now = System.nanoTime();
            if (done == 1) {
                first.set(now);
            }
            if (done == total) {
                last.set(now);
            }
        }, () -> false);
        return (job.items().size() - 1) / ((last.get() - first.get()) / 1e9);
    }

    private double cluster(SweepJob job, int slots) throws Exception {
        ClusterSettings settings = ClusterSettings.load();
        HostPort seed = new HostPort("127.0.0.1", freePort());
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        try (ClusterExecutor coordinator = new ClusterExecutor(settings, seed, Version.current(), 2, notice -> { })) {
            for (int i = 0; i < 2; i++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    try {
                        WorkerNode.serve(settings, new HostPort("127.0.0.1", 0), seed, slots, Version.current(), loader,
                                true, () -> false, notice -> { });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            return measure(coordinator, job);
        } finally {
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
