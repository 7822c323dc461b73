package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import com.typesafe.config.ConfigFactory;
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
        assertTrue(r.out().matches("(?s).*\nmodel: datagrams in the modelled host and wire p50 \\d+\\.\\d us, p99 .*"),
                r.out());
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
        assertEquals("vnetlab: emulate: --reflect answers datagrams (the RTT probe's); with --tcp give --forward\n",
                tcp.err());
        Run noTcp = run("emulate", "rtt", "--listen", "127.0.0.1:0", "--forward", "127.0.0.1:9", "--tcp");
        assertEquals(Cli.USAGE, noTcp.code());
        assertTrue(noTcp.err().startsWith("vnetlab: emulate: --tcp: scenario rtt has no tcp workload"), noTcp.err());
        assertEquals(1, noTcp.err().lines().count(), noTcp.err());
    }

    @Test
    void aForwardAddressThatWouldLoopOrNamesNoOneHostIsRefusedWithOneLine() {
        Run loop = run("emulate", "native", "--listen", "127.0.0.1:19000", "--forward", "127.0.0.1:19000");
        assertEquals(Cli.USAGE, loop.code());
        assertEquals("vnetlab: emulate: --forward 127.0.0.1:19000: that is --listen's own address and port; the"
                + " datagrams would loop; forward to another port or host\n", loop.err());
        assertEquals("", loop.out(), "nothing started");
        Run tcp = run("emulate", "native", "--tcp", "--listen", "127.0.0.1:19000", "--forward", "127.0.0.1:19000");
        assertEquals(Cli.USAGE, tcp.code());
        assertTrue(tcp.err().contains("the connections would loop"), tcp.err());
        Run wildcard = run("emulate", "native", "--listen", "0.0.0.0:19000", "--forward", "127.0.0.1:19000");
        assertEquals(Cli.USAGE, wildcard.code());
        assertEquals("vnetlab: emulate: --forward 127.0.0.1:19000: --listen takes port 19000 on every local address,"
                + " this one too; the datagrams would loop; forward to another port or host\n", wildcard.err());
        Run v6 = run("emulate", "native", "--listen", "[::1]:19000", "--forward", "[::1]:19000");
        assertEquals("vnetlab: emulate: --forward [::1]:19000: that is --listen's own address and port; the"
                + " datagrams would loop; forward to another port or host\n", v6.err());
        for (String[] bad : new String[][] {{"127.0.0.1:0", "port 0 cannot be a destination"},
                {"0.0.0.0:9001", "a wildcard address cannot"}, {"255.255.255.255:9001", "a broadcast address cannot"},
                {"224.0.0.1:9001", "a multicast address cannot"}, {"[::]:9001", "a wildcard address cannot"},
                {"[ff02::1]:9001", "a multicast address cannot"}}) {
            String listen = bad[0].startsWith("[") ? "[::1]:0" : "127.0.0.1:0";
            Run r = run("emulate", "native", "--listen", listen, "--forward", bad[0]);
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertTrue(r.err().startsWith("vnetlab: emulate: --forward " + bad[0] + ": " + bad[1]), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void aJsonFileThatCannotBeWrittenIsRefusedBeforeTheRun(@TempDir Path dir) {
        Run directory = run("emulate", "native", "--listen", "127.0.0.1:0", "--reflect", "--duration", "1", "--json",
                dir.toString());
        assertEquals(Cli.USAGE, directory.code());
        assertEquals("vnetlab: emulate: --json " + dir + ": is a directory\n", directory.err());
        assertEquals("", directory.out(), "nothing started");
        Run missing = run("emulate", "native", "--listen", "127.0.0.1:0", "--reflect", "--duration", "1", "--json",
                "/nonexistent-vnetlab/x.json");
        assertEquals(Cli.USAGE, missing.code());
        assertEquals("vnetlab: emulate: --json /nonexistent-vnetlab/x.json: no such directory /nonexistent-vnetlab\n",
                missing.err());
        Run stdout = run("emulate", "native", "--listen", "127.0.0.1:0", "--reflect", "--duration", "1", "--json", "-");
        assertEquals(Cli.USAGE, stdout.code());
        assertEquals("vnetlab: emulate: --json -: the per-second lines go to stdout; give a file for the result\n",
                stdout.err());
    }

    @Test
    void aResultThatCannotBeWrittenAfterTheRunExitsOneNamingTheFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("gone"));
        Path json = folder.resolve("emulate.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, () -> false, 100, true);
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Commands.cli().run(List.of("emulate",
                "native", "--listen", "127.0.0.1:0", "--reflect", "--duration", "1.5", "--json", json.toString()), io));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).contains("emulating ") && !code.isDone()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Files.delete(folder); // after the check, before the write: as a full disk or a removed folder would
        assertEquals(Cli.FAILURE, code.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        // nothing was sent to it: that is said first, then the write that failed
        assertEquals(List.of("emulate: carried no datagram with a payload: the result has no point",
                "emulate: --json: cannot write " + json + ": no such file or directory"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("total: "), "the totals are still printed");
    }

    @Test
    void anIngressRingTooLargeForMemoryIsOneLine() {
        System.setProperty("vnetlab.emulator.slots", String.valueOf(1 << 20));
        ConfigFactory.invalidateCaches();
        try {
            Run r = run("emulate", "native", "--listen", "127.0.0.1:0", "--reflect", "--duration", "1");
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals("vnetlab: emulate: the emulator's ingress ring needs 2048 MiB of direct memory (1048576 slots"
                    + " of 2048 B), more than one buffer holds (2 GiB); lower vnetlab.emulator.slots or slot-bytes\n",
                    r.err());
        } finally {
            System.clearProperty("vnetlab.emulator.slots");
            ConfigFactory.invalidateCaches();
        }
    }

    @Test
    void carriesATcpConnectionToTheForwardAddressAndWritesTheResult(@TempDir Path dir) throws Exception {
        int port = freeTcpPort();
        Path json = dir.resolve("tcp.json");
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> drain(server));
            Thread client = new Thread(() -> send(port, 2_000_000));
            client.start();
            Run r = run("emulate", "xen-single", "--tcp", "--listen", "127.0.0.1:" + port, "--forward",
                    "127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort(), "--duration", "2.5",
                    "--json", json.toString());
            client.join();
            assertEquals(Cli.OK, r.code(), r.err());
            assertTrue(r.out().contains("TCP, segments of 1448 B"), r.out());
            assertEquals(2_000_000L, received.get(10, TimeUnit.SECONDS), "the server read the whole stream");
            Point p = ResultJson.read(Files.readString(json)).points().get(0);
            assertEquals("tcp", p.transport());
            assertEquals("forward", p.direction());
            assertTrue(p.throughputMbps() > 2_000_000 * 8 / 2.5 / 1e6 * 0.9, "all of it counted: " + p.throughputMbps());
        }
    }

    private static int freeTcpPort() throws Exception {
        try (ServerSocketChannel c = ServerSocketChannel.open()) {
            c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
    }

    /** Accepts one connection and reads it to its end; returns the bytes read. */
    private static long drain(ServerSocketChannel server) {
        try (SocketChannel c = server.accept()) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            long total = 0;
            int n;
            while ((n = c.read(b)) >= 0) {
                total += n;
                b.clear();
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects to the emulator once it listens, sends {@code bytes} and closes. */
    private static void send(int port, int bytes) {
        InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try (SocketChannel c = SocketChannel.open(to)) {
                ByteBuffer b = ByteBuffer.allocate(bytes);
                while (b.hasRemaining()) {
                    c.write(b);
                }
                return;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(notYet);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
