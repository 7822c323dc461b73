package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.CliRun;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.live.LiveSettings;
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
        assertTrue(taken.err().contains("cannot listen on 127.0.0.1:" + port(server)), taken.err());
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
                new String[] {"measure", "client", "127.0.0.1", "-4", "-6"},
                new String[] {"measure", "client", "127.0.0.1", "-6"},
                new String[] {"measure", "client", "127.0.0.1", "--port", "70000"},
                new String[] {"measure", "client", "no-such-host.invalid"},
                new String[] {"measure", "rtt", "127.0.0.1", "--payload", "10"},
                new String[] {"measure", "server", "--cpu-pid", "abc"},
                new String[] {"measure", "server", "--cpu-cgroup", "/nonexistent"},
                new String[] {"measure", "server", "--cpu", "vm:web"},
                new String[] {"measure", "server", "--cpu", "xen:no-such-domain-vnetlab"},
                new String[] {"measure", "server", "--cpu", "kvm:no-such-guest-vnetlab"},
                new String[] {"measure", "server", "--cpu", "netns:no-such-netns-vnetlab"},
                new String[] {"measure", "server", "--cpu", "container:no-such-container-vnetlab"},
                new String[] {"measure", "server", "--cpu", "container:../../sys/fs/cgroup"},
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
