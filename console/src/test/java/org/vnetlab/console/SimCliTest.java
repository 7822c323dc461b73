package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;

/** sim and whatif on the command line: stopping, where results go, warnings. */
class SimCliTest {

    @TempDir
    Path dir;

    /** A run whose Ctrl-C is pressed once {@code after} runs were allowed to start. */
    static CliRun stoppedAfter(int after, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger asked = new AtomicInteger();
        Terminal io = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, () -> asked.incrementAndGet() > after, 100,
                true);
        int code = Commands.cli().run(List.of(args), io);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsTooShortForASteadyStateAreSaidBelowTheFigures() {
        CliRun r = CliRun.of("sim", "native", "--protocol", "ipv4", "--transport", "udp", "--sizes", "1470", "--trials",
                "1", "--duration", "0.01", "--quiet", "--no-cache");
        assertEquals(Cli.OK, r.code(), r.err());
        String note = "vnetlab: sim: note: runs of 0.01 s are shorter than one 100 ms time slice";
        assertTrue(r.err().contains(note), r.err());
        CliRun enough = CliRun.of("sim", "native", "--protocol", "ipv4", "--transport", "udp", "--sizes", "1470",
                "--trials", "1", "--duration", "0.1", "--quiet", "--no-cache");
        assertFalse(enough.err().contains("note: runs of"), enough.err());
    }

    @Test
    void aStoppedSimPrintsAndWritesTheFinishedPointsAndExitsOne() throws Exception {
        Path json = dir.resolve("part.json");
        Path csv = dir.resolve("part.csv");
        CliRun r = stoppedAfter(3, "sim", "native", "--protocol", "ipv4", "--sizes", "36,100,200,300,400,500",
                "--trials", "1", "--duration", "0.1", "--json", json.toString(), "--csv", csv.toString(), "--no-cache");
        assertEquals(Cli.FAILURE, r.code(), r.err());
        assertTrue(r.err().contains("vnetlab: sim stopped after "), r.err());
        Result part = ResultJson.read(Files.readString(json));
        int points = part.points().size();
        assertTrue(points > 0 && points < 12, "some of the 12 points: " + points);
        assertTrue(r.out().contains("udp ipv4 rx"), r.out());
        assertEquals(points + 1, Files.readAllLines(csv).size());
    }

    @Test
    void aStoppedWhatifShowsBothSidesOfWhatFinished() {
        CliRun r = stoppedAfter(2, "whatif", "native", "--set", "host.cpu-speed=2", "--protocol", "ipv4", "--sizes",
                "36,100", "--trials", "1", "--duration", "0.1", "--quiet", "--no-cache");
        assertEquals(Cli.FAILURE, r.code(), r.err());
        assertTrue(r.err().contains("vnetlab: whatif stopped after "), r.err());
        assertTrue(r.out().contains("baseline: parameters"), r.out());
    }

    @Test
    void aStoppedReproduceWritesTheExperimentsThatFinishedAndExitsOne() throws Exception {
        Path out = dir.resolve("study");
        CliRun r = stoppedAfter(150, "reproduce", "--trials", "1", "--duration", "0.005", "--quiet", "--no-cache",
                "--out", out.toString());
        assertEquals(Cli.FAILURE, r.code(), r.err());
        assertTrue(r.err().contains("vnetlab: reproduce stopped after "), r.err());
        assertTrue(Files.exists(out.resolve("native.json")), r.err());
        assertFalse(Files.exists(out.resolve("rtt-domU-burned.json")), "the last experiment never started");
        assertTrue(r.out().contains("report: "), r.out());
    }

