package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.CliRun;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.session.Session;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.client.FakeServer;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.MeasureServer;
import org.vnetlab.live.control.MeasureServer.Role;

/** measure client and rtt as a user runs them, against a server and reflector on loopback. */
class MeasureCliTest {

    static MeasureServer server;
    static MeasureServer reflector;

    @BeforeAll
    static void start() throws Exception {
        LiveSettings.ServerSettings s = LiveSettings.load().server().withBind("::").withPorts(0, 0);
        server = MeasureServer.start(Role.THROUGHPUT, s, List.of(), r -> { });
        reflector = MeasureServer.start(Role.REFLECTOR, s, List.of(), r -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        reflector.close();
    }

    static String port(MeasureServer m) {
        return Integer.toString(m.controlAddress().getPort());
    }

    @Test
    void udpTradeoffWithTwoSizesWritesOnePointPerSizeAndDirection(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        CliRun r = CliRun.of("measure", "client", "127.0.0.1", "--port", port(server), "--rate", "50M", "--sizes",
                "100,1470", "--duration", "1", "--tradeoff", "--json", json.toString(), "--csv", csv.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("udp ipv4 rx 100 B, trial 1/1"), r.out());
        assertTrue(r.out().contains("summary: udp ipv4 to 127.0.0.1"), r.out());
        Result result = ResultJson.read(Files.readString(json));
        assertEquals("measure", result.mode());
        assertEquals(List.of("rx/100", "tx/100", "rx/1470", "tx/1470"),
                result.points().stream().map(p -> p.direction() + "/" + p.payload()).toList());
        for (Point p : result.points()) {
            assertTrue(p.throughputMbps() > 40 && p.throughputMbps() < 60, p.toString());
            assertTrue(p.loss() < 0.05, p.toString());
            assertEquals("127.0.0.1", p.guest());
        }
        assertEquals(5, Files.readAllLines(csv).size());
        // what was measured names the result: its plot once read "measure measure 127.0.0.1, seed 0"
        assertEquals("127.0.0.1", result.scenario());
        CliRun plot = CliRun.of("plot", json.toString());
        assertEquals(Cli.OK, plot.code(), plot.err());
        assertEquals("throughput against payload, rx: measure 127.0.0.1", plot.out().lines().findFirst().orElse(""));
    }

    @Test
    void tcpOverIpv6(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("tcp.json");
        CliRun r = CliRun.of("measure", "client", "::1", "--tcp", "--port", port(server), "--duration", "1",
                "--json", json.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        Point p = ResultJson.read(Files.readString(json)).points().get(0);
        assertEquals("tcp", p.transport());
        assertEquals("ipv6", p.protocol());
        assertEquals(null, p.loss());
        assertTrue(p.throughputMbps() > 100, p.toString());
    }

    @Test
    void theConsoleKeepsAMeasurementAsItsLastResultForPlotAndReport() throws Exception {
        ConsoleFixture.Run r = ConsoleFixture.script(new Session(new ScenarioLoader()), "measure rtt 127.0.0.1 --port "
                + port(reflector) + " --rate 50M --count 20 --warm-up 0\n");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.session().lastResult().isPresent(), "plot said 'no result yet' after a measurement");
        assertEquals("measure", r.session().lastResult().get().mode());
    }

    @Test
    void rttWritesARoundtripPoint(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("rtt.json");
        CliRun r = CliRun.of("measure", "rtt", "127.0.0.1", "--port", port(reflector), "--rate", "50M", "--count",
                "50", "--json", json.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("rtt median"), r.out());
        Point p = ResultJson.read(Files.readString(json)).points().get(0);
        assertEquals("roundtrip", p.direction());
        assertEquals(50, p.rttMs().samples());
        assertEquals(49, p.jitterUs().samples());
    }

    @Test
    void aRefusalForTooLongAStreamCountsTheWarmUpProbesAndTheyCanBeLeftOut() {
        String[] slow = {"measure", "rtt", "127.0.0.1", "--port", port(reflector), "--rate", "10M", "--payload",
                "60000", "--count", "5"};
        CliRun refused = CliRun.of(slow);
        assertEquals(Cli.FAILURE, refused.code(), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("would last") && refused.err().contains(
                "(5005 probes asked: 5000 of --warm-up, 5 of --count)"), refused.err());
        String[] unwarmed = java.util.stream.Stream.concat(java.util.Arrays.stream(slow),
                java.util.stream.Stream.of("--warm-up", "0")).toArray(String[]::new);
        CliRun r = CliRun.of(unwarmed);
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("0 sent first, not counted"), r.out());
    }

