package org.vnetlab.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.Deadlines;
import org.vnetlab.live.LiveTesting;
import org.vnetlab.live.LiveTesting.Running;
import org.vnetlab.live.client.ThroughputClient;
import org.vnetlab.live.client.TrialResult;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Failed;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;
import org.vnetlab.live.control.MeasureServer.Role;
import org.vnetlab.live.data.DataHeader;
import org.vnetlab.live.data.Handshake;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Rejections.Kind;
import org.vnetlab.live.probe.ProbePacket;

/**
 * Every kind of hostile input of docs/MEASURE.md's security section, sent to a live server and
 * reflector on loopback: each is counted under its kind, nothing is answered that should not be,
 * slots are released, and the server still serves a good test afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {

    static final String LIMITS = "control-idle-timeout = 2s, handshake-timeout = 1s, grace = 1s";
    static Running server;
    static Running reflector;
    static InetAddress loopback;

    @BeforeAll
    static void start() throws Exception {
        loopback = InetAddress.getByName("127.0.0.1");
        server = LiveTesting.start(Role.THROUGHPUT, LiveTesting.settings("127.0.0.1", LIMITS));
        reflector = LiveTesting.start(Role.REFLECTOR, LiveTesting.settings("127.0.0.1", LIMITS));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        reflector.close();
    }

    /** A raw control connection to {@code port} on loopback. */
    static RawControl raw(int port) throws IOException {
        return new RawControl(loopback, port);
    }

    private static long count(Running r, Kind k) {
        return r.server().rejections().count(k);
    }

    private static void awaitCount(Running r, Kind k, long atLeast) throws InterruptedException {
        for (int i = 0; i < 100 && count(r, k) < atLeast; i++) {
            Thread.sleep(50);
        }
        assertTrue(count(r, k) >= atLeast, k + ": " + count(r, k) + " < " + atLeast);
    }

    private static void awaitIdle(Running r) throws InterruptedException {
        for (int i = 0; i < 100 && r.server().running() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, r.server().running(), "a test slot was not released");
    }

    /** True when the peer closed or reset the connection within 5 s. */
    private static boolean closed(SocketChannel c) throws IOException {
        return Deadlines.closedWithin(c, Duration.ofSeconds(5));
    }

    static Request udpRx(int payload) {
        return new Request(ControlMessage.VERSION, new TestSpec(Transport.UDP, IpVersion.IPV4, Direction.RX,
                DataRate.parse("10M"), payload, Duration.ofSeconds(5)));
    }

    @Test
    void garbageOnTheControlConnectionIsCountedAndClosed() throws Exception {
        long before = count(server, Kind.MALFORMED_FRAME);
        byte[] junk = new byte[200];
        new Random(1).nextBytes(junk);
        try (RawControl raw = raw(server.port())) {
            raw.out.write(junk);
            raw.out.flush();
            assertTrue(raw.closedByServer());
        }
        try (RawControl raw = raw(server.port())) {          // a frame longer than max-frame
            raw.out.writeInt(1 << 20);
            raw.out.write(new byte[100]);
            raw.out.flush();
            assertTrue(raw.closedByServer());
        }
        try (RawControl raw = raw(server.port())) {          // a well-framed body that is not a message
            raw.out.writeInt(5);
            raw.out.write("{\"a\":".getBytes());
            raw.out.flush();
            assertTrue(raw.closedByServer());
        }
        try (RawControl raw = raw(server.port())) {          // a truncated header, then gone
            raw.out.write(new byte[] {0, 0});
            raw.out.flush();
        }
        try (RawControl raw = raw(server.port())) {          // a valid message in the wrong state
            raw.send(new Start());
            assertInstanceOf(Failed.class, raw.receive());
            assertTrue(raw.closedByServer());
        }
        awaitCount(server, Kind.MALFORMED_FRAME, before + 5);
    }

    @Test
    void aStalledControlConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        long before = count(server, Kind.STALLED_CONTROL);
        try (RawControl raw = raw(server.port())) {
            long t0 = System.nanoTime();
            assertTrue(raw.closedByServer());
            assertTrue(System.nanoTime() - t0 > 1_500_000_000L, "closed before the idle timeout");
        }
        awaitCount(server, Kind.STALLED_CONTROL, before + 1);
    }

    @Test
    void aClientThatNeverStartsLosesItsTestAndSlot() throws Exception {
        try (RawControl raw = raw(server.port())) {
            raw.send(udpRx(100));
            assertInstanceOf(Accepted.class, raw.receive());
            assertEquals(1, server.server().running());
            Failed f = assertInstanceOf(Failed.class, raw.receive());
            assertTrue(f.reason().contains("no Start"), f.reason());
        }
        awaitIdle(server);
    }

    @Test
    void aDisconnectMidTestIsCountedAndReleasesTheTest() throws Exception {
        long before = count(server, Kind.DISCONNECTED_MID_TEST);
        int dataPort;
        try (RawControl raw = raw(server.port())) {
            dataPort = raw.start(udpRx(100)).dataPort();
        }
        awaitCount(server, Kind.DISCONNECTED_MID_TEST, before + 1);
        awaitIdle(server);
        // the test's data socket is gone: the port can be bound again
        try (DatagramChannel c = DatagramChannel.open()) {
            c.bind(new InetSocketAddress(loopback, dataPort));
        }
    }

    @Test
    void hostileDatagramsAreCountedAndOnlyGoodOnesDelivered() throws Exception {
        Rejections r = server.server().rejections();
        long wrongToken = r.count(Kind.WRONG_TOKEN);
        long truncated = r.count(Kind.TRUNCATED_DATAGRAM);
        long oversized = r.count(Kind.OVERSIZED_DATAGRAM);
        long wrongSource = r.count(Kind.WRONG_SOURCE);
        try (RawControl raw = raw(server.port());
             DatagramChannel good = DatagramChannel.open();
             DatagramChannel stranger = DatagramChannel.open()) {
            Accepted a = raw.start(udpRx(100));
            InetSocketAddress data = new InetSocketAddress(loopback, a.dataPort());
            good.bind(new InetSocketAddress(loopback, 0));
            stranger.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            byte[] junk = new byte[100];
            new Random(2).nextBytes(junk);
            good.send(ByteBuffer.wrap(junk), data);                                // random bytes
            good.send(ByteBuffer.wrap(new byte[10]), data);                        // truncated header
            good.send(ByteBuffer.allocate(9000), data);                            // oversized
            ByteBuffer right = DataHeader.datagram(a.token(), 100);
            DataHeader.sequence(right, 0);
            stranger.send(right, data);                                             // good token, wrong host
            for (int seq = 0; seq < 5; seq++) {
                DataHeader.sequence(right, seq);
                good.send(right, data);
            }
            Thread.sleep(200);
            raw.send(new Finish(5, 500));
            Report report = (Report) raw.receiveSkippingIntervals();
            assertEquals(5, report.packets());
            assertEquals(500, report.bytes());
        }
        assertEquals(wrongToken + 1, r.count(Kind.WRONG_TOKEN));
        assertEquals(truncated + 1, r.count(Kind.TRUNCATED_DATAGRAM));
        assertEquals(oversized + 1, r.count(Kind.OVERSIZED_DATAGRAM));
        assertEquals(wrongSource + 1, r.count(Kind.WRONG_SOURCE));
        awaitIdle(server);
    }

    @Test
    void aDataConnectionWithTheWrongTokenIsRefused() throws Exception {
        long before = count(server, Kind.BAD_DATA_CONNECTION);
        try (RawControl raw = raw(server.port())) {
            raw.send(new Request(ControlMessage.VERSION, new TestSpec(Transport.TCP, IpVersion.IPV4, Direction.RX,
                    DataRate.parse("1G"), 1448, Duration.ofSeconds(1))));
            Accepted a = (Accepted) raw.receive();
            InetSocketAddress data = new InetSocketAddress(loopback, a.dataPort());
            // data connections are taken once the test starts: the intruder comes first
            try (SocketChannel intruder = SocketChannel.open(data);
                 SocketChannel client = SocketChannel.open(data)) {
                Handshake.sendToken(intruder, a.token() + 1);
                Handshake.sendToken(client, a.token());
                raw.send(new Start());
                assertInstanceOf(Started.class, raw.receive());
                assertTrue(closed(intruder), "the intruder was not closed");
                client.write(ByteBuffer.allocate(10_000));
                client.shutdownOutput();
                Report report = (Report) raw.receiveSkippingIntervals();
                assertEquals(10_000, report.bytes());
            }
        }
        awaitCount(server, Kind.BAD_DATA_CONNECTION, before + 1);
        awaitIdle(server);
    }

    @Test
    void theReflectorAnswersOnlyItsLiveTestsClient() throws Exception {
        Rejections r = reflector.server().rejections();
        long wrongSource = r.count(Kind.WRONG_SOURCE);
        long wrongToken = r.count(Kind.WRONG_TOKEN);
        long truncated = r.count(Kind.TRUNCATED_DATAGRAM);
        long oversized = r.count(Kind.OVERSIZED_DATAGRAM);
        long replayed = r.count(Kind.REPLAYED_TOKEN);
        try (RawControl raw = raw(reflector.port());
             DatagramChannel client = DatagramChannel.open();
             DatagramChannel other = DatagramChannel.open()) {
            client.bind(new InetSocketAddress(loopback, 0));
            other.bind(new InetSocketAddress(loopback, 0));
            int port = ((InetSocketAddress) client.getLocalAddress()).getPort();
            Accepted a = raw.start(new ProbeRequest(ControlMessage.VERSION,
                    new ProbeSpec(IpVersion.IPV4, 1000, DataRate.parse("10M"), 10, port)));
            InetSocketAddress probes = new InetSocketAddress(loopback, a.dataPort());
            client.configureBlocking(false);
            other.configureBlocking(false);

            ByteBuffer probe = ProbePacket.create(1000, a.token(), 7);
            ProbePacket.stamp(probe, 0, System.nanoTime());
            other.send(probe.duplicate(), probes);                                        // another port
            client.send(ProbePacket.create(1000, a.token() ^ 1, 7), probes);               // wrong token
            client.send(ByteBuffer.allocate(20), probes);                                  // truncated header
            ByteBuffer big = ProbePacket.create(2000, a.token(), 7);
            client.send(big, probes);                                                      // over the payload
            client.send(probe.duplicate(), probes);                                        // the one good probe
            Thread.sleep(300);
            assertNull(other.receive(ByteBuffer.allocate(4000)), "answered a stranger");
            ByteBuffer echo = ByteBuffer.allocate(4000);
            assertTrue(client.receive(echo) != null, "no echo of the good probe");
            assertEquals(1000, echo.position(), "the echo is not exactly the probe");
            assertNull(client.receive(ByteBuffer.allocate(4000)), "answered a bad probe");

            raw.send(new Finish(1, 1000));
            Report report = (Report) raw.receiveSkippingIntervals();
            assertEquals(1, report.packets());
            client.send(probe.duplicate(), probes);                                        // replayed after the end
            Thread.sleep(300);
            assertNull(client.receive(ByteBuffer.allocate(4000)), "answered after the test ended");
        }
        assertEquals(wrongSource + 1, r.count(Kind.WRONG_SOURCE));
        assertEquals(wrongToken + 1, r.count(Kind.WRONG_TOKEN));
        assertEquals(truncated + 1, r.count(Kind.TRUNCATED_DATAGRAM));
        assertEquals(oversized + 1, r.count(Kind.OVERSIZED_DATAGRAM));
        assertEquals(replayed + 1, r.count(Kind.REPLAYED_TOKEN));
    }

    @Test
    void limitsAreEnforcedWithAReason() throws Exception {
        try (RawControl raw = raw(server.port())) {
            raw.send(new Request(ControlMessage.VERSION, new TestSpec(Transport.UDP, IpVersion.IPV4, Direction.RX,
                    DataRate.parse("100G"), 1470, Duration.ofSeconds(1))));
            assertTrue(((ControlMessage.Refused) raw.receive()).reason().contains("rate"));
            raw.send(new Request(ControlMessage.VERSION, new TestSpec(Transport.UDP, IpVersion.IPV4, Direction.RX,
                    DataRate.parse("1M"), 1470, Duration.ofHours(2))));
            assertTrue(((ControlMessage.Refused) raw.receive()).reason().contains("duration"));
            raw.send(new Request(ControlMessage.VERSION, new TestSpec(Transport.UDP, IpVersion.IPV6, Direction.RX,
                    DataRate.parse("1M"), 1470, Duration.ofSeconds(1))));
            assertTrue(((ControlMessage.Refused) raw.receive()).reason().contains("ipv6"));
            raw.send(new Request(99, new TestSpec(Transport.UDP, IpVersion.IPV4, Direction.RX,
                    DataRate.parse("1M"), 1470, Duration.ofSeconds(1))));
            assertTrue(((ControlMessage.Refused) raw.receive()).reason().contains("version"));
            raw.send(new ProbeRequest(ControlMessage.VERSION,
                    new ProbeSpec(IpVersion.IPV4, 1000, DataRate.parse("1M"), 10, 5000)));
            assertTrue(((ControlMessage.Refused) raw.receive()).reason().contains("reflect"));
        }
        awaitIdle(server);
    }

    @Test
    void afterAllThatTheServerStillServes() throws Exception {
        garbageOnTheControlConnectionIsCountedAndClosed();
        TrialResult r = new ThroughputClient(loopback, server.port(), (s, b, p) -> { })
                .run(new TestSpec(Transport.UDP, IpVersion.IPV4, Direction.RX, DataRate.parse("50M"), 1000,
                        Duration.ofSeconds(1)));
        assertTrue(r.mbps() > 40 && r.mbps() < 60, "" + r.mbps());
    }
}
