package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.ConsoleTestMain;
import org.vnetlab.live.Requirements;

/**
 * The console in a real terminal: tmux runs it, {@code send-keys} types, {@code capture-pane}
 * reads the screen. Checks completion of scenarios, keys, values and flags, Ctrl-C during a
 * long command, the prompt coming back, history, and Ctrl-D leaving.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TmuxConsoleTest {

    private static final long WAIT_SECONDS = 60;
    private boolean started;

    @TempDir
    Path home;

    @AfterEach
    void stopTmux() throws Exception {
        if (started) {
            tmux("kill-server");
        }
    }

    @Test
    void completionCtrlCAndCtrlDInARealTerminal() throws Exception {
        Requirements.tool("tmux");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 " + java + " -Xshare:auto -XX:TieredStopAtLevel=1"
                + " -Duser.home=" + home + " -cp " + System.getProperty("java.class.path") + " "
                + ConsoleTestMain.class.getName() + "; echo EXIT=$?; sleep 60";
        started = true;
        assertEquals(0, tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "110", "-y", "45", command));
        await("the prompt", s -> s.contains("vnetlab> "));

        keys("use xen-d", "Tab");
        await("the scenario name completed", s -> s.contains("vnetlab> use xen-double "));
        keys("Enter");
        await("use ran", s -> s.contains("scenario xen-double: xen, 2 guests (domU1, domU2)"));
        await("the prompt shows the scenario", s -> s.contains("vnetlab xen-double> "));

        keys("set rtt.refl", "Tab");
        await("the key completed with '='", s -> s.contains("> set rtt.reflector="));
        keys("Tab");
        await("the key's values listed", s -> s.contains("domU-burned") && s.contains("native"));
        keys("C-u");

        keys("plot --me", "Tab");
        await("the flag completed", s -> s.contains("> plot --metric "));
        keys("c", "Tab");
        await("the flag's value completed", s -> s.contains("> plot --metric cpu "));
        keys("C-u");

        keys("fakesweep --delay-ms 400", "Enter");
        await("the progress bar", s -> s.contains("points  ETA"));
        keys("C-c");
        String screen = await("the stop reported", s -> s.contains("stopped: fakesweep (Ctrl-C)"));
        Matcher done = Pattern.compile("(?m)^(\\d+) points").matcher(screen);
        assertTrue(done.find(), screen);
        int points = Integer.parseInt(done.group(1));
        assertTrue(points > 0 && points < 32, "a partial sweep was kept: " + points);
        await("the prompt came back", s -> s.strip().endsWith("vnetlab xen-double>"));

        keys("plot", "Enter");
        await("the partial result plotted", s -> s.contains("● IPv4 domU1") && s.contains("throughput against payload"));
        await("the prompt after the chart", s -> s.strip().endsWith("vnetlab xen-double>"));

        keys("C-d");
        await("Ctrl-D left with exit 0", s -> s.contains("EXIT=0"));
        List<String> history = Files.readAllLines(home.resolve(ConsoleCommand.HISTORY), StandardCharsets.UTF_8);
        assertTrue(history.stream().anyMatch(l -> l.endsWith("use xen-double")), history.toString());
    }

    @Test
    void theConsoleHonoursLangC() throws Exception {
        Requirements.tool("tmux");
        start("env LANG=C LC_ALL=C " + java() + ConsoleTestMain.class.getName() + "; echo EXIT=$?; sleep 60");
        await("the prompt", s -> s.contains("vnetlab> "));
        keys("use native", "Enter");
        keys("fakesweep --protocol ipv4 --delay-ms 100", "Enter");
        await("the sweep", s -> s.contains("8 points"));
        keys("plot", "Enter");
        String screen = await("the chart's legend", s -> s.contains("IPv4 host"));
        assertTrue(screen.contains("* IPv4 host"), "an ASCII marker: " + screen);
        assertTrue(screen.chars().allMatch(c -> c < 128), "nothing but ASCII on the screen:\n" + screen);
        await("the prompt after the chart", s -> s.strip().endsWith("vnetlab native>"));
        keys("C-d");
        await("Ctrl-D left with exit 0", s -> s.contains("EXIT=0"));
    }

    /** Progress is for the person at the terminal: it shows on stderr while stdout goes to a file. */
    @Test
    void progressShowsWhenOnlyStderrIsATerminal() throws Exception {
        Requirements.tool("tmux");
        Path out = home.resolve("tables.txt");
        start("env LANG=C.UTF-8 " + java() + org.vnetlab.console.Main.class.getName()
                + " sim xen-single --protocol ipv4 --trials 1 --duration 0.5 --no-cache > " + out + "; echo EXIT=$?; sleep 60");
        String screen = await("the progress bar", s -> s.matches("(?s).*\\d+/34 runs  ETA \\d+:\\d\\d.*"));
        assertTrue(screen.contains("/34 runs"), screen);
        await("sim finished", s -> s.contains("EXIT=0"));
        assertTrue(Files.readString(out).contains("udp ipv4 rx"), "the tables went to the file");
    }

    private String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -Xshare:auto -XX:TieredStopAtLevel=1"
                + " -Duser.home=" + home + " -cp " + System.getProperty("java.class.path") + " ";
    }

    private void start(String command) throws Exception {
        started = true;
        assertEquals(0, tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "110", "-y", "45", command));
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        assertEquals(0, tmux(args.toArray(String[]::new)));
    }

    private String await(String what, Predicate<String> ok) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (ok.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        fail("waited " + WAIT_SECONDS + " s for " + what + "; the screen:\n" + screen);
        return screen;
    }

    private String capture() throws Exception {
        Process p = new ProcessBuilder("tmux", "-S", socket(), "capture-pane", "-p", "-J", "-t", "t", "-S", "-200")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return text;
    }

    private int tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** The test's own tmux server socket, inside its temporary directory. */
    private String socket() {
        return home.resolve("tmux.sock").toString();
    }

}
