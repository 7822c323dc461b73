package org.vnetlab.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.sweep.SweepJob;
import org.vnetlab.sim.sweep.Work;
import org.vnetlab.sim.sweep.WorkItem;

/**
 * The coordinator's bookkeeping on a one-node cluster, every message serialized (Jackson CBOR,
 * serialize-messages = on): version check, pull, duplicates, runs of a lost node issued again.
 */
class CoordinatorTest {

    static ActorTestKit kit;

    @BeforeAll
    static void start() {
        kit = ActorTestKit.create("vnetlab", ConfigFactory.parseMap(Map.of(
                "pekko.actor.serialize-messages", "on",
                "pekko.remote.artery.canonical.port", 0,
                "pekko.cluster.seed-nodes", List.of()))
                .withFallback(ConfigFactory.load().getConfig("vnetlab.cluster.node"))
                .withFallback(ConfigFactory.load()));
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
            items.add(new WorkItem(i, List.of("host.cpus=" + (1 + i % 2), "method.seed=7"),
                    new RunSpec(Transport.UDP, IpVersion.IPV6, 200 + i, Direction.TX, i % 3, 1_000_000)));
        }
        return new SweepJob("name = test\n", Work.SIMULATE, items);
    }

    static RunResult result(RunSpec spec) {
        return RunResult.throughput(spec, Map.of("domU1", 1.5), Map.of("domU1", 0.25), new TreeMap<>(Map.of("dom0", 99.5)),
                new TreeMap<>(Map.of("netback.rx.drop", 3L)), 10, 20);
    }

    @Test
    void aWorkerOfAnotherVersionIsRefusedNamingBoth() {
        List<String> notices = new CopyOnWriteArrayList<>();
        ActorRef<CoordinatorProtocol> c = kit.spawn(Coordinator.create(job(1), "1.0", 1, Duration.ofMinutes(1),
                (d, t) -> { }, notices::add, new CompletableFuture<>()));
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
        CompletableFuture<SortedMap<Integer, RunResult>> outcome = new CompletableFuture<>();
        List<Integer> progress = new CopyOnWriteArrayList<>();
        SweepJob job = job(5);
        ActorRef<CoordinatorProtocol> c = kit.spawn(Coordinator.create(job, "1.0", 1, Duration.ofMinutes(1),
                (d, t) -> progress.add(d), n -> { }, outcome));
        TestProbe<WorkerProtocol> first = kit.createTestProbe();
        c.tell(new CoordinatorProtocol.Register(first.getRef(), "1.0", 1));
        WorkerProtocol.Welcome welcome = first.expectMessageClass(WorkerProtocol.Welcome.class);
        assertEquals("name = test\n", welcome.scenarioText());
        c.tell(new CoordinatorProtocol.Pull(first.getRef(), 2));
        List<WorkItem> got = first.expectMessageClass(WorkerProtocol.Assign.class).items();
        assertEquals(job.items().subList(0, 2), got);
        c.tell(new CoordinatorProtocol.Done(first.getRef(), 0, result(got.get(0).spec())));
        c.tell(new CoordinatorProtocol.Done(first.getRef(), 0, result(got.get(0).spec())));
        // the first worker's node is lost with run 1 in flight: run 1 is issued again, first
        c.tell(new CoordinatorProtocol.NodeLost(kit.system().address(), false));
        TestProbe<WorkerProtocol> second = kit.createTestProbe();
        c.tell(new CoordinatorProtocol.Register(second.getRef(), "1.0", 4));
        second.expectMessageClass(WorkerProtocol.Welcome.class);
        c.tell(new CoordinatorProtocol.Pull(second.getRef(), 10));
        List<WorkItem> again = second.expectMessageClass(WorkerProtocol.Assign.class).items();
        assertEquals(List.of(1, 2, 3, 4), again.stream().map(WorkItem::index).toList());
        for (WorkItem item : again) {
            c.tell(new CoordinatorProtocol.Done(second.getRef(), item.index(), result(item.spec())));
        }
        SortedMap<Integer, RunResult> results = outcome.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2, 3, 4), new ArrayList<>(results.keySet()));
        assertEquals(result(job.items().get(3).spec()), results.get(3));
        assertEquals(List.of(1, 2, 3, 4, 5), progress);
        assertEquals(new WorkerProtocol.SweepOver(5), second.expectMessageClass(WorkerProtocol.SweepOver.class));
        assertFalse(outcome.isCompletedExceptionally());
    }

    @Test
    void noRunIsIssuedBeforeEnoughWorkersJoined() {
        ActorRef<CoordinatorProtocol> c = kit.spawn(Coordinator.create(job(3), "1.0", 2, Duration.ofMinutes(1),
                (d, t) -> { }, n -> { }, new CompletableFuture<>()));
        TestProbe<WorkerProtocol> first = kit.createTestProbe();
        c.tell(new CoordinatorProtocol.Register(first.getRef(), "1.0", 1));
        first.expectMessageClass(WorkerProtocol.Welcome.class);
        c.tell(new CoordinatorProtocol.Pull(first.getRef(), 2));
        first.expectNoMessage(Duration.ofMillis(200));
        TestProbe<WorkerProtocol> second = kit.createTestProbe();
        c.tell(new CoordinatorProtocol.Register(second.getRef(), "1.0", 1));
        second.expectMessageClass(WorkerProtocol.Welcome.class);
        c.tell(new CoordinatorProtocol.Pull(second.getRef(), 2));
        assertEquals(List.of(0, 1), first.expectMessageClass(WorkerProtocol.Assign.class).items().stream()
                .map(WorkItem::index).toList());
        assertEquals(List.of(2), second.expectMessageClass(WorkerProtocol.Assign.class).items().stream()
                .map(WorkItem::index).toList());
    }

    @Test
    void withoutWorkersTheSweepFailsAfterTheJoinTimeout() {
        CompletableFuture<SortedMap<Integer, RunResult>> outcome = new CompletableFuture<>();
        kit.spawn(Coordinator.create(job(1), "1.0", 1, Duration.ofMillis(300), (d, t) -> { }, n -> { }, outcome));
        Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> outcome.get(5, TimeUnit.SECONDS)).getCause();
        assertTrue(e.getMessage().startsWith("0 of 1 workers joined the cluster at pekko://vnetlab@127.0.0.1:"), e.getMessage());
    }
}
