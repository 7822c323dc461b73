package org.vnetlab.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.client.IntervalListener;
import org.vnetlab.live.client.ThroughputClient;
import org.vnetlab.live.client.TrialResult;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Refused;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;
import org.vnetlab.live.control.ServerProcess.Stats;
import org.vnetlab.live.data.DataHeader;
import org.vnetlab.live.data.Handshake;

/**
 * One server with its stock limits, in a JVM of its own, against {@value #ABANDONED} tests
 * abandoned mid-test (UDP tx with its sender running, TCP rx with its data connection open, the
 * control connection closed at once) and {@value #HELD} control connections held at once from 100
 * addresses. Afterwards its threads, descriptors and heap (after collections) are within 10 % of
 * where they were before, and a client measures as it did.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SoakTest {

    static final int ABANDONED = 2000;
    static final int HELD = 3000;
    /** Client addresses the abandoned tests come from, round robin (2 tests each at most). */
    static final int TEST_ADDRESSES = 50;
    /** Client addresses the held connections come from: 30 each, under the 32 per address. */
    static final int HOLD_ADDRESSES = 100;

    @Test
    void abandonedTestsAndHeldConnectionsLeaveNothingBehind() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx256m"))) {
            double mbpsBefore = measure(lo, server.port());
            abandon(lo, server, 100, 0);            // every pool and lazy structure made once
            hold(lo, server, 200);
            Stats before = settle(server, null);
            long t0 = System.nanoTime();
            int refusedBusy = abandon(lo, server, ABANDONED, 100);
            double abandonSeconds = (System.nanoTime() - t0) / 1e9;
            Stats held = hold(lo, server, HELD);
            Stats after = settle(server, before);
            double mbpsAfter = measure(lo, server.port());
            System.out.printf("soak: %d tests abandoned in %.1f s (%d requests refused as busy first)%n", ABANDONED,
                    abandonSeconds, refusedBusy);
            System.out.printf("soak:            before  while held  after%n");
            System.out.printf("soak: threads  %8d  %10d  %5d%n", before.threads(), held.threads(), after.threads());
            System.out.printf("soak: fds      %8d  %10d  %5d%n", before.fds(), held.fds(), after.fds());
            System.out.printf("soak: heap MiB %8.1f  %10.1f  %5.1f%n", before.heap() / 1048576.0,
                    held.heap() / 1048576.0, after.heap() / 1048576.0);
            System.out.printf("soak: direct MiB %6.1f  %10.1f  %5.1f%n", before.direct() / 1048576.0,
                    held.direct() / 1048576.0, after.direct() / 1048576.0);
            System.out.printf("soak: client UDP 50 Mbit/s measured %.1f before, %.1f after%n", mbpsBefore, mbpsAfter);
            assertWithin10Percent("threads", before.threads(), after.threads());
            assertWithin10Percent("descriptors", before.fds(), after.fds());
            assertWithin10Percent("heap", before.heap(), after.heap());
            assertEquals(0, after.running());
            assertTrue(mbpsAfter > 40 && mbpsAfter < 60, "after: " + mbpsAfter + " Mbit/s");
        }
    }

    static void assertWithin10Percent(String what, long before, long after) {
        assertTrue(Math.abs(after - before) <= 0.10 * before, what + ": " + before + " before, " + after + " after");
    }

    /** A client's UDP test at 50 Mbit/s for a second. */
    static double measure(InetAddress lo, int port) throws Exception {
        TrialResult r = new ThroughputClient(lo, port, IntervalListener.NONE).run(new TestSpec(Transport.UDP,
                IpVersion.IPV4, Direction.RX, DataRate.parse("50M"), 1000, Duration.ofSeconds(1)));
        return r.mbps();
    }

    /**
     * Abandons {@code n} tests, alternately UDP tx (its sender started by a hello) and TCP rx (its
     * data connection open), from one of {@link #TEST_ADDRESSES} addresses each. A request refused
     * as busy (the last abandoned tests still ending) is asked again; their number is returned.
     */
    static int abandon(InetAddress lo, ServerProcess server, int n, int first) throws Exception {
        int busy = 0;
        for (int i = first; i < first + n; i++) {
            InetAddress from = InetAddress.getByName("127.0.1." + (1 + i % TEST_ADDRESSES));
            while (!abandonOne(lo, server.port(), from, i % 2 == 0)) {
                busy++;
                Thread.sleep(2);
            }
        }
        return busy;
    }

    /** One abandoned test; false when it was refused as busy. */
    static boolean abandonOne(InetAddress lo, int port, InetAddress from, boolean udp) throws IOException {
        try (RawControl raw = new RawControl(lo, port, from)) {
            raw.send(new Request(ControlMessage.VERSION, new TestSpec(udp ? Transport.UDP : Transport.TCP,
                    IpVersion.IPV4, udp ? Direction.TX : Direction.RX, DataRate.parse("1M"), 1000,
                    Duration.ofSeconds(10))));
            ControlMessage m = raw.receive();
            if (m instanceof Refused r && r.reason().startsWith("busy")) {
                return false;
            }
            Accepted a = assertInstanceOf(Accepted.class, m);
            InetSocketAddress data = new InetSocketAddress(lo, a.dataPort());
            if (udp) {
                try (DatagramChannel c = DatagramChannel.open()) {
                    c.bind(new InetSocketAddress(from, 0)).connect(data);
                    raw.send(new Start());
                    assertInstanceOf(Started.class, raw.receive());
                    c.write(DataHeader.hello(a.token()));
                    c.socket().setSoTimeout(5000);
                    c.socket().receive(new java.net.DatagramPacket(new byte[2000], 2000));   // the sender runs
                }
            } else {
                try (SocketChannel c = SocketChannel.open()) {
                    c.bind(new InetSocketAddress(from, 0)).connect(data);
                    Handshake.sendToken(c, a.token());
                    c.write(ByteBuffer.allocate(1000));
                    raw.send(new Start());
                    assertInstanceOf(Started.class, raw.receive());
                }
            }
        }
        return true;
    }

    /**
     * Opens {@code n} control connections at once from {@link #HOLD_ADDRESSES} addresses and keeps
     * each busy as the attack did, with a request the server refuses; the server's figures once it
     * has held or turned away every one; then closes them.
     */
    static Stats hold(InetAddress lo, ServerProcess server, int n) throws Exception {
        try (Holder holder = new Holder(lo, server.port(), n)) {
            holder.awaitAnswers(TimeUnit.SECONDS.toNanos(60));
            Stats s = server.stats();
            holder.keepAlive();
            System.out.printf("soak: of %d connections the server held %d and turned away %d%n", n,
                    holder.held, holder.turnedAway);
            assertEquals(0, holder.lost, "held connections the server let go");
            assertEquals(n, holder.held + holder.turnedAway, "every connection answered");
            assertEquals(Math.min(n, 1024), holder.held, "connections held at max-connections");
            return s;
        }
    }

    /**
     * Control connections opened at once and answered without a thread each. Each one the server
     * serves is kept busy as the attack kept it, a refused request every {@link #KEEP_ALIVE_NANOS}
     * (inside the idle timeout), so the server holds it for as long as the test does.
     */
    static final class Holder implements AutoCloseable {
        private static final byte[] REFUSED_REQUEST = RawControl.frame(new Request(0,
                AttacksTest.udp(Direction.RX, DataRate.parse("1M"), 100).spec()));
        static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(3);
        private final Selector selector = Selector.open();
        private final List<Connection> connections = new ArrayList<>();
        int held;
        int turnedAway;
        int lost;

        /** One connection: what it read so far, and when it last asked. */
        private static final class Connection {
            final SocketChannel channel;
            final ByteBuffer in = ByteBuffer.allocate(4096);
            boolean held;
            long asked;

            Connection(SocketChannel channel) {
                this.channel = channel;
            }
        }

        Holder(InetAddress lo, int port, int n) throws IOException {
            for (int i = 0; i < n; i++) {
                SocketChannel c = SocketChannel.open();
                Connection connection = new Connection(c);
                connections.add(connection);
                c.configureBlocking(false);
                c.bind(new InetSocketAddress(InetAddress.getByName("127.0.2." + (1 + i % HOLD_ADDRESSES)), 0));
                c.connect(new InetSocketAddress(lo, port));
                c.register(selector, SelectionKey.OP_CONNECT, connection);
            }
        }

        /** Until every connection got its first answer: Refused (held) or Failed (turned away). */
        void awaitAnswers(long timeoutNanos) throws IOException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (held + turnedAway + lost < connections.size() && System.nanoTime() < deadline) {
                keepAlive();
            }
        }

        /** One round: connections completed, answers read, held connections asked again when due. */
        void keepAlive() throws IOException {
            selector.select(100);
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Connection c = (Connection) key.attachment();
                if (key.isValid() && key.isConnectable() && c.channel.finishConnect()) {
                    ask(c, now);
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isValid() && key.isReadable()) {
                    read(key, c);
                }
            }
            selector.selectedKeys().clear();
            for (Connection c : connections) {
                if (c.held && now - c.asked > KEEP_ALIVE_NANOS && c.channel.isOpen()) {
                    ask(c, now);
                }
            }
        }

        private static void ask(Connection c, long now) throws IOException {
            c.channel.write(ByteBuffer.wrap(REFUSED_REQUEST));
            c.asked = now;
        }

        private void read(SelectionKey key, Connection c) throws IOException {
            int n;
            try {
                n = c.channel.read(c.in);
            } catch (IOException reset) {
                n = -1;
            }
            while (c.in.position() >= ControlCodec.LENGTH_BYTES
                    && c.in.position() >= ControlCodec.LENGTH_BYTES + c.in.getInt(0)) {
                byte[] body = new byte[c.in.getInt(0)];
                c.in.get(ControlCodec.LENGTH_BYTES, body);
                c.in.flip().position(ControlCodec.LENGTH_BYTES + body.length);
                c.in.compact();
                ControlMessage m = ControlCodec.decode(body);
                if (m instanceof Refused && !c.held) {
                    c.held = true;
                    held++;
                } else if (m instanceof ControlMessage.Failed) {
                    turnedAway++;
                }
            }
            if (n < 0) {
                if (c.held) {
                    lost++;   // the server let go of a connection it held
                }
                key.cancel();
                c.channel.close();
            }
        }

        @Override
        public void close() throws IOException {
            for (Connection c : connections) {
                c.channel.close();
            }
            selector.close();
        }
    }

    /**
     * The server's figures once it has let go of what the last phase held, polled each half second
     * for at most {@value #SETTLE_SECONDS} s: until nothing changes (the reference), or until the
     * descriptors are back to {@code reference}'s and the heap within 10 % of it. What an ended
     * session held can outlive it for a while: the scheduler keeps its cancelled timers until
     * their time (the longest, a test's duration and grace, is 13 s here).
     */
    static Stats settle(ServerProcess server, Stats reference) throws Exception {
        long start = System.nanoTime();
        Stats s = server.stats();
        for (int i = 0; i < 2 * SETTLE_SECONDS; i++) {
            Thread.sleep(500);
            Stats next = server.stats();
            boolean back = reference != null && next.running() == 0 && next.fds() <= reference.fds()
                    && next.heap() <= 1.1 * reference.heap();
            boolean still = reference == null && next.running() == 0 && next.fds() == s.fds();
            s = next;
            if (back || still) {
                break;
            }
        }
        System.out.printf("soak: settled after %.1f s%n", (System.nanoTime() - start) / 1e9);
        return s;
    }

    static final int SETTLE_SECONDS = 30;
}
