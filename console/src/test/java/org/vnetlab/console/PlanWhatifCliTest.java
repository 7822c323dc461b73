package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;

/** plan and whatif as a user runs them: progress lines, the answer in GHz, the run cache, JSON. */
class PlanWhatifCliTest {

    @TempDir
    Path dir;

    static List<String> lines(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void planPrintsOneProgressLinePerCandidateWhenNotOnATerminal() {
        List<String> args = new ArrayList<>(List.of("plan", "guests", "xen-double", "--mbps", "200", "--trials", "1",
                "--duration", "0.3", "--no-cache"));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(Cli.OK, r.code(), r.err());
        List<String> progress = lines(r.err(), "plan: candidate ");
        List<String> rows = r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+(yes|no)\\s.*")).toList();
        assertEquals(rows.size(), progress.size(), r.err() + r.out());
        assertEquals(List.of("plan: candidate 3 meets", "plan: candidate 4 meets", "plan: candidate 5 fails"),
                progress.stream().map(l -> l.substring(0, l.indexOf(':', 6))).toList(), "in the order simulated");
        assertTrue(r.out().contains("answer: at most 4 guests\nmemory: host.memory 2 GiB holds 4 guests of 512 MiB"),
                r.out());
        assertTrue(r.out().contains("first failing (5): bottleneck wire ("), r.out());
        assertTrue(r.out().contains("search: bisection, 3 candidates simulated; bound: 5 guests, the wire's bound"),
                r.out());

        args.add("--quiet");
        CliRun quiet = CliRun.of(args.toArray(String[]::new));
        assertEquals(List.of(), lines(quiet.err(), "plan: candidate "));
        assertEquals(r.out(), quiet.out());
    }

    @Test
    void aStoppedPlanShowsTheCandidatesThatFinishedAndExitsOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger asked = new AtomicInteger();
        Terminal io = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, () -> asked.incrementAndGet() > 2, 100, true);
        int code = Commands.cli().run(List.of("plan", "guests", "xen-double", "--mbps", "200", "--trials", "1",
                "--duration", "0.3", "--no-cache", "--quiet"), io);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.FAILURE, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("vnetlab: plan stopped after 2 candidates, before an"
                + " answer"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, text.lines().filter(l -> l.matches("\\s+\\d+\\s+(yes|no)\\s.*")).count(), text);
        assertFalse(text.contains("answer:"), text);
    }

    @Test
    void planCpuSpeedAnswersInGigahertzOfTheStudysCpuToo() {
        CliRun r = CliRun.of("plan", "cpu-speed", "xen-single", "--pps", "100000", "--payload", "100", "--trials", "1",
                "--duration", "0.3", "--max-speed", "2", "--resolution", "0.1", "--no-cache", "--quiet");
        assertEquals(Cli.OK, r.code(), r.err());
        Matcher m = Pattern.compile("answer: cpu-speed ([0-9.]+), ([0-9.]+) GHz of the study's 2.4 GHz Opteron 280")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        double speed = Double.parseDouble(m.group(1));
        assertEquals(speed * 2.4, Double.parseDouble(m.group(2)), 0.005);
        assertTrue(r.out().contains("first failing (" + String.format(java.util.Locale.ROOT, "%.2f", speed - 0.1)),
                r.out());
    }

    @Test
    void aRepeatedWhatifTakesItsRunsFromTheCacheAndAChangedParameterFindsNone() {
        String cache = dir.resolve("cache").toString();
        String[] quick = {"--protocol", "ipv4", "--sizes", "36,1470", "--trials", "2", "--duration", "0.2", "--quiet",
            "--cache-dir", cache};
        CliRun first = whatif("host.cpu-speed=2", quick);
        assertTrue(first.err().contains("whatif: 0 of 16 runs from the run cache " + cache), first.err());
        CliRun again = whatif("host.cpu-speed=2", quick);
        assertTrue(again.err().contains("whatif: 16 of 16 runs from the run cache"), again.err());
        assertEquals(first.out(), again.out(), "the same bytes from the cache as from the simulator");

        CliRun other = whatif("host.cpu-speed=3", quick);
        assertTrue(other.err().contains("whatif: 8 of 16 runs from the run cache"), "the baseline: " + other.err());

        List<String> changed = new ArrayList<>(List.of(quick));
        changed.addAll(List.of("--base-set", "model.cost.bridge.per-packet-ns=700"));
        CliRun params = whatif("host.cpu-speed=2", changed.toArray(String[]::new));
        assertTrue(params.err().contains("whatif: 0 of 16 runs from the run cache"), "another model: " + params.err());

        List<String> off = new ArrayList<>(List.of(quick));
        off.add("--no-cache");
        CliRun none = whatif("host.cpu-speed=2", off.toArray(String[]::new));
        assertFalse(none.err().contains("run cache"), none.err());
        assertEquals(first.out(), none.out());
    }

    private static CliRun whatif(String change, String... options) {
        List<String> args = new ArrayList<>(List.of("whatif", "xen-single", "--set", change));
        args.addAll(List.of(options));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(Cli.OK, r.code(), r.err());
        return r;
    }

    @Test
    void whatifSaysWhichPointsStoppedTheirTrialsEarlyAndOnlyWhenTrialsWereIdentical() throws Exception {
        Path json = dir.resolve("early.json");
        // without the model's cost noise a native run does not depend on its seed: every trial gives
        // the same bytes (a Xen host draws its CPUs' tick phases from the seed)
        CliRun same = CliRun.of("whatif", "native", "--base-set", "model.cost.jitter=0", "--set",
                "host.cpu-speed=2", "--protocol", "ipv4", "--sizes", "1470", "--trials", "3", "--duration", "0.2",
                "--quiet", "--no-cache", "--json", json.toString());
        assertEquals(Cli.OK, same.code(), same.err());
        assertTrue(same.out().contains("trials: 4 points stopped after 2 of 3 trials gave the same bytes: a value held"
                + " by more than half the trials is every median"), same.out());
        assertEquals(4, Pattern.compile("\"trials_run\": 2").matcher(Files.readString(json)).results().count());

        CliRun noisy = CliRun.of("whatif", "native", "--set", "host.cpu-speed=2", "--protocol", "ipv4", "--sizes",
                "1470", "--trials", "3", "--duration", "0.2", "--quiet", "--no-cache");
        assertEquals(Cli.OK, noisy.code(), noisy.err());
        assertFalse(noisy.out().contains("trials:"), "trials that differ all run: " + noisy.out());
    }

    @Test
    void planCpuSpeedRefusesAPacketRateBelowOneAndASaturationAboveOneCpu() {
        // a rate of 0.0001 packets/s was simulated as 0.1 Mbit/s; 150 % of one CPU never saturates
        for (String[] given : new String[][] {{"--pps", "0.0001", "at least 1 packet a second"},
            {"--max-cpu", "150", "at most 100, a percent of one CPU"}}) {
            List<String> args = new ArrayList<>(List.of("plan", "cpu-speed", "xen-single", "--payload", "1470",
                    "--no-cache", "--quiet", given[0], given[1]));
            if (!given[0].equals("--pps")) {
                args.addAll(List.of("--pps", "1000"));
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vnetlab: plan cpu-speed: " + given[0] + " " + given[1] + ": " + given[2]),
                    r.err());
        }
    }

    @Test
    void aWhatifThatCouldCompareNothingIsRefusedBeforeAnyRun() {
        // it simulated both sides, then said "no point was simulated on both sides"
        CliRun platform = CliRun.of("whatif", "xen-single", "--set", "platform=native", "--no-cache", "--quiet");
        assertEquals(Cli.USAGE, platform.code(), platform.err());
        assertEquals("vnetlab: whatif: --set platform=native makes a native host of a xen one: no guest of one is a"
                + " guest of the other, so no point would compare; run sim on each instead", platform.err().strip());
        CliRun none = CliRun.of("whatif", "xen-single", "--set", "xen.domUs=0", "--no-cache", "--quiet");
        assertEquals(Cli.USAGE, none.code(), none.err());
        assertTrue(none.err().startsWith("vnetlab: whatif: with --set xen.domUs=0, scenario xen-single runs no workload"),
                none.err());
    }

    @Test
    void planGuestsRefusesARateBelowOneDatagramASecond() {
        // 1 bit/s a guest once answered "at least 244 guests" at 0.1 Mbit/s each, a datagram in a short run
        CliRun r = CliRun.of("plan", "guests", "xen-single", "--mbps", "0.000001", "--no-cache", "--quiet");
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals("vnetlab: plan guests: --mbps 0.000001: sends a datagram of 1470 B less than once a second;"
                + " at least 0.01176 Mbit/s at that --payload", r.err().strip());
    }

    @Test
    void aMistakeInABaseSetNamesBaseSetNotSet() {
        for (String[] given : new String[][] {{"foo.bar=1", ": foo.bar: unknown key"},
            {"host.cpus=0", ": host.cpus: must be a positive integer, got 0"}, {"x", ": expected KEY=VALUE"},
            {"xen.domUs=2", ": xen.domUs: platform native reads no xen.* keys"}}) {
            CliRun r = CliRun.of("whatif", "native", "--base-set", given[0], "--set", "host.cpus=2", "--protocol", "ipv4",
                    "--sizes", "36", "--trials", "1", "--duration", "0.01", "--quiet", "--no-cache");
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertTrue(r.err().startsWith("vnetlab: --base-set " + given[0] + given[1]), r.err());
        }
        CliRun change = CliRun.of("whatif", "native", "--base-set", "host.cpus=2", "--set", "host.cpus=0");
        assertTrue(change.err().startsWith("vnetlab: --set host.cpus=0: "), "the change is still --set: " + change.err());
    }

    @Test
    void whatifAndPlanWriteJsonToAFileOrToStdout() throws Exception {
        Path json = dir.resolve("whatif.json");
        CliRun w = CliRun.of("whatif", "native", "--set", "host.cpu-speed=2", "--protocol", "ipv4", "--sizes", "36",
                "--trials", "1", "--duration", "0.2", "--quiet", "--no-cache", "--json", json.toString());
        assertEquals(Cli.OK, w.code(), w.err());
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\n  \"schema\": \"vnetlab.whatif/1\""), text);
        assertTrue(text.contains("\"sets\": [\"host.cpu-speed=2\"]"), text);
        assertEquals(2, Pattern.compile("\"delta_percent\": [-0-9.]+").matcher(text).results().count(), text);

        CliRun p = CliRun.of("plan", "guests", "xen-double", "--mbps", "200", "--trials", "1", "--duration", "0.3",
                "--no-cache", "--quiet", "--json", "-");
        assertEquals(Cli.OK, p.code(), p.err());
        assertTrue(p.out().startsWith("{\n  \"schema\": \"vnetlab.plan/1\""), p.out());
        assertTrue(p.out().contains("\"statement\": \"at most 4 guests\""), p.out());
        assertTrue(p.err().contains("answer: at most 4 guests"), "the text went to stderr: " + p.err());
    }
}
