package org.vnetlab.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.sweep.SweepExecutor;
import org.vnetlab.sim.sweep.SweepJob;
import org.vnetlab.sim.sweep.Work;
import org.vnetlab.sim.sweep.WorkItem;

/**
 * The coordinator's bookkeeping on a one-node cluster, every message serialized (Jackson CBOR,
 * serialize-messages = on): version check, pull, duplicates, runs of a lost node issued again,
 * overdue runs issued again, batch after batch with the same workers.
 */
@Timeout(60)
class CoordinatorTest {

    static ActorTestKit kit;
    static ClusterSettings settings;

    @BeforeAll
    static void start() {
        Config config = ConfigFactory.parseMap(Map.of(
                "pekko.actor.serialize-messages", "on",
                "pekko.remote.artery.canonical.port", 0,
                "pekko.cluster.seed-nodes", List.of()))
                .withFallback(ConfigFactory.load().getConfig("vnetlab.cluster.node"))
                .withFallback(ConfigFactory.load());
        kit = ActorTestKit.create("vnetlab", config);
        settings = ClusterSettings.load().withJoinTimeout(Duration.ofMinutes(1));
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    static SweepJob job(int runs) {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            items.add(new WorkItem(i, i % 2, List.of("host.cpus=" + (1 + i % 2), "method.seed=7"),
                    new RunSpec(Transport.UDP, IpVersion.IPV6, 200 + i, Direction.TX, i % 3, 1_000_000)));
        }
        return new SweepJob(List.of("name = test\n", "name = other\n"), Work.SIMULATE, items);
    }

    static RunResult result(RunSpec spec) {
        return RunResult.throughput(spec, Map.of("domU1", 1.5), Map.of("domU1", 0.25), new TreeMap<>(Map.of("dom0", 99.5)),
                new TreeMap<>(Map.of("netback.rx.drop", 3L)), 10, 20);
    }

    /** A batch handed to a coordinator: its outcome and what progress heard. */
    record Submitted(CompletableFuture<SortedMap<Integer, RunResult>> outcome, List<Integer> done,
                     List<Integer> made) {

        static Submitted to(ActorRef<CoordinatorProtocol> c, SweepJob job) {
            Submitted s = new Submitted(new CompletableFuture<>(), new CopyOnWriteArrayList<>(),
                    new CopyOnWriteArrayList<>());
            c.tell(new CoordinatorProtocol.Submit(job, new SweepExecutor.Progress() {
                @Override
                public void runDone(int done, int total) {
                    s.done().add(done);
                }

                @Override
                public void made(int index, RunResult result) {
                    s.made().add(index);
                }
            }, s.outcome()));
            return s;
        }
    }

    static ActorRef<CoordinatorProtocol> coordinator(int minWorkers, ClusterSettings s, List<String> notices) {
        return kit.spawn(Coordinator.create("1.0", minWorkers, s, notices::add));
    }

    /** Registers a worker probe and returns the batch it is told about, if one is running. */
    static WorkerProtocol.Batch register(ActorRef<CoordinatorProtocol> c, TestProbe<WorkerProtocol> w, int slots) {
        c.tell(new CoordinatorProtocol.Register(w.getRef(), "1.0", slots));
        w.expectMessageClass(WorkerProtocol.Welcome.class);
        return w.expectMessageClass(WorkerProtocol.Batch.class);
    }

    static List<Integer> indices(List<WorkItem> items) {
        return items.stream().map(WorkItem::index).toList();
    }

    static void done(ActorRef<CoordinatorProtocol> c, TestProbe<WorkerProtocol> w, long batch, WorkItem item,
                     long nanos) {
        c.tell(new CoordinatorProtocol.Done(w.getRef(), batch, item.index(), result(item.spec()), nanos));
    }

