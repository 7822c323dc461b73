package org.vnetlab.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.Commands;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;

/**
 * Sweeps on a real cluster of JVMs on loopback: a coordinator and two workers (each serving one
 * coordinator: --once) started by the test from its class path and removed by PID. The cluster's
 * JSON must equal the local run's byte for byte, also when a worker is SIGKILLed after it took
 * work; with TLS, a node whose key store the cluster does not trust cannot join.
 */
@Tag("cluster")
@Timeout(180)
class ClusterSweepTest {

    /** 5 grid points x 10 sizes x 2 protocols x 2 directions x 1 trial = 200 tiny runs. */
    static final List<String> SWEEP = List.of("sweep", "native", "--grid", "host.cpu-speed=1.0,1.5,2.0,2.5,3.0",
            "--sizes", "64,128,256,384,512,768,1024,1280,1400,1450", "--trials", "1", "--duration", "0.005", "--quiet");
    static final Duration LIMIT = Duration.ofSeconds(90);
    static final String PASSWORD = "vnetlab-test-secret";

    @TempDir
    static Path dir;
    static byte[] local;
    final List<Jvm> started = new ArrayList<>();

    @BeforeAll
    static void runLocally() throws IOException {
        List<String> args = new ArrayList<>(SWEEP);
        args.addAll(List.of("--json", dir.resolve("local.json").toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), false,
                () -> false, 100, false);
        assertEquals(Cli.OK, Commands.cli().run(args, io), err.toString(StandardCharsets.UTF_8));
        local = Files.readAllBytes(dir.resolve("local.json"));
    }

    @AfterEach
    void removeNodes() throws InterruptedException {
        for (Jvm j : started) {
            j.close();
        }
    }

    private Jvm start(String name, Map<String, String> env, List<String> args) throws IOException {
        Jvm j = Jvm.start(dir, name, env, args.toArray(String[]::new));
        started.add(j);
        return j;
    }

    private Jvm coordinator(String name, int port, String... more) throws IOException {
        List<String> args = new ArrayList<>(SWEEP);
        args.addAll(List.of("--json", name + ".json", "--cluster", "127.0.0.1:" + port));
        args.addAll(List.of(more));
        return start(name, Map.of("VNETLAB_TLS_PASSWORD", PASSWORD), args);
    }

    private Jvm worker(String name, int port, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--join", "127.0.0.1:" + port, "--slots", "1", "--once"));
        args.addAll(List.of(more));
        return start(name, Map.of("VNETLAB_TLS_PASSWORD", PASSWORD), args);
    }

    @Test
    void threeNodesGiveTheLocalBytes() throws Exception {
        int port = Jvm.freePort();
        Jvm coordinator = coordinator("three", port, "--workers", "2");
        Jvm w1 = worker("three-w1", port);
        Jvm w2 = worker("three-w2", port);
        assertEquals(0, coordinator.awaitExit(LIMIT), coordinator.stderr());
        assertEquals(2, coordinator.stderr().lines().filter(l -> l.contains(" joined with 1 slots")).count(),
                coordinator.stderr());
        assertTrue(coordinator.stderr().contains("200 of 200 points"), coordinator.stderr());
        assertEquals(new String(local, StandardCharsets.UTF_8), Files.readString(dir.resolve("three.json")));
        assertEquals(0, w1.awaitExit(LIMIT), w1.stderr());
        assertEquals(0, w2.awaitExit(LIMIT), w2.stderr());
        assertTrue(w1.stderr().contains("the coordinator left"), w1.stderr());
    }

    @Test
    void aWorkerKilledMidSweepCostsOnlyItsRuns() throws Exception {
        int port = Jvm.freePort();
        Jvm coordinator = coordinator("killed", port, "--workers", "2");
        Jvm survivor = worker("killed-w1", port);
        Jvm victim = worker("killed-w2", port);
        assertTrue(victim.awaitErr("working: took", LIMIT), victim.stderr());
        victim.kill();
        assertEquals(0, coordinator.awaitExit(LIMIT), coordinator.stderr());
        assertTrue(coordinator.stderr().contains("lost worker"), coordinator.stderr());
        assertEquals(new String(local, StandardCharsets.UTF_8), Files.readString(dir.resolve("killed.json")));
        assertEquals(0, survivor.awaitExit(LIMIT), survivor.stderr());
    }

    @Test
    void withTlsOnlyANodeWithTheClustersCertificateJoins() throws Exception {
        Path good = keyStore("good.p12", "vnetlab-test");
        Path other = keyStore("other.p12", "vnetlab-other");
        int port = Jvm.freePort();
        Jvm coordinator = coordinator("tls", port, "--tls", good.toString());
        Jvm stranger = worker("tls-stranger", port, "--tls", other.toString(), "--join-timeout", "10");
        Jvm member = worker("tls-member", port, "--tls", good.toString());
        assertEquals(0, coordinator.awaitExit(LIMIT), coordinator.stderr());
        assertEquals(new String(local, StandardCharsets.UTF_8), Files.readString(dir.resolve("tls.json")));
        assertEquals(1, coordinator.stderr().lines().filter(l -> l.contains(" joined with 1 slots")).count(),
                coordinator.stderr());
        assertEquals(0, member.awaitExit(LIMIT), member.stderr());
        assertEquals(1, stranger.awaitExit(LIMIT), stranger.stderr());
        assertTrue(stranger.stderr().contains("vnetlab: worker: no coordinator found within 10 s: TLS handshake with"
                + " 127.0.0.1:" + port + " failed: unable to find valid certification path"), stranger.stderr());
        assertTrue(coordinator.stderr().contains("sweep: TLS handshake with a connecting node failed"),
                coordinator.stderr());
    }

    private static Path keyStore(String name, String cn) throws IOException, InterruptedException {
        Path script = Path.of("..", "scripts", "make-test-keystore.sh").toAbsolutePath().normalize();
        Path store = dir.resolve(name);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), store.toString(), cn)
                .redirectErrorStream(true);
        pb.environment().put("VNETLAB_TLS_PASSWORD", PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return store;
    }
}
