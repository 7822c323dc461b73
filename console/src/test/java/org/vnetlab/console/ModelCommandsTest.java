package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vnetlab.console.cli.Cli;

/** validate, calibrate, whatif and plan as a user runs them: tables, exit codes, parameter files. */
class ModelCommandsTest {

    @TempDir
    static Path dir;
    static Path truth;

    /** A dataset the simulator writes with the effort of --quick (one trial of one second). */
    @BeforeAll
    static void simulate() {
        truth = dir.resolve("native.json");
        CliRun r = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "36,1470", "--trials", "1",
                "--duration", "1", "--quiet", "--json", truth.toString());
        assertEquals(Cli.OK, r.code(), r.err());
    }

    @Test
    void validatePassesOnTheModelsOwnDataAndFailsOnAlteredData() throws Exception {
        CliRun ok = CliRun.of("validate", "--dataset", truth.toString(), "--quick", "--quiet");
        assertEquals(Cli.OK, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("8 checks of dataset " + truth + ": 8 pass, 0 fail"), ok.out());
        assertTrue(ok.out().lines().anyMatch(l -> l.contains("native udp ipv4 rx 36 B host Mbit/s") && l.endsWith("pass")),
                ok.out());

        String text = Files.readString(truth).replaceFirst("\"throughput_mbps\": [0-9.]+", "\"throughput_mbps\": 400.0");
        Path altered = dir.resolve("altered.json");
        Files.writeString(altered, text);
        CliRun bad = CliRun.of("validate", "--dataset", altered.toString(), "--quick", "--quiet");
        assertEquals(Cli.FAILURE, bad.code(), bad.out());
        assertTrue(bad.out().contains("7 pass, 1 fail"), bad.out());
    }

    @Test
    void calibrateWritesAFileThatSimUsesAndSaysWhereItsFitHolds() throws Exception {
        Path out = dir.resolve("fit.conf");
        CliRun r = CliRun.of("calibrate", "--dataset", truth.toString(), "--fit", "model.cost.socket.tx-per-packet-ns",
                "--quick", "--out", out.toString(), "--max-evaluations", "30");
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("model.cost.socket.tx-per-packet-ns"), r.out());
        assertTrue(r.out().contains("total: sum of squared residuals"), r.out());
        assertTrue(Files.readString(out).contains("fit {"), Files.readString(out));
        assertFalse(r.out().contains("moved no check"), "the dataset pins it: " + r.out());

        CliRun inside = CliRun.of("sim", "native", "--params", out.toString(), "--protocol", "ipv4", "--sizes", "36",
                "--trials", "1", "--duration", "0.2", "--quiet");
        assertEquals(Cli.OK, inside.code(), inside.err());
        assertTrue(inside.out().contains("parameters: " + out + " (fitted to dataset " + truth + "); native udp ipv4"
                + " is inside that dataset"), inside.out());
        CliRun outside = CliRun.of("sim", "xen-single", "--params", out.toString(), "--protocol", "ipv4", "--sizes",
                "36", "--trials", "1", "--duration", "0.2", "--quiet");
        assertTrue(outside.out().contains("is outside that dataset: a prediction"), outside.out());
    }

    /** A parameter no check of the dataset reaches was once "fitted", 20 times the same score, and written. */
    @Test
    void calibrateWritesNothingWhenTheDatasetPinsNoneOfItsParameters() throws Exception {
        Path nativeOnly = Files.writeString(dir.resolve("native-only.csv"),
                "table1,native,ipv4,rx,tcp_throughput,936,Mbit/s\n");
        Path out = dir.resolve("bridge.conf");
        CliRun r = CliRun.of("calibrate", "--dataset", nativeOnly.toString(), "--fit", "cost.bridge.per-packet-ns",
                "--quick", "--out", out.toString());
        assertEquals(Cli.FAILURE, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("note: model.cost.bridge.per-packet-ns moved no check of dataset"), r.out());
        assertTrue(r.err().contains("pins none of the parameters fitted (cost.bridge.per-packet-ns); nothing written"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void calibrateRefusesAnOutItCouldNotWriteBeforeItFits() {
        Path missing = dir.resolve("no-such-folder").resolve("fit.conf");
        CliRun r = CliRun.of("calibrate", "--dataset", truth.toString(), "--fit", "model.cost.socket.tx-per-packet-ns",
                "--quick", "--out", missing.toString(), "--max-evaluations", "30");
        assertEquals(Cli.USAGE, r.code(), r.out() + r.err());
        assertEquals("vnetlab: calibrate: --out " + missing + ": no such directory " + missing.getParent(),
                r.err().strip());
        assertEquals("", r.out(), "nothing was fitted");
        CliRun folder = CliRun.of("calibrate", "--dataset", truth.toString(), "--quick", "--out", dir.toString());
        assertEquals(Cli.USAGE, folder.code(), folder.out() + folder.err());
        assertEquals("vnetlab: calibrate: --out " + dir + ": is a directory", folder.err().strip());
    }

    @Test
    void calibrateRangesPrintsTheIntervalTheDataAllowsAndFitsNothing() throws Exception {
        Path out = dir.resolve("ranges-must-not-be-written.conf");
        CliRun r = CliRun.of("calibrate", "--dataset", truth.toString(), "--fit", "cost.socket.tx-per-packet-ns",
                "--quick", "--ranges", "--out", out.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("that pass at the start still pass"), r.out());
        String row = r.out().lines().filter(l -> l.startsWith("model.cost.socket.tx-per-packet-ns")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        String[] cells = row.trim().split("\\s+");
        // the model's own data pins the cost it was made with: a check fails on each side
        double start = Double.parseDouble(cells[1]);
        double low = Double.parseDouble(cells[2]);
        double high = Double.parseDouble(cells[3]);
        assertTrue(low <= start && start <= high && low > start * 0.25 && high < start * 4, row);
        assertTrue(r.out().contains("a check fails"), r.out());
        assertFalse(Files.exists(out), "--ranges fits nothing and writes no parameter file");
    }

    @Test
    void whatifShowsBothSidesAndTheDelta() {
        // xen-single, whose domains are CPU-bound at 36 B; native's receiver is not a clean case: a faster CPU
        // leaves the softirq idle time, so wake-affine moves the receiver beside it (docs/MODEL.md)
        CliRun r = CliRun.of("whatif", "xen-single", "--set", "host.cpu-speed=2", "--protocol", "ipv4", "--sizes", "36",
                "--trials", "1", "--duration", "0.5", "--quiet");
        assertEquals(Cli.OK, r.code(), r.err());
        String row = r.out().lines().filter(l -> l.trim().startsWith("36 ")).findFirst().orElseThrow();
        String[] cells = row.trim().split("\\s+");
        double base = Double.parseDouble(cells[2]);
        double changed = Double.parseDouble(cells[3]);
        assertTrue(changed > 1.3 * base, "a CPU twice as fast carries small packets faster: " + row);
        assertTrue(cells[4].startsWith("+"), row);
        assertTrue(r.out().startsWith("throughput: median +"), "it opens with the summary: " + r.out());
        assertTrue(r.out().contains("\nbottleneck: baseline CPU of dom"), r.out());
        assertTrue(r.out().contains("baseline: parameters: defaults"), r.out());
        assertTrue(r.out().contains("modified: parameters: defaults (fitted to dataset study); xen-single --set"
                + " host.cpu-speed=2 udp ipv4 is outside that dataset: a prediction"), r.out());
    }

    @Test
    void planNamesTheAnswerAndTheBottleneck() {
        CliRun r = CliRun.of("plan", "guests", "xen-double", "--mbps", "200", "--payload", "1470", "--max-guests",
                "5", "--trials", "1", "--duration", "0.5", "--quiet");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("answer: at most 4 guests"), r.out());
        assertTrue(r.out().contains("first failing (5): bottleneck wire ("),
                r.out());
        assertTrue(r.out().contains("--set xen.domUs=4 udp ipv4 is outside that dataset: a prediction"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "table1,native,ipv4,rx,tcp_throughput,936,Gbit/s\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "# a header comment, and no value\n");
        for (String[] args : new String[][] {{"validate", "--dataset", csv.toString()},
                {"validate", "--dataset", empty.toString(), "--quick"},
                {"calibrate", "--fit", "cost.nonsense-ns", "--quick"}, {"calibrate", "--fit", " , ", "--quick"},
                {"calibrate", "--fit", "xen.scheduler.boost", "--quick"},
                {"calibrate", "--fit", "cost.bridge.per-packet-ns,model.cost.bridge.per-packet-ns", "--quick"},
                {"calibrate", "--fit", "cost.bridge.per-packet-ns", "--quick", "--max-evaluations", "2"},
                {"sim", "native", "--set", "model.xen.scheduler.boost=0.25"}, {"whatif", "native"},
                {"plan", "guests", "native", "--mbps", "100"}, {"plan", "fastest", "native"}, {"validate", "study"},
                {"plan", "guests", "xen-double", "--mbps", "100", "--max-rtt-ms", "1", "--max-guests", "1", "--trials", "1",
                        "--duration", "0.2", "--quiet"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.USAGE, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        CliRun r = CliRun.of("validate", "--dataset", csv.toString());
        assertTrue(r.err().contains(csv + ":1: unit: tcp_throughput is in Mbit/s, not 'Gbit/s'"), r.err());
        CliRun twice = CliRun.of("calibrate", "--fit", "cost.bridge.per-packet-ns,model.cost.bridge.per-packet-ns",
                "--quick");
        assertTrue(twice.err().contains("--fit model.cost.bridge.per-packet-ns: named twice"), twice.err());
    }
}
