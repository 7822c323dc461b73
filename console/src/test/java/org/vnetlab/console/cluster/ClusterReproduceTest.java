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
 * {@code reproduce --cluster}: the study's experiments made by a worker in another JVM give the
 * files this machine's cores give, byte for byte (each experiment is a batch of its own, so no
 * message carries more than one scenario's text).
 */
@Tag("cluster")
@Timeout(180)
class ClusterReproduceTest {

    /** The study's method cut to one trial of 5 ms each way: 510 tiny runs. */
    static final List<String> REPRODUCE = List.of("reproduce", "--trials", "1", "--duration", "0.005", "--quiet",
            "--no-cache");
    static final Duration LIMIT = Duration.ofSeconds(150);

    @Test
    void aWorkerMakesTheStudysRunsToTheLocalBytes(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("local");
        List<String> args = new ArrayList<>(REPRODUCE);
        args.addAll(List.of("--out", local.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), false,
                () -> false, 100, false);
        assertEquals(Cli.OK, Commands.cli().run(args, io), err.toString(StandardCharsets.UTF_8));

        int port = Jvm.freePort();
        List<String> coordinatorArgs = new ArrayList<>(REPRODUCE);
        coordinatorArgs.addAll(List.of("--out", "cluster", "--cluster", "127.0.0.1:" + port, "--workers", "1"));
        try (Jvm coordinator = Jvm.start(dir, "coordinator", Map.of(), coordinatorArgs.toArray(String[]::new));
             Jvm worker = Jvm.start(dir, "worker", Map.of(), "worker", "--join", "127.0.0.1:" + port, "--once")) {
            assertEquals(0, coordinator.awaitExit(LIMIT), coordinator.stderr());
            assertTrue(coordinator.stderr().contains("510 simulations on the cluster at 127.0.0.1:" + port),
                    coordinator.stderr());
            assertTrue(coordinator.stderr().contains(" joined with "), coordinator.stderr());
            assertEquals(0, worker.awaitExit(LIMIT), worker.stderr());
            assertTrue(worker.stderr().contains("made 510 runs"), worker.stderr());
        }
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
}