    @Test
    void aWorkerOfAnotherVersionIsRefusedNamingBoth() {
        List<String> notices = new CopyOnWriteArrayList<>();
        ActorRef<CoordinatorProtocol> c = coordinator(1, settings, notices);
        Submitted.to(c, job(1));
        TestProbe<WorkerProtocol> w = kit.createTestProbe();
        c.tell(new CoordinatorProtocol.Register(w.getRef(), "0.9", 2));
        WorkerProtocol.Refused r = w.expectMessageClass(WorkerProtocol.Refused.class);
        assertEquals("this worker is vnetlab 0.9, the coordinator is vnetlab 1.0", r.reason());
        assertTrue(notices.get(0).startsWith("refused worker ") && notices.get(0).contains("0.9"), notices.toString());
        c.tell(new CoordinatorProtocol.Pull(w.getRef(), 5));
        w.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void runsAreIssuedOnDemandLostRunsAgainAndDuplicatesDropped() throws Exception {
        SweepJob job = job(5);
        ActorRef<CoordinatorProtocol> c = coordinator(1, settings, new CopyOnWriteArrayList<>());
        Submitted s = Submitted.to(c, job);
        TestProbe<WorkerProtocol> first = kit.createTestProbe();
        WorkerProtocol.Batch batch = register(c, first, 1);
        assertEquals(List.of("name = test\n", "name = other\n"), batch.scenarioTexts());
        c.tell(new CoordinatorProtocol.Pull(first.getRef(), 2));
        List<WorkItem> got = first.expectMessageClass(WorkerProtocol.Assign.class).items();
        assertEquals(job.items().subList(0, 2), got);
        done(c, first, batch.batch(), got.get(0), 1000);
        done(c, first, batch.batch(), got.get(0), 1000);
        // the first worker's node is lost with run 1 in flight: run 1 is issued again, first
        c.tell(new CoordinatorProtocol.NodeLost(kit.system().address(), false));
        TestProbe<WorkerProtocol> second = kit.createTestProbe();
        register(c, second, 4);
        c.tell(new CoordinatorProtocol.Pull(second.getRef(), 10));
        List<WorkItem> again = second.expectMessageClass(WorkerProtocol.Assign.class).items();
        assertEquals(List.of(1, 2, 3, 4), indices(again));
        for (WorkItem item : again) {
            done(c, second, batch.batch(), item, 1000);
        }
        SortedMap<Integer, RunResult> results = s.outcome().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2, 3, 4), new ArrayList<>(results.keySet()));
        assertEquals(result(job.items().get(3).spec()), results.get(3));
        assertEquals(List.of(1, 2, 3, 4, 5), s.done());
        assertEquals(List.of(0, 1, 2, 3, 4), s.made());
        assertEquals(batch.batch(), second.expectMessageClass(WorkerProtocol.BatchOver.class).batch());
        assertFalse(s.outcome().isCompletedExceptionally());
    }

    @Test
    void workersServeBatchAfterBatchAndResultsOfAnEarlierBatchAreDropped() throws Exception {
        ActorRef<CoordinatorProtocol> c = coordinator(1, settings, new CopyOnWriteArrayList<>());
        TestProbe<WorkerProtocol> w = kit.createTestProbe();
        c.tell(new CoordinatorProtocol.Register(w.getRef(), "1.0", 1));
        w.expectMessageClass(WorkerProtocol.Welcome.class);
        c.tell(new CoordinatorProtocol.Pull(w.getRef(), 2));
        w.expectNoMessage(Duration.ofMillis(100));
        Submitted one = Submitted.to(c, job(2));
        long first = w.expectMessageClass(WorkerProtocol.Batch.class).batch();
        List<WorkItem> items = w.expectMessageClass(WorkerProtocol.Assign.class).items();
        assertEquals(List.of(0, 1), indices(items));
        items.forEach(i -> done(c, w, first, i, 1000));
        assertEquals(2, one.outcome().get(10, TimeUnit.SECONDS).size());
        w.expectMessageClass(WorkerProtocol.BatchOver.class);
        // the worker's demand carries over; a result of the first batch is not one of the second
        c.tell(new CoordinatorProtocol.Pull(w.getRef(), 2));
        SweepJob job = job(3);
        Submitted two = Submitted.to(c, job);
        long second = w.expectMessageClass(WorkerProtocol.Batch.class).batch();
        assertTrue(second != first);
        assertEquals(List.of(0, 1), indices(w.expectMessageClass(WorkerProtocol.Assign.class).items()));
        done(c, w, first, job.items().get(0), 1000);
        c.tell(new CoordinatorProtocol.Pull(w.getRef(), 1));
        assertEquals(List.of(2), indices(w.expectMessageClass(WorkerProtocol.Assign.class).items()));
        assertEquals(List.of(), two.done());
        job.items().forEach(i -> done(c, w, second, i, 1000));
        assertEquals(List.of(0, 1, 2), new ArrayList<>(two.outcome().get(10, TimeUnit.SECONDS).keySet()));
    }

    @Test
    void anOverdueRunIsIssuedOnceMoreToAnotherWorkerAndTheFirstResultCounts() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        ActorRef<CoordinatorProtocol> c = coordinator(2, settings.withOverdue(2, Duration.ofMillis(400)), notices);
        SweepJob job = job(3);
        Submitted s = Submitted.to(c, job);
        TestProbe<WorkerProtocol> stuck = kit.createTestProbe();
        TestProbe<WorkerProtocol> busy = kit.createTestProbe();
        long batch = register(c, stuck, 1).batch();
        register(c, busy, 1);
        // run 0 can be handed out no earlier than this, so it is overdue no earlier than 400 ms later
        long beforeAssigned = System.nanoTime();
        c.tell(new CoordinatorProtocol.Pull(stuck.getRef(), 1));
        c.tell(new CoordinatorProtocol.Pull(busy.getRef(), 1));
        assertEquals(List.of(0), indices(stuck.expectMessageClass(WorkerProtocol.Assign.class).items()));
        assertEquals(List.of(1), indices(busy.expectMessageClass(WorkerProtocol.Assign.class).items()));
        // the longest run took 50 ms, so run 0 is overdue after max(400 ms, 2 x 50 ms)
        done(c, busy, batch, job.items().get(1), 50_000_000);
        c.tell(new CoordinatorProtocol.Pull(busy.getRef(), 1));
        assertEquals(List.of(2), indices(busy.expectMessageClass(WorkerProtocol.Assign.class).items()));
        done(c, busy, batch, job.items().get(2), 50_000_000);
        c.tell(new CoordinatorProtocol.Pull(busy.getRef(), 1));
        assertEquals(List.of(0), indices(busy.expectMessageClass(WorkerProtocol.Assign.class,
                Duration.ofSeconds(5)).items()));
        assertTrue(System.nanoTime() - beforeAssigned >= 400_000_000L, "issued again before it was overdue");
        assertTrue(notices.stream().anyMatch(n -> n.contains("has had 1 runs out for more than 0.4 s")), notices.toString());
        // the stuck worker never gets its own run twice, and its late result counts if it is first
        c.tell(new CoordinatorProtocol.Pull(stuck.getRef(), 1));
        stuck.expectNoMessage(Duration.ofMillis(200));
        done(c, stuck, batch, job.items().get(0), 3_000_000_000L);
        done(c, busy, batch, job.items().get(0), 50_000_000);
        SortedMap<Integer, RunResult> results = s.outcome().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2), new ArrayList<>(results.keySet()));
        assertEquals(List.of(1, 2, 3), s.done());
    }

    @Test
    void noRunIsIssuedBeforeEnoughWorkersJoined() {
        ActorRef<CoordinatorProtocol> c = coordinator(2, settings, new CopyOnWriteArrayList<>());
        Submitted.to(c, job(3));
        TestProbe<WorkerProtocol> first = kit.createTestProbe();
        register(c, first, 1);
        c.tell(new CoordinatorProtocol.Pull(first.getRef(), 2));
        first.expectNoMessage(Duration.ofMillis(200));
        TestProbe<WorkerProtocol> second = kit.createTestProbe();
        register(c, second, 1);
        c.tell(new CoordinatorProtocol.Pull(second.getRef(), 2));
        assertEquals(List.of(0, 1), indices(first.expectMessageClass(WorkerProtocol.Assign.class).items()));
        assertEquals(List.of(2), indices(second.expectMessageClass(WorkerProtocol.Assign.class).items()));
    }

    @Test
    void withoutWorkersABatchFailsAfterTheJoinTimeoutAndSoWhenAllAreLost() {
        ClusterSettings quick = settings.withJoinTimeout(Duration.ofMillis(300));
        ActorRef<CoordinatorProtocol> c = coordinator(1, quick, new CopyOnWriteArrayList<>());
        Submitted none = Submitted.to(c, job(1));
        Throwable e = assertThrows(Exception.class, () -> none.outcome().get(5, TimeUnit.SECONDS)).getCause();
        assertTrue(e.getMessage().startsWith("0 of 1 workers joined the cluster at pekko://vnetlab@127.0.0.1:"),
                e.getMessage());
        Submitted lost = Submitted.to(c, job(2));
        TestProbe<WorkerProtocol> w = kit.createTestProbe();
        register(c, w, 1);
        c.tell(new CoordinatorProtocol.NodeLost(kit.system().address(), false));
        e = assertThrows(Exception.class, () -> lost.outcome().get(5, TimeUnit.SECONDS)).getCause();
        assertTrue(e.getMessage().startsWith("every worker was lost and none joined the cluster at "), e.getMessage());
    }

    @Test
    void aRunThatFailsOnAWorkerFailsItsBatchNamingIt() {
        ActorRef<CoordinatorProtocol> c = coordinator(1, settings, new CopyOnWriteArrayList<>());
        Submitted s = Submitted.to(c, job(2));
        TestProbe<WorkerProtocol> w = kit.createTestProbe();
        long batch = register(c, w, 1).batch();
        c.tell(new CoordinatorProtocol.Failed(w.getRef(), batch, 1, "boom"));
        Throwable e = assertThrows(Exception.class, () -> s.outcome().get(5, TimeUnit.SECONDS)).getCause();
        assertTrue(e.getMessage().matches("run 1 failed on worker pekko://vnetlab@127\\.0\\.0\\.1:\\d+: boom"),
                e.getMessage());
    }
}
