package org.vnetlab.live.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.LiveTesting.Running;
import org.vnetlab.live.LiveTesting;
import org.vnetlab.live.control.MeasureServer.Role;
import org.vnetlab.live.control.TestSpec;

/** Server, client and reflector on loopback: every kind of test runs and its numbers make sense. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoopbackMeasureTest {

    static Running server;
    static Running reflector;
    static InetAddress loopback;

    @BeforeAll
    static void start() throws Exception {
        loopback = InetAddress.getByName("127.0.0.1");
        server = LiveTesting.start(Role.THROUGHPUT, LiveTesting.settings("127.0.0.1"));
        reflector = LiveTesting.start(Role.REFLECTOR, LiveTesting.settings("::"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        reflector.close();
    }

    private TrialResult run(Transport t, Direction d, int payload, List<long[]> lines) throws Exception {
        ThroughputClient client = new ThroughputClient(loopback, server.port(),
                (s, b, p) -> lines.add(new long[] {s, b, p}));
        return client.run(new TestSpec(t, IpVersion.IPV4, d, DataRate.parse("200M"), payload, Duration.ofMillis(2200)));
    }

    @Test
    void udpBothWaysDeliversThePacedRate() throws Exception {
        for (Direction d : List.of(Direction.RX, Direction.TX)) {
            List<long[]> lines = new ArrayList<>();
            TrialResult r = run(Transport.UDP, d, 1470, lines);
            assertTrue(r.mbps() > 185 && r.mbps() < 215, d + ": " + r.mbps());
            assertTrue(r.loss() < 0.02, d + " loss " + r.loss());
            assertEquals(r.packetsSent(), r.packetsReceived() + Math.round(r.loss() * r.packetsSent()));
            assertTrue(lines.size() >= 2, d + " intervals " + lines.size());
            long perSecond = lines.get(0)[1] * 8;
            assertTrue(perSecond > 150e6 && perSecond < 250e6, d + " first second " + perSecond);
            assertTrue(r.cpuPercent().containsKey("server"), r.cpuPercent().toString());
        }
        assertEquals(0, server.server().running());
    }

    @Test
    void tcpBothWaysMovesData() throws Exception {
        for (Direction d : List.of(Direction.RX, Direction.TX)) {
            TrialResult r = run(Transport.TCP, d, 1448, new ArrayList<>());
            assertTrue(r.mbps() > 200, d + ": " + r.mbps());
            assertEquals(null, r.loss());
        }
    }

    @Test
    void rttOverIpv4AndIpv6() throws Exception {
        for (String host : List.of("127.0.0.1", "::1")) {
            InetAddress a = InetAddress.getByName(host);
            IpVersion ip = host.contains(":") ? IpVersion.IPV6 : IpVersion.IPV4;
            RttResult r = new RttClient(a, reflector.port()).run(ip, 1000, DataRate.parse("500M"), 140, 5000,
                    Duration.ofSeconds(1));
            assertEquals(140, r.received(), host);
            // the reflector counts what it sent back: every measured echo, and at most every probe (a busy
            // machine drops some of the 62,500 warm-up probes a second in the reflector's socket buffer)
            assertTrue(r.reflected() >= 140 && r.reflected() <= 5140, host + " reflected " + r.reflected());
            // the idle path takes microseconds, but a loaded shared machine adds milliseconds of scheduling
            // (RttAccuracyTest checks the arithmetic against a known delay): here, that every echo is its
            // own probe's, back within the wait
            assertTrue(r.rttPercentile(0) > 0 && r.rttPercentile(100) < 1000, host + " rtt " + r.rtt());
            assertEquals(139, r.jitterUs().length);
        }
    }
}
