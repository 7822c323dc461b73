package org.vnetlab.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.Commands;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;

/**
 * {@code reproduce}, {@code sim} and {@code whatif} with {@code --cluster}: runs made by a worker
 * in another JVM give the files this machine's cores give, byte for byte. (reproduce hands over
 * one experiment per batch, so no message carries more than one scenario's text.)
 */
@Tag("cluster")
@Timeout(180)
class ClusterCommandsTest {

    /** The study's method cut to one trial of 5 ms each way: 510 tiny runs. */
    static final List<String> REPRODUCE = List.of("reproduce", "--trials", "1", "--duration", "0.005", "--quiet",
            "--no-cache");
    static final Duration LIMIT = Duration.ofSeconds(150);

    /** The command of {@code args} on this machine, in this JVM. */
    private static void runLocally(List<String> args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), false,
                () -> false, 100, false);
        assertEquals(Cli.OK, Commands.cli().run(args, io), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The command of {@code args} as the coordinator of a cluster on loopback with one worker, each
     * in its own JVM; returns the coordinator's stderr once both have ended well.
     */
    private static String onACluster(Path dir, List<String> args, int runs) throws Exception {
        int port = Jvm.freePort();
        List<String> coordinatorArgs = new ArrayList<>(args);
        coordinatorArgs.addAll(List.of("--cluster", "127.0.0.1:" + port, "--workers", "1"));
        try (Jvm coordinator = Jvm.start(dir, "coordinator", Map.of(), coordinatorArgs.toArray(String[]::new));
             Jvm worker = Jvm.start(dir, "worker", Map.of(), "worker", "--join", "127.0.0.1:" + port, "--once")) {
            assertEquals(0, coordinator.awaitExit(LIMIT), coordinator.stderr());
            assertTrue(coordinator.stderr().contains(" joined with "), coordinator.stderr());
            assertEquals(0, worker.awaitExit(LIMIT), worker.stderr());
            assertTrue(worker.stderr().contains("made " + runs + " runs"), worker.stderr());
            return coordinator.stderr();
        }
    }

    @Test
    void aWorkerMakesTheStudysRunsToTheLocalBytes(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("local");
        List<String> args = new ArrayList<>(REPRODUCE);
        args.addAll(List.of("--out", local.toString()));
        runLocally(args);
        List<String> clusterArgs = new ArrayList<>(REPRODUCE);
        clusterArgs.addAll(List.of("--out", "cluster"));
        String err = onACluster(dir, clusterArgs, 510);
        assertTrue(err.contains("510 simulations on the cluster at 127.0.0.1:"), err);
        List<Path> files;
        try (Stream<Path> s = Files.list(local)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(10, files.size(), files.toString());
        for (Path f : files) {
            assertEquals(Files.readString(f), Files.readString(dir.resolve("cluster").resolve(f.getFileName())),
                    f.getFileName().toString());
        }
    }

    @Test
    void aWorkerMakesAWhatifsRunsToTheLocalBytes(@TempDir Path dir) throws Exception {
        List<String> whatif = List.of("whatif", "xen-single", "--set", "host.cpu-speed=2", "--sizes", "36,1470",
                "--protocol", "ipv4", "--trials", "1", "--duration", "0.05", "--quiet", "--no-cache", "--json");
        List<String> args = new ArrayList<>(whatif);
        args.add(dir.resolve("local.json").toString());
        runLocally(args);
        List<String> clusterArgs = new ArrayList<>(whatif);
        clusterArgs.add("cluster.json");
        // 2 sizes x 2 directions x 1 trial, for the baseline and the modified scenario
        onACluster(dir, clusterArgs, 8);
        assertEquals(Files.readString(dir.resolve("local.json")), Files.readString(dir.resolve("cluster.json")));
    }
}
