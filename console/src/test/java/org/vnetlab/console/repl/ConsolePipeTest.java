package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.ConsoleFixture;
import org.vnetlab.console.Main;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.session.Session;

/** The console without a terminal: a script in, plain output out, stopping at the first failure. */
class ConsolePipeTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static ConsoleFixture.Run script(String text) throws IOException {
        return ConsoleFixture.script(new Session(LOADER), text);
    }

    @Test
    void aSessionRunsPlotsChangesTheScenarioAndRunsAgain() throws IOException {
        ConsoleFixture.Run r = script("""
                # a user's walk-through, with the fake sweep standing in for sim
                use xen-double
                fakesweep
                plot
                set xen.domUs=4
                fakesweep
                plot --metric cpu
                """);
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("scenario xen-double: xen, 2 guests (domU1, domU2)"), r.out());
        assertTrue(r.out().contains("32 points"), r.out());
        assertTrue(r.out().contains("scenario xen-double: xen, 4 guests (domU1, domU2, domU3, domU4); set xen.domUs=4"),
                r.out());
        assertTrue(r.out().contains("64 points"), r.out());
        assertTrue(r.out().contains("● IPv4 domU1   ▲ IPv4 domU2   ■ IPv6 domU1   ◆ IPv6 domU2"), r.out());
        assertTrue(r.out().contains("CPU load against payload, rx: sim xen-double"), r.out());
        assertTrue(r.out().contains("IPv4 domU4"), r.out());
        assertFalse(r.out().contains("\u001b"), "no ANSI escapes in a pipe");
        assertEquals(64, r.session().lastResult().orElseThrow().points().size());
    }

    @Test
    void anExplicitScenarioIgnoresTheSession() throws IOException {
        ConsoleFixture.Run r = script("use xen-double\nset xen.domUs=3\nshow native\nshow\n");
        assertEquals(Cli.OK, r.code(), r.err());
        String[] shows = r.out().split("# scenario ");
        assertEquals(3, shows.length, r.out());
        assertTrue(shows[1].startsWith("native"), shows[1]);
        assertFalse(shows[1].contains("name=domU"), shows[1]);
        assertTrue(shows[2].contains("name=domU3"), shows[2]);
    }

    @Test
    void theFirstFailingCommandEndsTheScriptWithItsExitCode() throws IOException {
        ConsoleFixture.Run r = script("scenarios\nshow xen-dubble\nscenarios\n");
        assertEquals(Cli.USAGE, r.code());
        long once = script("scenarios\n").out().lines().count();
        assertEquals(once, r.out().lines().count(), "the third line is not run");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vnetlab: line 2: unknown scenario 'xen-dubble'; did you mean 'xen-double'?"),
                r.err());
    }

    @Test
    void anErrorNamesTheScriptLineCountingBlankAndCommentLines() throws IOException {
        ConsoleFixture.Run r = script("use native\n\n# a comment\nshow --frob\n");
        assertEquals(Cli.USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vnetlab: line 4: "), r.err());
    }

    @Test
    void setAndUnsetNameThemselvesAsTyped() throws IOException {
        ConsoleFixture.Run unknown = script("set foo=1\n");
        assertTrue(unknown.err().startsWith("vnetlab: line 1: set foo=1: "), unknown.err());
        ConsoleFixture.Run value = script("use native\nset host.cpus=zero\n");
        assertTrue(value.err().startsWith("vnetlab: line 2: set host.cpus=zero: "), value.err());
        ConsoleFixture.Run noValue = script("set host.cpus\n");
        assertEquals("vnetlab: line 1: set host.cpus: expected KEY=VALUE, e.g. set host.cpus=4\n", noValue.err());
        ConsoleFixture.Run unset = script("unset host.cpus\n");
        assertEquals("vnetlab: line 1: unset: 'host.cpus' is not set (nothing is)\n", unset.err());
        for (ConsoleFixture.Run r : List.of(unknown, value, noValue, unset)) {
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertFalse(r.err().contains("--set"), r.err());
        }
    }

    @Test
    void anUnterminatedQuoteOrATrailingBackslashIsAnError() throws IOException {
        ConsoleFixture.Run quote = script("set \"xen.domUs=3\nshow\n");
        assertEquals(Cli.USAGE, quote.code(), quote.err());
        assertEquals("vnetlab: line 1: unterminated quote: set \"xen.domUs=3\n", quote.err());
        assertTrue(quote.session().sets().isEmpty(), "nothing was set");
        ConsoleFixture.Run single = script("show 'native\n");
        assertEquals("vnetlab: line 1: unterminated quote: show 'native\n", single.err());
        ConsoleFixture.Run backslash = script("use native\nshow \\\nshow\n");
        assertEquals(Cli.USAGE, backslash.code(), backslash.err());
        assertEquals("vnetlab: line 2: a backslash ends the line, with nothing after it to escape\n", backslash.err());
        assertFalse(backslash.out().contains("# scenario"), "the script stopped before show: " + backslash.out());
        ConsoleFixture.Run closed = script("use native\nset \"host.cpus=2\" 'host.cpu-speed=2'\n");
        assertEquals(Cli.OK, closed.code(), closed.err());
        assertEquals(List.of("host.cpus=2", "host.cpu-speed=2"), closed.session().sets());
    }

    @Test
    void sessionCommandsRejectBadInputInOneLine() throws IOException {
        for (String bad : List.of("set host.cpu=4", "set host.cpus=zero", "unset host.cpus", "use nowhere.conf",
                "plot", "fakesweep\nplot --metric memory", "fakesweep\nplot --direction tx",
                "fakesweep\nplot --direction up", "use xen-double \"unclosed", "quit now")) {
            ConsoleFixture.Run r = script("use native\n" + bad + "\nscenarios\n");
            assertEquals(Cli.USAGE, r.code(), bad + ": " + r.err());
            assertEquals(1, r.err().lines().count(), bad + ": " + r.err());
            assertFalse(r.out().contains("xen-single"), bad + ": the script stopped");
        }
    }

    @Test
    void plotShowsReceivedValuesOrTheDirectionAsked() throws IOException {
        ConsoleFixture.Run r = script("use native\nfakesweep --protocol ipv4\nplot\nplot --direction all\n");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("throughput against payload, rx: sim native, seed 1"), r.out());
        assertTrue(r.out().contains("throughput against payload: sim native, seed 1"), r.out());
        assertTrue(r.out().contains("● IPv4 host\n"), r.out());
        assertFalse(r.out().contains("IPv6"), r.out());
    }

    @Test
    void useAppliesToWhatifAndPlanWhoseBaselineKeepsTheSessionsOverrides() throws IOException {
        ConsoleFixture.Run r = script("""
                use xen-single
                set host.cpu-speed=0.5
                whatif --set host.cpu-speed=1 --protocol ipv4 --sizes 1470 --trials 1 --duration 0.2 --quiet
                use xen-double
                plan guests --mbps 300 --max-guests 2 --trials 1 --duration 0.2 --quiet
                """);
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("baseline: parameters: defaults (fitted to dataset study); xen-single --set"
                + " host.cpu-speed=0.5 udp ipv4"), r.out());
        assertTrue(r.out().contains("modified: parameters: defaults (fitted to dataset study); xen-single --set"
                + " host.cpu-speed=0.5 --set host.cpu-speed=1 udp ipv4"), r.out());
        assertTrue(r.out().contains("answer: "), r.out());
        assertTrue(r.out().contains("xen-double --set"), "plan simulated the session's scenario: " + r.out());
    }

    @Test
    void exitEndsTheScript() throws IOException {
        ConsoleFixture.Run r = script("use native\nexit\nshow xen-dubble\n");
        assertEquals(Cli.OK, r.code(), r.err());
    }

    @Test
    void theProgramReadsAPipeAndPrintsHelpWithoutArguments(@TempDir Path home) throws Exception {
        Child child = java(home, "console");
        Process console = child.process();
        console.getOutputStream().write("use rtt\nset rtt.reflector=domU\nshow\nplot\nscenarios\n"
                .getBytes(StandardCharsets.UTF_8));
        console.getOutputStream().close();
        assertTrue(console.waitFor(60, TimeUnit.SECONDS));
        String out = child.stdout();
        String err = child.stderr();
        assertEquals(Cli.USAGE, console.exitValue(), err);
        assertTrue(out.contains("reflector=domU"), out);
        assertTrue(out.contains("platform=xen"), out);
        assertEquals("vnetlab: line 4: plot: no result yet: give a FILE.json, or run sim in the console first\n", err);
        assertFalse(out.contains("xen-single"), "stopped at plot");
        assertFalse((out + err).contains("\u001b"), "no ANSI escapes");

        Child helpChild = java(home);
        Process help = helpChild.process();
        help.getOutputStream().close();
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Cli.OK, help.exitValue());
        String text = helpChild.stdout();
        assertTrue(text.contains("usage: vnetlab COMMAND"), text);
        assertTrue(text.contains("console "), text);
        assertFalse(Files.exists(home.resolve(ConsoleCommand.HISTORY)), "no history from a pipe");
    }

    @Test
    void linesPipedIntoVnetlabRunAsTheConsoleRunsThem(@TempDir Path home) throws Exception {
        Child child = java(home);
        Process piped = child.process();
        piped.getOutputStream().write("sim native --protocol ipv4 --sizes 1470 --trials 1 --duration 1 --quiet\nscenarios\n"
                .getBytes(StandardCharsets.UTF_8));
        piped.getOutputStream().close();
        assertTrue(piped.waitFor(60, TimeUnit.SECONDS));
        String out = child.stdout();
        String err = child.stderr();
        assertEquals(Cli.OK, piped.exitValue(), err);
        assertTrue(out.contains("udp ipv4 rx"), out);
        assertTrue(out.contains("vserver-burned"), "the second line ran too: " + out);
    }

    /** A child JVM whose output goes to files, so that it never blocks on a full pipe however much it prints. */
    record Child(Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    static Child java(Path home, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(new File(home.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Child(p, out, err);
    }
}
