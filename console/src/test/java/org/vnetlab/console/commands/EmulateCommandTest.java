package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.Commands;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;

/** The emulate command as a user meets it: a run with --duration, its lines and its result file; one-line errors. */
class EmulateCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, () -> false, 100, true);
        int code = Commands.cli().run(List.of(args), io);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reflectsForItsDurationPrintsEverySecondAndWritesTheResult(@TempDir Path dir) throws Exception {
        int port = freeUdpPort();
        Path json = dir.resolve("emulate.json");
        Thread client = new Thread(() -> probe(port));
        client.start();
        Run r = run("emulate", "xen-single", "--listen", "127.0.0.1:" + port, "--reflect", "--duration", "2.5",
                "--json", json.toString());
        client.join();
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("   1 s  in"), r.out() + r.err());
        assertTrue(r.out().contains("   2 s  in"), r.out());
        assertTrue(r.out().contains("dom0"), r.out());
        Result result = ResultJson.read(Files.readString(json));
        assertEquals("emulate", result.mode());
        Point p = result.points().get(0);
        assertEquals("roundtrip", p.direction());
        assertEquals("domU1", p.guest());
        assertEquals(100, p.payload());
        assertTrue(p.throughputMbps() > 0);
        assertTrue(p.cpuPercent().get("dom0") > 0);
    }

    @Test
    void errorsAreOneLineNamingTheFlag() {
        Run both = run("emulate", "native", "--listen", "127.0.0.1:0", "--forward", "127.0.0.1:9", "--reflect");
        assertEquals(Cli.USAGE, both.code());
        assertEquals("vnetlab: emulate: give exactly one of --forward ADDR:PORT and --reflect\n", both.err());
        Run badPort = run("emulate", "native", "--listen", "127.0.0.1:99999", "--reflect");
        assertTrue(badPort.err().contains("--listen 127.0.0.1:99999: the port must be 0-65535"), badPort.err());
        Run mixed = run("emulate", "native", "--listen", "[::1]:0", "--forward", "127.0.0.1:9");
        assertTrue(mixed.err().contains("both be IPv4 or both IPv6"), mixed.err());
        Run tcp = run("emulate", "native", "--listen", "127.0.0.1:0", "--reflect", "--tcp");
        assertTrue(tcp.err().contains("--tcp is not implemented"), tcp.err());
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
    }

    /** Sends 100-byte probes to the emulator for two seconds, once it is up. */
    private static void probe(int port) {
        try (DatagramChannel c = DatagramChannel.open()) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            ByteBuffer b = ByteBuffer.allocate(100);
            long end = System.nanoTime() + 2_300_000_000L;
            while (System.nanoTime() < end) {
                b.clear();
                c.send(b, to);
                Thread.sleep(2);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
