package org.vnetlab.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.CliRun;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.sim.cluster.ClusterSettings;

/**
 * A cluster node's address that cannot work is one line naming its flag, at once: exit 2 for an
 * unknown host, another machine's address or port 0 (before Pekko starts, so nothing waits for a
 * join timeout), exit 1 for a port another program holds, with no Pekko log or stack trace.
 */
@Timeout(60)
class ClusterAddressCliTest {

    static final List<String> SWEEP = List.of("sweep", "native", "--protocol", "ipv4", "--sizes", "36", "--trials",
            "1", "--duration", "0.2", "--quiet");
    static final List<String> SIM = List.of("sim", "native", "--protocol", "ipv4", "--sizes", "36", "--trials", "1",
            "--duration", "0.2", "--quiet", "--no-cache");

    private static CliRun run(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void refused(CliRun r, String line) {
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals(List.of(line), r.err().lines().toList());
    }

    @Test
    @Timeout(20)
    void anUnknownHostOrPortZeroIsRefusedAtOnceWithExitTwo() {
        refused(run(SWEEP, "--cluster", "nosuch.invalid:2552"), "vnetlab: sweep: --cluster nosuch.invalid:2552:"
                + " unknown host; give an address of this host that the workers can reach, and a port, e.g."
                + " 127.0.0.1:2552");
        refused(run(SIM, "--cluster", "127.0.0.1:0"), "vnetlab: sim: --cluster 127.0.0.1:0: port 0 cannot be joined"
                + " (it means any free port, which no one else can know); give an address of this host that the"
                + " workers can reach, and a port, e.g. 127.0.0.1:2552");
        // the worker used to wait the whole join timeout (30 s) for these
        refused(run(List.of("worker"), "--join", "nosuch.invalid:2552"), "vnetlab: worker: --join"
                + " nosuch.invalid:2552: unknown host; give the coordinator's --cluster address, e.g. 127.0.0.1:2552");
        refused(run(List.of("worker"), "--join", "127.0.0.1:0"), "vnetlab: worker: --join 127.0.0.1:0: port 0"
                + " cannot be joined (it means any free port, which no one else can know); give the coordinator's"
                + " --cluster address, e.g. 127.0.0.1:2552");
    }

    @Test
    void anotherMachinesAddressIsRefusedWithExitTwo() throws Exception {
        String elsewhere = "203.0.113.1"; // TEST-NET-3: on no machine's interface
        assumeTrue(NetworkInterface.getByInetAddress(InetAddress.getByName(elsewhere)) == null);
        for (CliRun r : List.of(run(SWEEP, "--cluster", elsewhere + ":2552"),
                run(List.of("plan", "guests", "native", "--mbps", "100"), "--cluster", elsewhere + ":2552"),
                run(List.of("worker", "--join", "127.0.0.1:2552"), "--bind", elsewhere + ":0"))) {
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(elsewhere + ":" + (r.err().contains("--bind") ? "0" : "2552")
                    + ": not an address of this host (its addresses include "), r.err());
        }
    }

    @Test
    @Timeout(20)
    void aClusterFlagWithoutClusterOrAKeyStoreThatWouldNotOpenIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("missing.p12").toString();
        String text = Files.writeString(dir.resolve("text.p12"), "not a key store\n").toString();
        String alone = " needs --cluster ADDR:PORT (without it the runs are made on this machine's cores)";
        refused(run(SIM, "--tls", missing), "vnetlab: sim: --tls " + missing + alone);
        // before the sweep's line saying how it will run
        refused(run(SWEEP, "--join-timeout", "5"), "vnetlab: sweep: --join-timeout 5" + alone);
        String at = "127.0.0.1:" + Jvm.freePort();
        refused(run(SIM, "--cluster", at, "--tls", missing), "vnetlab: sim: --tls " + missing + ": no such file");
        refused(run(SWEEP, "--cluster", at, "--tls", dir.toString()), "vnetlab: sweep: --tls " + dir
                + ": is a directory, not a key store file");
        refused(run(List.of("worker", "--join", at), "--tls", text), "vnetlab: worker: --tls " + text
                + ": not a PKCS12 key store");
        assumeTrue(!"the-password".equals(System.getenv(ClusterSettings.PASSWORD_VARIABLE)));
        Path locked = dir.resolve("locked.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (OutputStream out = Files.newOutputStream(locked)) {
            empty.store(out, "the-password".toCharArray());
        }
        refused(run(SIM, "--cluster", at, "--tls", locked.toString()), "vnetlab: sim: --tls " + locked
                + ": wrong password (give it in $" + ClusterSettings.PASSWORD_VARIABLE + ")");
    }

    @Test
    void aCoordinatorsPortInUseIsOneLineWithExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String at = "127.0.0.1:" + taken.getLocalPort();
            for (List<String> command : List.of(SWEEP, SIM)) {
                CliRun r = run(command, "--cluster", at);
                assertEquals(Cli.FAILURE, r.code(), r.err());
                List<String> errors = r.err().lines().filter(l -> !l.startsWith(command.get(0) + " ")).toList();
                assertEquals(List.of("vnetlab: " + command.get(0) + ": --cluster " + at
                        + ": cannot listen: address already in use"), errors, r.err());
            }
        }
    }

    /** In a JVM of its own, so that what Pekko logs to stderr is seen: one line, no stack trace. */
    @Test
    void aWorkersPortInUseIsOneLineOnStderrWithExitOne(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Jvm worker = Jvm.start(dir, "worker", Map.of(), "worker", "--join", "127.0.0.1:" + Jvm.freePort(),
                     "--bind", "127.0.0.1:" + taken.getLocalPort(), "--join-timeout", "30")) {
            assertEquals(Cli.FAILURE, worker.awaitExit(Duration.ofSeconds(45)), worker.stderr());
            assertEquals(List.of("vnetlab: worker: --bind 127.0.0.1:" + taken.getLocalPort()
                    + ": cannot listen: address already in use"), worker.stderr().lines().toList());
        }
    }
}
