package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;

/** The command line as a user meets it: output, one-line errors and exit codes. */
class CliTest {



    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertEquals(Cli.OK, help.code());
        assertTrue(help.out().contains("scenarios"));
        assertTrue(CliRun.of("--version").out().startsWith("vnetlab "));
        CliRun extra = CliRun.of("--version", "extra");
        assertEquals(Cli.USAGE, extra.code(), "what follows --version was read by nothing");
        assertEquals(List.of("vnetlab: --version takes nothing else; got --version extra"), extra.err().lines().toList());
        CliRun showHelp = CliRun.of("show", "--help");
        assertTrue(showHelp.out().contains("--set=KEY=VALUE"), showHelp.out());
        CliRun simHelp = CliRun.of("help", "sim");
        assertTrue(simHelp.out().contains("476 runs") && simHelp.out().contains("--trials 1 --duration 1"),
                "help sim says what the default costs and how to get a quick answer: " + simHelp.out());
        assertEquals(simHelp.out(), CliRun.of("sim", "--help").out());
    }

    @Test
    void helpWinsOverABadValue() {
        for (String[] args : List.of(new String[] {"sim", "xen-single", "--seed", "abc", "--help"},
                new String[] {"sim", "xen-single", "--protocol", "ipv5", "-h"},
                new String[] {"plan", "guests", "xen-double", "--mbps", "1e12", "--payload", "0", "--help"})) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.OK, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.err());
            String command = args[0].equals("plan") ? "plan guests" : args[0];
            assertEquals(CliRun.of((command + " --help").split(" ")).out(), r.out());
        }
        CliRun separated = CliRun.of("sim", "xen-single", "--seed", "abc", "--", "--help");
        assertEquals(Cli.USAGE, separated.code(), "after -- a --help is an argument: " + separated.out());
    }

    @Test
    void everyCommandsHelpNamesItsDefaultsWithoutANull() {
        List<String> paths = new java.util.ArrayList<>();
        collect(Commands.cli().model(), List.of(), paths);
        assertTrue(paths.size() > 20, "commands found: " + paths);
        for (String path : paths) {
            CliRun r = CliRun.of((path + " --help").trim().split(" "));
            assertEquals(Cli.OK, r.code(), path);
            assertFalse(r.out().contains("null"), path + " --help: " + r.out());
        }
    }

    private static void collect(picocli.CommandLine c, List<String> above, List<String> paths) {
        paths.add(String.join(" ", above));
        c.getSubcommands().forEach((name, sub) -> {
            List<String> path = new java.util.ArrayList<>(above);
            path.add(name);
            collect(sub, path, paths);
        });
    }

    @Test
    void scenariosListsTheStudysEightTheLiteraturesTheContainersAndKvm() {
        CliRun r = CliRun.of("scenarios");
        assertEquals(Cli.OK, r.code());
        assertEquals(19, r.out().lines().count());
        for (String name : List.of("native", "xen-single", "vserver-single", "xen-double", "vserver-double",
                "xen-burned", "vserver-burned", "rtt", "lit-boost-7burners", "lit-busy-pinged", "lit-idle-pinged",
                "lit-streamers", "lit-7streams", "container-single", "container-double", "container-burned", "kvm-single",
                "kvm-double", "kvm-burned")) {
            assertTrue(r.out().contains(name + " "), name);
        }
    }

    @Test
    void showPrintsACompleteScenario() {
        CliRun r = CliRun.of("show", "xen-double");
        assertEquals(Cli.OK, r.code(), r.err());
        for (String key : List.of("platform=xen", "domU1", "domU2", "00:16:3e:00:00:02", "weight=256", "trials=7",
                "mtu=1500")) {
            assertTrue(r.out().contains(key), key);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : List.of(new String[] {"show", "xen-dubble"}, new String[] {"show", "native", "--set",
                "host.cpu=2"}, new String[] {"frobnicate"}, new String[] {"show", "native", "--sett", "x=1"},
                new String[] {"show", "/nonexistent/file.conf"})) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.USAGE, r.code(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vnetlab: "), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void digitsOfAnotherScriptAreNotNumbers() {
        // Java's integer parsers read the Arabic-Indic three as 3
        for (String[] args : List.of(new String[] {"sim", "native", "--trials", "\u0663"},
                new String[] {"sim", "native", "--seed", "\u0663"}, new String[] {"sim", "native", "--sizes", "\u0663\u0666"})) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.USAGE, r.code(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(args[2] + " \u0663") && r.err().contains("expected"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aSeedThatIsNotAnIntegerSaysWhatASeedIsWithoutJavasText() {
        for (String[] args : List.of(new String[] {"sim", "native", "--seed", "abc"},
                new String[] {"emulate", "native", "--seed", "abc"},
                new String[] {"sim", "native", "--seed", "99999999999999999999999"})) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.USAGE, r.code(), String.join(" ", args));
            assertEquals("vnetlab: " + args[0] + ": --seed " + args[3]
                    + ": expected an integer, -9223372036854775808 to 9223372036854775807", r.err().strip());
        }
    }

    @Test
    void aFlagWhoseValueIsAnotherFlagNeedsAValueAndIsNotCalledRequired() {
        CliRun r = CliRun.of("sim", "native", "--seed", "--quiet");
        assertEquals(Cli.USAGE, r.code());
        assertEquals("vnetlab: sim: --seed needs a value (N)", r.err().strip());
    }

    @Test
    void aPayloadPastTheMtuOrADurationBelowAMillisecondIsRefusedBeforeAnyRun() {
        CliRun big = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "36,65507", "--trials", "1",
                "--duration", "0.01", "--quiet", "--no-cache");
        assertEquals(Cli.USAGE, big.code(), big.err());
        assertEquals("vnetlab: --sizes 65507: payload 65507 B does not fit MTU 1500 over ipv4/udp; at most 1472 B",
                big.err().strip());
        assertEquals("", big.out());
        CliRun both = CliRun.of("sim", "native", "--sizes", "1470", "--trials", "1", "--duration", "0.01", "--quiet",
                "--no-cache");
        assertEquals(Cli.USAGE, both.code(), both.err());
        assertEquals("vnetlab: --sizes 1470: payload 1470 B does not fit MTU 1500 over ipv6/udp; at most 1452 B (or leave"
                + " ipv6 out"
                + " with --protocol)", both.err().strip());
        CliRun neither = CliRun.of("sim", "native", "--sizes", "9000", "--trials", "1", "--duration", "0.01", "--quiet",
                "--no-cache");
        assertEquals(Cli.USAGE, neither.code(), neither.err());
        assertFalse(neither.err().contains("out with --protocol"), "no protocol carries it: " + neither.err());
        CliRun plan = CliRun.of("plan", "guests", "xen-double", "--mbps", "100", "--payload", "9000", "--trials", "1",
                "--duration", "0.01", "--quiet", "--no-cache");
        assertEquals(Cli.USAGE, plan.code(), plan.err());
        assertTrue(plan.err().startsWith("vnetlab: --payload 9000: payload 9000 B does not fit MTU 1500"), plan.err());
        CliRun sweep = CliRun.of("sweep", "native", "--protocol", "ipv4", "--sizes", "36,9000", "--trials", "1",
                "--duration", "0.01", "--quiet");
        assertEquals(Cli.USAGE, sweep.code(), sweep.err());
        assertTrue(sweep.err().startsWith("vnetlab: --sizes 9000: payload 9000 B does not fit MTU 1500"), sweep.err());
        CliRun brief = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "36", "--trials", "1", "--duration",
                "1e-8", "--quiet", "--no-cache");
        assertEquals(Cli.USAGE, brief.code(), brief.err());
        assertEquals(1, brief.err().lines().count(), brief.err());
        assertTrue(brief.err().contains("--duration") && brief.err().contains("at least 0.001"), brief.err());
    }

    @Test
    void aSizeGivenTwiceIsRefusedNamingIt() {
        CliRun sim = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "36,100,36", "--trials", "1",
                "--duration", "0.01", "--quiet", "--no-cache");
        assertEquals(Cli.USAGE, sim.code(), sim.err());
        assertEquals("vnetlab: --sizes 36,100,36: 36 is given twice; give each size once", sim.err().strip());
        assertEquals("", sim.out());
        CliRun measure = CliRun.of("measure", "client", "127.0.0.1", "--sizes", "100,100");
        assertEquals(Cli.USAGE, measure.code(), measure.err());
        assertEquals("vnetlab: measure client: --sizes 100,100: 100 is given twice; give each size once",
                measure.err().strip());
    }

    @Test
    void oneOfAChoiceGivenTwiceIsNamedAsSuchNotInPicocliWords() {
        for (String[] c : List.of(new String[] {"--tcp given twice", "measure", "client", "127.0.0.1", "--tcp", "--tcp"},
                new String[] {"--ipv4 given twice", "measure", "client", "127.0.0.1", "-4", "--ipv4"},
                new String[] {"--reflect given twice", "emulate", "native", "--listen", "127.0.0.1:17000", "--reflect",
                        "--reflect"},
                new String[] {"give at most one of --udp and --tcp", "measure", "client", "127.0.0.1", "--tcp", "--udp"})) {
            CliRun r = CliRun.of(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertTrue(r.err().strip().endsWith(": " + c[0]), r.err());
        }
    }

    @Test
    void jsonAndCsvToTheSameFileAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String file = dir.resolve("out").toString();
        CliRun r = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "36", "--trials", "1", "--duration",
                "0.01", "--quiet", "--no-cache", "--json", file, "--csv", dir.resolve(".").resolve("out").toString());
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--json and --csv name the same file"), r.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("out")), "nothing was written");
    }

    @Test
    void aCpuSpeedPlanPastTheWireOrWithTooFineAResolutionIsRefusedBeforeAnyRun() {
        CliRun wire = CliRun.of("plan", "cpu-speed", "xen-single", "--pps", "1e12", "--trials", "1", "--duration", "0.01",
                "--quiet", "--no-cache");
        assertEquals(Cli.USAGE, wire.code(), wire.err());
        assertEquals(1, wire.err().lines().count(), wire.err());
        assertTrue(wire.err().contains("more than the 957.0 Mbit/s the wire carries (at most 81380 packets/s)"),
                wire.err());
        CliRun fine = CliRun.of("plan", "cpu-speed", "xen-single", "--pps", "1000", "--resolution", "1e-12", "--trials",
                "1", "--duration", "0.01", "--quiet", "--no-cache");
        assertEquals(Cli.USAGE, fine.code(), fine.err());
        assertEquals("vnetlab: plan cpu-speed: --resolution 1.0E-12: at least 0.01, the slowest CPU a scenario can have",
                fine.err().strip());
        CliRun fast = CliRun.of("plan", "cpu-speed", "xen-single", "--pps", "1000", "--max-speed", "1000");
        assertEquals(Cli.USAGE, fast.code(), fast.err());
        assertEquals("vnetlab: plan cpu-speed: --max-speed 1000.0: at most 100, the fastest CPU a scenario can have",
                fast.err().strip());
    }

    @Test
    void aGuestsPlanAtARateNoScenarioCanHaveNamesMbpsAndItsRange() {
        for (String mbps : List.of("1e12", "1e-9")) {
            CliRun r = CliRun.of("plan", "guests", "xen-double", "--mbps", mbps, "--payload", "1470");
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals("vnetlab: plan guests: --mbps " + mbps + ": expected Mbit/s, 0.000001 to 1000000 (1 Tbit/s,"
                    + " the most a scenario may have)", r.err().strip());
        }
    }

    @Test
    void aScenarioThatRunsNothingSaysWhatWouldRunSomething(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertNothingToRun(dir, "none.conf", "name = none\nplatform = xen\nxen.domUs = 0\n",
                " runs no workload: its workloads list is empty or names only guests it does not have (a guest count of 0?)");
        assertNothingToRun(dir, "v6only.conf", "extends = native\nudp.sizes.ipv4 = []\n",
                " has no UDP payload to run: udp.sizes.ipv4 is empty (give --sizes, set it, or choose another --protocol)");
    }

    private static void assertNothingToRun(java.nio.file.Path dir, String file, String text, String why)
            throws java.io.IOException {
        java.nio.file.Path conf = java.nio.file.Files.writeString(dir.resolve(file), text);
        CliRun r = CliRun.of("sim", conf.toString(), "--protocol", "ipv4", "--trials", "1", "--duration", "0.01");
        assertEquals(Cli.USAGE, r.code());
        assertEquals("vnetlab: scenario " + conf + why, r.err().strip());
    }

    @Test
    void aScenarioOfTcpStreamsAloneSaysWhichTransportWouldRunIt() {
        CliRun r = CliRun.of("sim", "lit-7streams", "--protocol", "ipv4", "--trials", "1", "--duration", "0.1");
        assertEquals(Cli.USAGE, r.code());
        assertEquals("vnetlab: scenario lit-7streams has nothing to simulate with these options (its workloads: tcp, tcp,"
                + " tcp, tcp, tcp, tcp, tcp): its streams are TCP, try --transport tcp", r.err().strip());
    }

    @Test
    void aMistakeQuotingControlCharactersOrAHugeArgumentStaysOneSafeLine() {
        CliRun title = CliRun.of("frob\u001b]0;title\u0007");
        assertEquals(Cli.USAGE, title.code());
        assertTrue(title.err().startsWith("vnetlab: unknown command 'frob\\u001b]0;title\\u0007'"), title.err());
        assertFalse(title.err().chars().anyMatch(c -> c == 0x1b || c == 0x07), "no escape sequence reaches the terminal");
        CliRun huge = CliRun.of("x".repeat(1_000_000));
        assertEquals(Cli.USAGE, huge.code());
        assertEquals(1, huge.err().lines().count(), "one line");
        assertTrue(huge.err().length() < 1100 && huge.err().strip().endsWith(" more)"), huge.err().length() + " chars");
    }

    @Test
    void aTestbedRateTcCannotShapeToIsRefusedBeforeAnythingIsMade() {
        for (String rate : List.of("1", "500G")) {
            CliRun r = CliRun.of("testbed", "up", "--rate", rate);
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertTrue(r.err().startsWith("vnetlab: testbed up: --rate ") && r.err().strip().endsWith(": 8 kbit/s to 100"
                    + " Gbit/s"), r.err());
        }
    }

    @Test
    void aSetTheGridWouldOverrideOrAChangeThatChangesNothingIsSaid() {
        CliRun both = CliRun.of("sweep", "xen-double", "--grid", "xen.domUs=1,2", "--set", "xen.domUs=3");
        assertEquals(Cli.USAGE, both.code());
        assertEquals("vnetlab: sweep: --set xen.domUs=3 and --grid xen.domUs=...: the grid gives xen.domUs at every point;"
                + " drop --set or put its value in the grid", both.err().strip());
        CliRun seed = CliRun.of("sweep", "native", "--seed", "5", "--grid", "method.seed=1,2");
        assertEquals("vnetlab: sweep: --seed 5 and --grid method.seed=...: the grid gives method.seed at every point;"
                + " drop --seed or put its value in the grid", seed.err().strip());
        for (String[] args : new String[][] {{"sim", "native", "--workers", "3", "--protocol", "ipv4", "--sizes", "36",
            "--trials", "1", "--duration", "0.01", "--no-cache"}, {"sweep", "native", "--workers", "3"}}) {
            CliRun alone = CliRun.of(args);
            assertEquals(Cli.USAGE, alone.code(), alone.err());
            assertTrue(alone.err().strip().endsWith(": --workers 3 needs --cluster ADDR:PORT (without it the runs are made"
                    + " on this machine's cores)"), alone.err());
        }
        CliRun mixed = CliRun.of("measure", "client", "127.0.0.1", "--json", "-");
        assertEquals(Cli.USAGE, mixed.code());
        assertTrue(mixed.err().contains("its lines go to stdout, where the result would mix with them; give a file"),
                mixed.err());
        CliRun same = CliRun.of("whatif", "native", "--set", "host.cpu-speed=1", "--protocol", "ipv4", "--sizes", "36",
                "--trials", "1", "--duration", "0.05", "--quiet", "--no-cache");
        assertEquals(Cli.OK, same.code(), same.err());
        assertTrue(same.err().contains("vnetlab: whatif: note: the change leaves the scenario as it was"
                + " (host.cpu-speed=1 is what the baseline has)"), same.err());
    }

    @Test
    void aCacheDirThatIsAFileIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("cache"), "");
        CliRun r = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "36", "--trials", "1", "--duration", "0.01",
                "--cache-dir", file.toString());
        assertEquals(Cli.USAGE, r.code());
        assertEquals("vnetlab: --cache-dir " + file + ": is a file, not a directory (the run cache is a folder)",
                r.err().strip());
    }

    @Test
    void anEmptyCacheDirIsRefused() {
        CliRun r = CliRun.of("sim", "native", "--protocol", "ipv4", "--sizes", "36", "--trials", "1", "--duration", "0.01",
                "--quiet", "--cache-dir", "");
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals("vnetlab: --cache-dir is empty; give a directory (. for this one)", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aResultFileThatIsNotUtf8SaysSoNamingTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("latin1.json"),
                new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'});
        String notText = file + ": not UTF-8 text (is it a vnetlab result file?)";
        for (String[] args : List.of(new String[] {"plot", file.toString()},
                new String[] {"sweep", "native", "--resume", file.toString()}, new String[] {"report", file.toString()},
                new String[] {"validate", "--dataset", file.toString()})) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().strip().endsWith(notText), r.err());
        }
    }

    @Test
    void aGroupKeyOrAnotherCommandsOptionNamesWhatWouldBeValid() {
        String group = "xen.domU is a group of keys (xen.domU.cap, xen.domU.memory, xen.domU.pinned, ...), not a value;"
                + " did you mean 'xen.domUs'?";
        CliRun set = CliRun.of("sim", "xen-double", "--set", "xen.domU=2");
        assertEquals(Cli.USAGE, set.code());
        assertEquals("vnetlab: --set xen.domU=2: " + group, set.err().strip());
        CliRun sweep = CliRun.of("sweep", "xen-double", "--grid", "xen.domU=1,2");
        assertEquals(Cli.USAGE, sweep.code());
        assertEquals("vnetlab: --grid xen.domU=1,2: " + group, sweep.err().strip());
        CliRun grid = CliRun.of("sim", "xen-double", "--grid", "xen.domU=1,2");
        assertEquals(Cli.USAGE, grid.code());
        assertEquals("vnetlab: sim: unknown option '--grid' (vnetlab sweep takes it; see vnetlab sim --help)",
                grid.err().strip());
        CliRun pps = CliRun.of("plan", "guests", "xen-double", "--mbps", "100", "--pps", "100");
        assertEquals(Cli.USAGE, pps.code());
        assertEquals("vnetlab: plan guests: unknown option '--pps' (vnetlab plan cpu-speed takes it; see vnetlab plan"
                + " guests --help)", pps.err().strip());
    }
}
