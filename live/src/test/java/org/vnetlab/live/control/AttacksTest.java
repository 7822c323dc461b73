package org.vnetlab.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.LiveTesting.Running;
import org.vnetlab.live.LiveTesting;
import org.vnetlab.live.client.IntervalListener;
import org.vnetlab.live.client.MeasureException;
import org.vnetlab.live.client.ThroughputClient;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Failed;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Refused;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;
import org.vnetlab.live.control.MeasureServer.Role;
import org.vnetlab.live.data.DataHeader;
import org.vnetlab.live.data.Handshake;
import org.vnetlab.live.data.Rejections.Kind;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.probe.Reflector;

/**
 * The attacks of the hardening issue, each as an attacker runs it against a server on loopback
 * (Linux answers on all of 127.0.0.0/8, so a test can be several client addresses), and what the
 * server must do instead of what it did.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AttacksTest {

    static final InetAddress LOOPBACK = address("127.0.0.1");
    /** The longest log line a rejection may make: its kind, the peer, 200 characters of client text, the cut. */
    static final int LONGEST_LINE = 400;

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Running server(String overrides) throws IOException {
        return LiveTesting.start(Role.THROUGHPUT, LiveTesting.settings("127.0.0.1", overrides));
    }

    static Request udp(Direction d, DataRate rate, int payload) {
        return new Request(ControlMessage.VERSION, new TestSpec(Transport.UDP, IpVersion.IPV4, d, rate, payload,
                Duration.ofSeconds(5)));
    }

    static void awaitRunning(Running r, int tests) throws InterruptedException {
        for (int i = 0; i < 200 && r.server().running() != tests; i++) {
            Thread.sleep(25);
        }
        assertEquals(tests, r.server().running(), "tests holding a slot");
    }

    /** Data threads of tests still alive in this JVM. */
    static long dataThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("test-\\d+-(udp|tcp)-(tx|rx)")).count();
    }

    /** The attack: a tx test at 1 bit/s of 65507 B datagrams, a sender due once in six days. */
    @Test
    void aSenderDueOnceInDaysIsRefused() throws Exception {
        try (Running s = server(""); RawControl raw = new RawControl(LOOPBACK, s.port())) {
            raw.send(udp(Direction.TX, new DataRate(1), 65507));
            Refused r = assertInstanceOf(Refused.class, raw.receive());
            assertTrue(r.reason().contains("under this server's minimum of 100 kbit/s"), r.reason());
            raw.send(udp(Direction.TX, DataRate.parse("200k"), 65507));
            Refused slow = assertInstanceOf(Refused.class, raw.receive());
            assertTrue(slow.reason().contains("less than once a second"), slow.reason());
            assertEquals(2, s.server().rejections().count(Kind.REFUSED_REQUEST));
        }
    }

    /**
     * Tests abandoned as the attack did (the control connection closed right after the sender
     * started) leave no data thread behind: their senders are stopped and woken, whatever their
     * pace. (UdpPacedSenderTest wakes one due in six days.)
     */
    @Test
    void abandonedTestsLeaveNoThreadBehind() throws Exception {
        try (Running s = server("max-tests-per-address = 8")) {
            for (int i = 0; i < 40; i++) {
                try (RawControl raw = new RawControl(LOOPBACK, s.port());
                     DatagramChannel data = DatagramChannel.open()) {
                    Accepted a = raw.start(udp(Direction.TX, DataRate.parse("100k"), 1000));
                    data.connect(new InetSocketAddress(LOOPBACK, a.dataPort()));
                    data.write(DataHeader.hello(a.token()));
                    data.configureBlocking(true);
                    data.socket().setSoTimeout(5000);
                    data.socket().receive(new java.net.DatagramPacket(new byte[2000], 2000)); // the sender runs
                }
            }
            awaitRunning(s, 0);
            for (int i = 0; i < 100 && dataThreads() > 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(0, dataThreads(), "data threads of ended tests");
            assertEquals(40, s.server().rejections().count(Kind.DISCONNECTED_MID_TEST));
        }
    }

    /** The attack: thousands of idle connections. Past the caps a connection is told why and closed. */
    @Test
    void controlConnectionsAreCappedPerAddressAndOverall() throws Exception {
        try (Running s = server("max-connections = 6, max-connections-per-address = 4")) {
            List<RawControl> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    held.add(served(s, "127.0.0.1"));
                }
                assertTurnedAway(s, "127.0.0.1", "from your address: the limit is 4");
                held.add(served(s, "127.0.0.2"));
                held.add(served(s, "127.0.0.2"));
                assertTurnedAway(s, "127.0.0.3", "the limit of 6 is reached");
                assertEquals(2, s.server().rejections().count(Kind.TOO_MANY_CONNECTIONS));
                held.remove(0).close();
                RawControl again = null;
                for (int i = 0; i < 50 && again == null; i++) {
                    again = servedOrNull(s, "127.0.0.3");
                    Thread.sleep(again == null ? 50 : 0);
                }
                assertTrue(again != null, "a place given back is given again");
                held.add(again);
            } finally {
                for (RawControl r : held) {
                    r.close();
                }
            }
        }
    }

    /** A connection that the server serves: it answers a request (refused, as version 0 is unknown). */
    static RawControl served(Running s, String from) throws IOException {
        RawControl r = servedOrNull(s, from);
        assertTrue(r != null, "turned away from " + from);
        return r;
    }

    static RawControl servedOrNull(Running s, String from) throws IOException {
        RawControl raw = new RawControl(LOOPBACK, s.port(), address(from));
        raw.send(new Request(0, udp(Direction.RX, DataRate.parse("1M"), 100).spec()));
        ControlMessage m = raw.receive();
        if (m instanceof Refused r && r.reason().contains("version")) {
            return raw;
        }
        raw.close();
        return null;
    }

    static void assertTurnedAway(Running s, String from, String reason) throws IOException {
        try (RawControl raw = new RawControl(LOOPBACK, s.port(), address(from))) {
            Failed f = assertInstanceOf(Failed.class, raw.receive());
            assertTrue(f.reason().contains(reason), f.reason());
            assertTrue(raw.closedByServer());
        }
    }

    /** The attack: one client takes every test slot. An address holds two at most. */
    @Test
    void oneAddressCannotTakeEveryTestSlot() throws Exception {
        try (Running s = server("handshake-timeout = 30s");
             RawControl a = new RawControl(LOOPBACK, s.port(), address("127.0.0.1"));
             RawControl b = new RawControl(LOOPBACK, s.port(), address("127.0.0.1"));
             RawControl c = new RawControl(LOOPBACK, s.port(), address("127.0.0.1"));
             RawControl other = new RawControl(LOOPBACK, s.port(), address("127.0.0.2"))) {
            for (RawControl raw : List.of(a, b)) {
                raw.send(udp(Direction.RX, DataRate.parse("1M"), 100));
                assertInstanceOf(Accepted.class, raw.receive());
            }
            c.send(udp(Direction.RX, DataRate.parse("1M"), 100));
            Refused r = assertInstanceOf(Refused.class, c.receive());
            assertTrue(r.reason().contains("your address holds 2 tests"), r.reason());
            other.send(udp(Direction.RX, DataRate.parse("1M"), 100));
            assertInstanceOf(Accepted.class, other.receive());
            assertEquals(3, s.server().running());
        }
    }

    /** The attack: Start, then no data, to hold a slot for the test's whole duration. */
    @Test
    void aTestWithoutDataAfterStartFailsAndGivesBackItsSlot() throws Exception {
        try (Running s = server("handshake-timeout = 1s"); RawControl raw = new RawControl(LOOPBACK, s.port())) {
            raw.start(udp(Direction.RX, DataRate.parse("1M"), 100));
            Failed f = assertInstanceOf(Failed.class, raw.receiveSkippingIntervals());
            assertTrue(f.reason().contains("no data within 1 s of Start"), f.reason());
            awaitRunning(s, 0);
        }
    }

    /** The attack: datagrams replayed into a test; they counted as delivered (1600 of 1000 sent). */
    @Test
    void replayedDatagramsAreRejectedNotDelivered() throws Exception {
        try (Running s = server(""); RawControl raw = new RawControl(LOOPBACK, s.port());
             DatagramChannel data = DatagramChannel.open()) {
            Accepted a = raw.start(udp(Direction.RX, DataRate.parse("1M"), 100));
            data.connect(new InetSocketAddress(LOOPBACK, a.dataPort()));
            ByteBuffer d = DataHeader.datagram(a.token(), 100);
            for (int seq = 0; seq < 1000; seq++) {
                DataHeader.sequence(d, seq);
                data.write(d);
            }
            for (int seq = 0; seq < 600; seq++) {
                DataHeader.sequence(d, seq);
                data.write(d);
            }
            Thread.sleep(200);
            raw.send(new Finish(1000, 100_000));
            Report r = assertInstanceOf(Report.class, raw.receiveSkippingIntervals());
            assertEquals(1000, r.packets());
            assertEquals(0, r.reordered());
            assertEquals(600, s.server().rejections().count(Kind.REPLAYED_TOKEN));
        }
    }

    /**
     * The attack: a silent TCP connection from the client's address ahead of the real one. Tokens
     * are read at once, so the real connection runs while the silent one waits out its 30 s.
     */
    @Test
    void aSilentDataConnectionDoesNotHoldUpTheRealOne() throws Exception {
        try (Running s = server("handshake-timeout = 30s, token-timeout = 30s");
             RawControl raw = new RawControl(LOOPBACK, s.port())) {
            raw.send(new Request(ControlMessage.VERSION, new TestSpec(Transport.TCP, IpVersion.IPV4, Direction.RX,
                    DataRate.parse("1G"), 1448, Duration.ofSeconds(5))));
            Accepted a = assertInstanceOf(Accepted.class, raw.receive());
            InetSocketAddress data = new InetSocketAddress(LOOPBACK, a.dataPort());
            try (SocketChannel silent = SocketChannel.open(data); SocketChannel client = SocketChannel.open(data)) {
                raw.send(new Start());
                assertInstanceOf(Started.class, raw.receive());
                Handshake.sendToken(client, a.token());
                client.write(ByteBuffer.allocate(10_000));
                client.shutdownOutput();
                // read within RawControl's 5 s: a serial reader would still be waiting on the silent one
                Report r = assertInstanceOf(Report.class, raw.receiveSkippingIntervals());
                assertEquals(10_000, r.bytes());
                assertTrue(silent.isOpen());
            }
        }
    }

    /** The attack: a lease whose client is the reflector itself; one spoofed probe would loop it. */
    @Test
    void aReflectorNeverLeasesToItsOwnSocket() throws Exception {
        try (Running r = LiveTesting.start(Role.REFLECTOR, LiveTesting.settings("127.0.0.1", ""))) {
            int probePort;
            try (RawControl first = new RawControl(LOOPBACK, r.port())) {
                first.send(new ProbeRequest(ControlMessage.VERSION,
                        new ProbeSpec(IpVersion.IPV4, 1000, DataRate.parse("10M"), 10, 40000)));
                probePort = assertInstanceOf(Accepted.class, first.receive()).dataPort();
            }
            awaitRunning(r, 0);
            RawControl raw = new RawControl(LOOPBACK, r.port());
            raw.send(new ProbeRequest(ControlMessage.VERSION,
                    new ProbeSpec(IpVersion.IPV4, 1000, DataRate.parse("10M"), 10, probePort)));
            Refused refused = assertInstanceOf(Refused.class, raw.receive());
            raw.close();
            assertTrue(refused.reason().contains("the reflector's own port"), refused.reason());
            assertEquals(0, r.server().running());
        }
        try (Reflector reflector = new Reflector(new InetSocketAddress("::", 0), 2000, new Rejections())) {
            for (String self : List.of("127.0.0.1", "::1", "::")) {
                InetSocketAddress own = new InetSocketAddress(self, reflector.port());
                assertThrows(IllegalArgumentException.class, () -> reflector.open(1, own, 100, Long.MAX_VALUE), self);
            }
            assertFalse(reflector.isSelf(new InetSocketAddress("127.0.0.1", reflector.port() == 9 ? 10 : 9)));
        }
    }

    /** The attack: a probe stream so long that its lifetime overflowed into a negative time. */
    @Test
    void aHugeProbeStreamIsRefusedForItsLength() throws Exception {
        try (Running r = LiveTesting.start(Role.REFLECTOR, LiveTesting.settings("127.0.0.1", "max-probes = 10000000"));
             RawControl raw = new RawControl(LOOPBACK, r.port())) {
            raw.send(new ProbeRequest(ControlMessage.VERSION,
                    new ProbeSpec(IpVersion.IPV4, 65507, DataRate.parse("100k"), 10_000_000, 40000)));
            Refused refused = assertInstanceOf(Refused.class, raw.receive());
            assertTrue(refused.reason().contains("less than once a second"), refused.reason());
            raw.send(new ProbeRequest(ControlMessage.VERSION,
                    new ProbeSpec(IpVersion.IPV4, 65507, DataRate.parse("1G"), 10_000_000, 40000)));
            refused = assertInstanceOf(Refused.class, raw.receive());
            assertTrue(refused.reason().contains("would last 5240"), refused.reason());
        }
    }

    /**
     * The attack: a message type carrying a newline and terminal escapes, 16 KiB long, sent again
     * and again; and refused requests by the hundred. Log lines are escaped and cut, each kind logs
     * a line a second and then one line of how many more, and the server's table gets one refused
     * row a second (the rest are counted).
     */
    @Test
    void clientTextInLogsIsEscapedCutAndFloodsAreSummarised() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Rejections.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try (Running s = server("")) {
            String forged = "\\n12:00:00.000 WARN  forged line\\u001b[31m" + "x".repeat(10_000);
            byte[] frame = ("{\"type\":\"" + forged + "\"}").getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                try (RawControl raw = new RawControl(LOOPBACK, s.port())) {
                    raw.out.writeInt(frame.length);
                    raw.out.write(frame);
                    raw.out.flush();
                    assertTrue(raw.closedByServer());
                }
            }
            try (RawControl raw = new RawControl(LOOPBACK, s.port())) {
                for (int i = 0; i < 100; i++) {
                    raw.send(new Request(0, udp(Direction.RX, DataRate.parse("1M"), 100).spec()));
                    assertInstanceOf(Refused.class, raw.receive());
                }
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;
            for (int i = 0; i < 100 && s.server().rejections().count(Kind.MALFORMED_FRAME) < 30; i++) {
                Thread.sleep(20);
            }
            Thread.sleep(2100); // the summary of the last second comes with the next second's flush
            List<String> malformed = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("malformed-frame")).toList();
            List<String> detailed = malformed.stream().filter(m -> m.startsWith("rejected malformed-frame: ")).toList();
            assertTrue(detailed.size() >= 1 && detailed.size() <= seconds + 1, seconds + " s: " + detailed.size());
            for (String m : malformed) {
                assertFalse(m.contains("\n") || m.contains("\u001b"), m);
                assertTrue(m.length() < LONGEST_LINE, m.length() + " characters");
            }
            assertTrue(detailed.get(0).contains("\\u000a12:00:00.000 WARN  forged line\\u001b[31mxxx"), detailed.get(0));
            long summarised = 0;
            Matcher more = Pattern.compile("rejected (\\d+) more malformed-frame").matcher(String.join("\n", malformed));
            while (more.find()) {
                summarised += Long.parseLong(more.group(1));
            }
            assertEquals(30, detailed.size() + summarised, String.join("\n", malformed));
            long refusedRows = s.records().stream().filter(r -> r.outcome().startsWith("refused")).count();
            assertTrue(refusedRows >= 1 && refusedRows <= seconds + 1, refusedRows + " rows in " + seconds + " s");
            assertEquals(100, s.server().rejections().count(Kind.REFUSED_REQUEST));
        } finally {
            log.detachAppender(lines);
        }
    }

    /** The other way round: a hostile server's refusal reaches the client's terminal escaped and cut. */
    @Test
    void aServersWordsReachTheClientEscaped() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, LOOPBACK)) {
            Thread server = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    in.readFully(new byte[in.readInt()]);
                    String forged = "\u001b[2J\nvnetlab: all fine" + "z".repeat(5000);
                    s.getOutputStream().write(RawControl.frame(new Refused(forged)));
                } catch (IOException e) {
                    // the client went away
                }
            });
            server.setDaemon(true);
            server.start();
            MeasureException e = assertThrows(MeasureException.class, () -> new ThroughputClient(LOOPBACK,
                    fake.getLocalPort(), IntervalListener.NONE).run(udp(Direction.RX, DataRate.parse("1M"), 100).spec()));
            assertFalse(e.getMessage().contains("\u001b") || e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("\\u001b[2J\\u000avnetlab: all fine"), e.getMessage());
            assertTrue(e.getMessage().length() < LONGEST_LINE, e.getMessage().length() + " characters");
        }
    }
}