    @Test
    void ctrlCStopsASimProcessWhichStillWritesItsResult() throws Exception {
        Path json = dir.resolve("sigint.json");
        // SIGINT back to its default first: a build started in the background of a non-interactive
        // shell hands its children SIGINT ignored, and a JVM started so never sees Ctrl-C
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sim", "xen-double", "--protocol",
                "ipv4", "--trials", "7", "--duration", "2", "--json", json.toString(), "--no-cache"));
        Process p = new ProcessBuilder(command).directory(new File(dir.toString()))
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        Thread.sleep(4000);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the simulation stopped");
        String err = Files.readString(dir.resolve("err"));
        assertEquals(Cli.FAILURE, p.exitValue(), err);
        assertTrue(err.contains("sim stopped after"), err);
        assertTrue(Files.exists(json), err);
        assertTrue(Files.readString(dir.resolve("out")).contains("parameters: defaults"));
    }

    @Test
    void outputPathsAreCheckedBeforeSimulatingAndDashIsStdout() throws Exception {
        CliRun missing = CliRun.of("sim", "native", "--json", dir.resolve("no/such/dir/x.json").toString());
        assertEquals(Cli.USAGE, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("--json " + dir.resolve("no/such/dir/x.json") + ": no such directory"),
                missing.err());
        CliRun empty = CliRun.of("sim", "native", "--json", "");
        assertEquals(List.of("vnetlab: sim: --json is empty; give a file to write (- for stdout)"),
                empty.err().lines().toList());
        CliRun twoCommas = CliRun.of("sim", "native", "--sizes", "36,,60");
        assertEquals(Cli.USAGE, twoCommas.code());
        assertTrue(twoCommas.err().contains("an empty size (two commas in a row, or one at an end?)"), twoCommas.err());
        CliRun directory = CliRun.of("sim", "native", "--csv", dir.toString());
        assertTrue(directory.err().contains(": is a directory"), directory.err());
        CliRun device = CliRun.of("sim", "native", "--json", "/dev/null");
        assertEquals(Cli.USAGE, device.code());
        assertTrue(device.err().contains("--json /dev/null: not a regular file (give a file to write, or - for stdout)"),
                device.err());
        // /proc looks writable to root, but no file can be made there
        CliRun proc = CliRun.of("sim", "native", "--csv", "/proc/vnetlab-result.csv");
        assertEquals(Cli.USAGE, proc.code());
        assertTrue(proc.err().contains("--csv /proc/vnetlab-result.csv: not writable"), proc.err());
        // and its files look regular, writable to root, and open for writing: only the write fails
        CliRun kernelFile = CliRun.of("sim", "native", "--json", "/proc/version");
        assertEquals(Cli.USAGE, kernelFile.code());
        assertTrue(kernelFile.err().contains("--json /proc/version: a file of the kernel's proc file system"),
                kernelFile.err());

        CliRun stdout = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "1470", "--trials", "1",
                "--duration", "0.1", "--quiet", "--json", "-");
        assertEquals(Cli.OK, stdout.code(), stdout.err());
        assertEquals(2, ResultJson.read(stdout.out()).points().size(), "stdout is exactly the JSON");
        assertTrue(stdout.err().contains("udp ipv4 rx"), "the tables go to stderr then");
        assertFalse(stdout.err().contains("wrote"), stdout.err());
    }

    @Test
    void aResultFileSaysHowItWasMadeAndPlotAndReportShowIt() throws Exception {
        Path json = dir.resolve("made.json");
        CliRun r = CliRun.of("sim", "native", "--set", "host.cpu-speed=2", "--protocol", "ipv4", "--sizes", "36,1470",
                "--trials", "1", "--duration", "0.2", "--quiet", "--json", json.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        Result made = ResultJson.read(Files.readString(json));
        assertEquals(List.of("host.cpu-speed=2"), made.made().sets());
        assertEquals(1, made.made().trials());
        assertEquals(0.2, made.made().durationSeconds(), 1e-9);
        assertEquals(List.of(36, 1470), made.made().sizes());
        assertEquals("defaults", made.parameters());
        assertEquals(org.vnetlab.config.Version.current(), made.version());

        CliRun plot = CliRun.of("plot", json.toString());
        assertEquals(Cli.OK, plot.code(), plot.err());
        assertTrue(plot.out().lines().findFirst().orElseThrow().endsWith("(--set host.cpu-speed=2, 1 trial of 0.2 s,"
                + " sizes 36,1470; parameters defaults; vnetlab " + made.version() + ")"), plot.out());

        Path report = dir.resolve("report");
        assertEquals(Cli.OK, CliRun.of("report", json.toString(), "--out", report.toString()).code());
        assertTrue(Files.readString(report.resolve("index.html"))
                .contains("--set host.cpu-speed=2, 1 trial of 0.2 s, sizes 36,1470"), "the report's sources say it");

        // an --out that cannot hold the report is one line before anything is drawn or simulated
        CliRun file = CliRun.of("report", json.toString(), "--out", json.toString());
        assertEquals(Cli.USAGE, file.code());
        assertEquals("vnetlab: report: --out " + json + ": is a file, not a directory", file.err().strip());
        CliRun proc = CliRun.of("report", json.toString(), "--out", "/proc/vnetlab-report");
        assertEquals(Cli.USAGE, proc.code());
        assertTrue(proc.err().startsWith("vnetlab: report: --out /proc/vnetlab-report: cannot be made ("), proc.err());
        assertEquals(Cli.USAGE, CliRun.of("report", json.toString(), "--out", "").code());
        CliRun reproduce = CliRun.of("reproduce", "--trials", "1", "--duration", "0.01", "--out", json.toString());
        assertEquals(Cli.USAGE, reproduce.code());
        assertEquals("vnetlab: reproduce: --out " + json + ": is a file, not a directory", reproduce.err().strip());
    }

    @Test
    void exactRunsPacketByPacketAgreesWithTrainsAndSaysSo() throws Exception {
        Path trains = dir.resolve("trains.json");
        Path exact = dir.resolve("exact.json");
        // half a second: the first 0.1 s, while Dom0 takes the guest's first events, differs by 3 %
        String[] common = {"sim", "xen-single", "--protocol", "ipv4", "--sizes", "300", "--trials", "1", "--duration",
            "0.5", "--quiet", "--json"};
        assertEquals(Cli.OK, CliRun.of(append(common, trains.toString())).code());
        CliRun r = CliRun.of(append(append(common, exact.toString()), "--exact"));
        assertEquals(Cli.OK, r.code(), r.err());
        Result t = ResultJson.read(Files.readString(trains));
        Result e = ResultJson.read(Files.readString(exact));
        assertTrue(e.made().exact(), "the file says it was made packet by packet");
        assertTrue(!t.made().exact());
        double a = t.points().get(0).throughputMbps();
        double b = e.points().get(0).throughputMbps();
        assertEquals(a, b, 0.02 * a, "exact and trains within 2 %");
    }

    private static String[] append(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    @Test
    void sizesWithTcpWarns() {
        CliRun r = CliRun.of("sim", "native", "--transport", "tcp", "--protocol", "ipv4", "--sizes", "100",
                "--trials", "1", "--duration", "0.1", "--quiet");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.err().startsWith("vnetlab: sim: --sizes applies to UDP"), r.err());
    }
}
