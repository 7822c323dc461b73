package org.vnetlab.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.CliRun;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.sim.cluster.ClusterSettings;

/**
 * Faults on a real cluster: two long-lived workers (JVMs started from the test's class path,
 * removed by PID) serve one coordinator after another at the same address, as long-lived workers
 * do: a sweep during which one of them hangs (SIGSTOP), a sweep whose coordinator is SIGKILLed
 * and the same sweep resumed, then a plan and a calibration. Coordinators run in this JVM unless
 * they are to be killed. Every answer is the local one, byte for byte.
 */
@Tag("cluster")
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsTest {

    /** 5 grid points x 10 sizes x 2 directions = 100 runs of 0.3 simulated seconds. */
    static final List<String> SWEEP = List.of("sweep", "native", "--grid", "host.cpu-speed=1.0,1.5,2.0,2.5,3.0",
            "--sizes", "64,128,256,384,512,768,1024,1280,1400,1470", "--protocol", "ipv4", "--trials", "1",
            "--duration", "0.3", "--quiet");
    /** Any step of a test, with JVMs starting together on a loaded 2-core machine. */
    static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static int port;
    static String local;
    static Jvm first;
    static Jvm second;
    static final List<InProcess> coordinators = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        port = Jvm.freePort();
        // they wait for their first coordinator as long as this JVM needs for the local answers
        first = worker("w1");
        second = worker("w2");
        List<String> args = new ArrayList<>(SWEEP);
        args.addAll(List.of("--json", dir.resolve("local.json").toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(Cli.OK, r.code(), r.err());
        local = Files.readString(dir.resolve("local.json"));
    }

    static Jvm worker(String name) throws IOException {
        return Jvm.start(dir, name, Map.of(), "worker", "--join", "127.0.0.1:" + port, "--slots", "1",
                "--join-timeout", Long.toString(LIMIT.toSeconds()));
    }

    /** A hung worker never outlives a test. */
    @AfterEach
    void wakeAndStop() throws Exception {
        for (Jvm w : List.of(first, second)) {
            if (w.alive()) {
                w.signal("CONT");
            }
        }
        for (InProcess c : coordinators) {
            c.close();
        }
        coordinators.clear();
    }

    @AfterAll
    static void removeWorkers() throws InterruptedException {
        first.close();
        second.close();
    }

    static InProcess coordinator(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--cluster", "127.0.0.1:" + port, "--workers", "2"));
        args.addAll(List.of(more));
        InProcess c = InProcess.start(args);
        coordinators.add(c);
        return c;
    }

    /**
     * The time by which a stopped node's runs are issued again: the failure detector's acceptable
     * pause and two heartbeats (its margin, and the heartbeat in flight), as reference.conf argues,
     * plus 10 s for a machine so loaded that JVMs take 4-10 s to start.
     */
    static Duration reissueBound() {
        var detector = ClusterSettings.load().node().getConfig("pekko.cluster.failure-detector");
        return detector.getDuration("acceptable-heartbeat-pause")
                .plus(detector.getDuration("heartbeat-interval").multipliedBy(2)).plusSeconds(10);
    }

    @Test
    @Order(1)
    void aHungWorkersRunsAreIssuedAgainInBoundedTimeAndItsLateResultsChangeNothing() throws Exception {
        int from = second.stderr().length();
        int fromFirst = first.stderr().length();
        InProcess c = coordinator(SWEEP, "--json", dir.resolve("hung.json").toString());
        assertTrue(second.awaitErr("working: took", from, LIMIT), second.stderr());
        second.signal("STOP");
        long stopped = System.nanoTime();
        String address = address(second.stderr().substring(from));
        assertTrue(c.awaitErr("lost worker " + address + ": issuing its", LIMIT), c.err());
        Duration reissued = Duration.ofNanos(System.nanoTime() - stopped);
        assertTrue(reissued.compareTo(reissueBound()) < 0, "runs issued again after " + reissued + ", more than "
                + reissueBound() + "\n" + c.err());
        // it runs again: its results of the runs issued elsewhere come late and are dropped
        second.signal("CONT");
        assertEquals(Cli.OK, c.await(LIMIT), c.err());
        assertTrue(c.err().contains("100 of 100 points, 100 runs"), c.err());
        assertEquals(local, Files.readString(dir.resolve("hung.json")));
        // and it finds itself cut off from its coordinator and waits for the next one at the address
        assertTrue(second.awaitErr("waiting for the next coordinator", from, LIMIT), second.stderr());
        // the worker that kept running served the whole sweep in one session: a coordinator that
        // is unreachable for a moment while the other node hangs does not end it
        assertTrue(first.awaitErr("waiting for the next coordinator", fromFirst, LIMIT), first.stderr());
        List<String> ends = first.stderr().substring(fromFirst).lines()
                .filter(l -> l.contains("waiting for the next coordinator")).toList();
        assertEquals(1, ends.size(), first.stderr());
        assertTrue(ends.get(0).contains("left or was removed") && ends.get(0).contains("(1 coordinators, "), ends.get(0));
    }

    @Test
    @Order(2)
    void aSweepWhoseCoordinatorIsKilledResumesToTheSameBytesWithTheSameWorkers() throws Exception {
        Path out = dir.resolve("killed.json");
        List<String> args = new ArrayList<>(SWEEP);
        args.addAll(List.of("--json", out.getFileName().toString(), "--checkpoint", "0", "--cluster",
                "127.0.0.1:" + port, "--workers", "2"));
        int points;
        try (Jvm killed = Jvm.start(dir, "killed", Map.of(), args.toArray(String[]::new))) {
            points = awaitPoints(out, killed);
            killed.kill();
            assertFalse(killed.alive());
        }
        int saved = ResultJson.read(Files.readString(out)).points().size();
        assertTrue(saved >= points && saved < 100, saved + " points");
        InProcess resumed = coordinator(SWEEP, "--resume", out.toString());
        assertEquals(Cli.OK, resumed.await(LIMIT), resumed.err());
        assertTrue(resumed.err().contains((100 - saved) + " runs (" + saved + " resumed points)"), resumed.err());
        assertEquals(local, Files.readString(out));
        // both workers came back, also the one that hung in the test before
        assertEquals(2, resumed.err().lines().filter(l -> l.contains(" joined with 1 slots")).count(), resumed.err());
    }

    /** Waits until the checkpoint holds at least 10 points; the number it held then. */
    private static int awaitPoints(Path out, Jvm coordinator) throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < end && coordinator.alive()) {
            if (Files.exists(out)) {
                int n = ResultJson.read(Files.readString(out)).points().size();
                if (n >= 10) {
                    return n;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint of 10 points; coordinator:\n" + coordinator.stderr());
    }

    @Test
    @Order(3)
    void planAndCalibrateGiveTheLocalAnswerOnTheCluster() throws Exception {
        String[] plan = {"plan", "guests", "xen-double", "--mbps", "300", "--payload", "1470", "--trials", "1",
                "--duration", "0.05", "--max-guests", "4", "--quiet", "--no-cache"};
        CliRun here = CliRun.of(plan);
        assertEquals(Cli.OK, here.code(), here.err());
        InProcess there = coordinator(List.of(plan));
        assertEquals(Cli.OK, there.await(LIMIT), there.err());
        assertEquals(here.out(), there.out());
        assertTrue(there.err().contains("plan: worker "), there.err());

        Path truth = dir.resolve("truth.json");
        assertEquals(Cli.OK, CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "1470", "--trials", "1",
                "--duration", "1", "--quiet", "--json", truth.toString()).code());
        List<String> calibrate = List.of("calibrate", "--dataset", truth.toString(), "--fit",
                "cost.socket.tx-per-packet-ns,cost.socket.rx-per-packet-ns", "--quick", "--max-evaluations", "6");
        List<String> fitHere = new ArrayList<>(calibrate);
        fitHere.addAll(List.of("--out", dir.resolve("here.conf").toString()));
        CliRun fitted = CliRun.of(fitHere.toArray(String[]::new));
        assertEquals(Cli.OK, fitted.code(), fitted.out() + fitted.err());
        InProcess fittedThere = coordinator(calibrate, "--out", dir.resolve("there.conf").toString());
        assertEquals(Cli.OK, fittedThere.await(LIMIT), fittedThere.err());
        assertEquals(fitted.out().replace("here.conf", "there.conf"), fittedThere.out());
        assertEquals(Files.readString(dir.resolve("here.conf")), Files.readString(dir.resolve("there.conf")));
    }

    /** The address a worker serves its latest coordinator from. */
    private static String address(String stderr) {
        Matcher m = Pattern.compile("serving the coordinator \\S+ from (\\S+)").matcher(stderr);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertTrue(last != null, stderr);
        return last;
    }
}
