package org.vnetlab.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.Commands;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.result.ResultJson;

/** sweep and worker as a user meets them: exit codes, one-line errors, stop and resume. */
class SweepCliTest {

    record Run(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    static Run run(BooleanSupplier cancelled, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, cancelled, 100, true);
        int code = Commands.cli().run(List.of(args), io);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(() -> false, args);
    }

    static String[] tiny(String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", "native", "--grid", "host.cpu-speed=1.0,2.0", "--sizes",
                "200,1470", "--protocol", "ipv4", "--trials", "1", "--duration", "0.005"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void badGridKeysAndValuesAreOneLineAndExitTwo() {
        Run unknown = run("sweep", "native", "--grid", "host.cpux=1,2");
        assertEquals(Cli.USAGE, unknown.code());
        assertEquals(List.of("vnetlab: --grid host.cpux=1,2: host.cpux: unknown key; did you mean 'host.cpus'?"
                + " (`vnetlab show NAME` lists every key)"), unknown.err().lines().toList());
        Run type = run("sweep", "native", "--grid", "host.cpus=1,two");
        assertEquals(Cli.USAGE, type.code());
        assertEquals(1, type.err().lines().count(), type.err());
        assertTrue(type.err().startsWith("vnetlab: --grid host.cpus=1,two: host.cpus = two: "), type.err());
        assertEquals(Cli.USAGE, run("worker").code());
        assertEquals(Cli.USAGE, run("worker", "--join", "nowhere").code());
        // a worker that could never reach its coordinator said so only after the join timeout
        Run self = run("worker", "--join", "127.0.0.1:21010", "--bind", "127.0.0.1:21010");
        assertEquals(Cli.USAGE, self.code());
        assertTrue(self.err().startsWith("vnetlab: worker: --join 127.0.0.1:21010 is this worker's own --bind"),
                self.err());
        Run family = run("worker", "--join", "[::1]:21010");
        assertEquals(Cli.USAGE, family.code());
        assertTrue(family.err().startsWith("vnetlab: worker: --join [::1]:21010 is IPv6 but --bind 127.0.0.1:0 is IPv4"),
                family.err());
        assertEquals(Cli.USAGE, run("bench", "nothing").code());
        Run checkpoint = run(tiny("--checkpoint", "-1"));
        assertEquals(Cli.USAGE, checkpoint.code());
        assertEquals(List.of("vnetlab: sweep: --checkpoint -1: expected seconds, 0 to 86400 (a day)"), checkpoint.err().lines().toList());
        // it keeps the --json file up to date: without one it was silently ignored
        Run unkept = run(tiny("--checkpoint", "5"));
        assertEquals(Cli.USAGE, unkept.code());
        assertEquals(List.of("vnetlab: sweep: --checkpoint needs --json FILE, the file it keeps up to date (or --resume"
                + " FILE)"), unkept.err().lines().toList());
        Run missing = run(tiny("--resume", "/nonexistent/part.json"));
        assertEquals(Cli.USAGE, missing.code(), missing.err());
        assertEquals(List.of("vnetlab: sweep --resume: /nonexistent/part.json: no such file"), missing.err().lines().toList());
        for (String[] args : new String[][] {{"plan", "guests", "native", "--mbps", "100", "--cluster", "nowhere"},
                {"calibrate", "--cluster", "127.0.0.1"}}) {
            Run r = run(args);
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--cluster") && r.err().contains("expected HOST:PORT"), r.err());
        }
    }

    @Test
    @Timeout(60)
    void aWorkerStoppedWithCtrlCLeavesAndExitsZero() throws Exception {
        Run r = run(() -> true, "worker", "--join", "127.0.0.1:" + Jvm.freePort(), "--join-timeout", "30");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("worker: stopped (0 coordinators, 0 runs)")), r.err());
    }

    @Test
    @Timeout(60)
    void anUnreachableSeedIsAClearErrorAfterTheJoinTimeout() throws Exception {
        Run r = run("worker", "--join", "127.0.0.1:" + Jvm.freePort(), "--join-timeout", "2");
        assertEquals(Cli.FAILURE, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("vnetlab: worker: no coordinator found within 2 s:"
                + " is a coordinator (`vnetlab sweep`, `sim`, `whatif`, `plan`, `calibrate` or `reproduce` with"
                + " `--cluster`) running at the --join address, and do both it and this worker have --tls, or"
                + " neither?")), r.err());
    }

    @Test
    void aStoppedSweepKeepsWhatItHasAndResumeFinishesItToTheSameBytes() throws Exception {
        Path full = dir.resolve("full.json");
        assertEquals(Cli.OK, run(tiny("--json", full.toString())).code());
        assertEquals(8, ResultJson.read(Files.readString(full)).points().size());
        Path part = dir.resolve("part.json");
        Run stopped = run(() -> true, tiny("--json", part.toString()));
        assertEquals(Cli.FAILURE, stopped.code());
        assertTrue(stopped.err().contains("vnetlab: sweep stopped with 0 of 8 points; finish it with --resume " + part),
                stopped.err());
        Run resumed = run(tiny("--resume", part.toString()));
        assertEquals(Cli.OK, resumed.code(), resumed.err());
        assertEquals(Files.readString(full), Files.readString(part));
        Run again = run(tiny("--resume", part.toString()));
        assertTrue(again.err().contains("8 points, 0 runs (8 resumed points)"), again.err());
        assertEquals(Files.readString(full), Files.readString(part));
    }
}