    @Test
    void unreachableServersTakenPortsAndRefusalsAreOneLineAndExitOne() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun r = CliRun.of("measure", "client", "127.0.0.1", "--port", Integer.toString(closed), "--duration", "1");
        assertEquals(Cli.FAILURE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("cannot reach 127.0.0.1:" + closed), r.err());
        CliRun taken = CliRun.of("measure", "server", "--bind", "127.0.0.1", "--port", port(server));
        assertEquals(Cli.FAILURE, taken.code());
        assertEquals(1, taken.err().lines().count(), taken.err());
        assertTrue(taken.err().startsWith("vnetlab: measure server: cannot listen on 127.0.0.1:" + port(server)),
                taken.err());
        assertTrue(taken.err().contains("(--port " + port(server) + "; give another port"), taken.err());
        CliRun wrong = CliRun.of("measure", "rtt", "127.0.0.1", "--port", port(server));
        assertEquals(Cli.FAILURE, wrong.code());
        assertTrue(wrong.err().contains("refused the test") && wrong.err().contains("measure reflect"), wrong.err());
    }

    @Test
    void badFlagsAreOneLineAndExitTwo() {
        for (String[] args : List.of(
                new String[] {"measure"},
                new String[] {"measure", "clinet", "x"},
                new String[] {"measure", "client"},
                new String[] {"measure", "client", "h", "--rate", "fast"},
                new String[] {"measure", "client", "h", "--sizes", "5"},
                new String[] {"measure", "client", "h", "--tcp", "--sizes", "100"},
                new String[] {"measure", "client", "h", "--tcp", "--udp"},
                // accepted once and then ignored, sent to the server, or saturated silently
                new String[] {"measure", "client", "127.0.0.1", "--tcp", "--rate", "10M"},
                new String[] {"measure", "client", "127.0.0.1", "--duration", "100000"},
                new String[] {"measure", "client", "127.0.0.1", "--rate", "99999999T"},
                new String[] {"measure", "rtt", "127.0.0.1", "--count", "99999999"},
                new String[] {"emulate", "native", "--listen", "127.0.0.1:17000", "--reflect", "--duration", "1e9"},
                // ::1:8080 is an IPv6 address of its own; it was taken as [::1]:8080
                new String[] {"emulate", "native", "--listen", "::1:8080", "--reflect"},
                new String[] {"emulate", "native", "--listen", "[::1]", "--reflect"},
                new String[] {"measure", "client", "127.0.0.1", "-4", "-6"},
                new String[] {"measure", "client", "127.0.0.1", "-6"},
                new String[] {"measure", "client", "127.0.0.1", "--port", "70000"},
                new String[] {"measure", "client", "no-such-host.invalid"},
                new String[] {"measure", "rtt", "127.0.0.1", "--payload", "10"},
                new String[] {"measure", "client", ""},
                new String[] {"measure", "rtt", " "},
                new String[] {"measure", "server", "--cpu-pid", "abc"},
                new String[] {"measure", "server", "--cpu-cgroup", "/nonexistent"},
                new String[] {"measure", "server", "--cpu", "vm:web"},
                new String[] {"measure", "server", "--cpu", "xen:no-such-domain-vnetlab"},
                new String[] {"measure", "server", "--cpu", "kvm:no-such-guest-vnetlab"},
                new String[] {"measure", "server", "--cpu", "netns:no-such-netns-vnetlab"},
                new String[] {"measure", "server", "--cpu", "container:no-such-container-vnetlab"},
                new String[] {"measure", "server", "--cpu", "container:../../sys/fs/cgroup"},
                new String[] {"measure", "server", "--cpu", "cgroup:../../etc"},
                new String[] {"measure", "server", "--cpu", "pid:-1"},
                new String[] {"measure", "server", "--cpu-pid", "0"},
                new String[] {"testbed", "up", "--loss", "200"},
                new String[] {"testbed", "up", "--name", "Bad-Name"},
                new String[] {"bench", "live", "--duration", "0"})) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vnetlab: "), r.err());
        }
    }

    @Test
    void anImpossibleReportFailsTheRunWithOneLineAndWritesNoFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bad.json");
        try (FakeServer fake = new FakeServer(new Report(300, 3, 99, 1_000_000_000L, Map.of()))) {
            CliRun r = CliRun.of("measure", "client", "127.0.0.1", "--port", Integer.toString(fake.port()),
                    "--duration", "1", "--rate", "1M", "--sizes", "100", "--json", json.toString());
            assertEquals(Cli.FAILURE, r.code(), r.err());
            assertEquals("vnetlab: measure client: 127.0.0.1:" + fake.port()
                    + " sent an impossible report: reordered 99 > packets 3\n", r.err());
        }
        assertFalse(Files.exists(json));
    }

    @Test
    void resultFilesAreCheckedBeforeAnythingIsMeasured(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        // nothing listens on the port: a run that started would fail with "cannot reach" and exit 1
        CliRun client = CliRun.of("measure", "client", "127.0.0.1", "--port", Integer.toString(closed),
                "--json", "/nonexistent-vnetlab/x.json");
        assertEquals(Cli.USAGE, client.code(), client.err());
        assertEquals("vnetlab: measure client: --json /nonexistent-vnetlab/x.json: no such directory"
                + " /nonexistent-vnetlab\n", client.err());
        CliRun rtt = CliRun.of("measure", "rtt", "127.0.0.1", "--port", Integer.toString(closed),
                "--json", dir.toString());
        assertEquals(Cli.USAGE, rtt.code(), rtt.err());
        assertEquals("vnetlab: measure rtt: --json " + dir + ": is a directory\n", rtt.err());
        CliRun csv = CliRun.of("measure", "client", "127.0.0.1", "--port", Integer.toString(closed),
                "--csv", dir.toString());
        assertEquals(Cli.USAGE, csv.code(), csv.err());
        assertTrue(csv.err().contains("--csv " + dir + ": is a directory"), csv.err());
    }

    @Test
    void aBindAddressThisHostCannotListenOnIsOneLineNamingTheFlagAndExitsTwo() {
        for (String[] bad : List.of(
                new String[] {"", "measure server: --bind is empty; give an address of this host, or :: or"
                        + " 0.0.0.0 for all of them"},
                new String[] {"nosuch.invalid", "measure server: --bind 'nosuch.invalid': not an address nor a known"
                        + " host name; give an address of this host"},
                new String[] {"300.1.1.1", "measure server: --bind '300.1.1.1': not an address nor a known host"
                        + " name"},
                new String[] {"127.0.0.1:5000", "measure server: --bind '127.0.0.1:5000': an address takes no port"
                        + " (the port is --port)"},
                new String[] {"192.0.2.1", "measure server: --bind '192.0.2.1': not an address of this host (its"
                        + " addresses include "})) {
            // the port is taken: a value that got past the check would fail to listen (exit 1), not serve
            CliRun r = CliRun.of("measure", "server", "--bind", bad[0], "--port", port(server));
            assertEquals(Cli.USAGE, r.code(), bad[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vnetlab: " + bad[1]), r.err());
        }
        CliRun reflect = CliRun.of("measure", "reflect", "--bind", "", "--port", port(reflector));
        assertEquals(Cli.USAGE, reflect.code(), reflect.err());
        assertTrue(reflect.err().startsWith("vnetlab: measure reflect: --bind is empty"), reflect.err());
    }

    @Test
    void anEmptyHostIsRefusedNotTakenForLocalhost() {
        CliRun r = CliRun.of("measure", "client", "", "--port", port(server), "--duration", "1");
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals("vnetlab: measure client: HOST is empty; give the server's host name or address\n", r.err());
    }

    @Test
    void helpListsTheSubcommandsAndTheirDefaults() {
        CliRun group = CliRun.of("help", "measure");
        assertEquals(Cli.OK, group.code());
        for (String sub : List.of("server", "client", "reflect", "rtt")) {
            assertTrue(group.out().contains("  " + sub + " "), group.out());
        }
        CliRun rtt = CliRun.of("measure", "rtt", "--help");
        assertTrue(rtt.out().contains("--count=N") && rtt.out().contains("(default: 140)"), rtt.out());
        assertTrue(rtt.out().contains("(default: 500 Mbit/s)"), rtt.out());
    }
}
