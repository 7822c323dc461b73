package org.vnetlab.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
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

/**
 * The attack that ended the JVM ("Cannot reserve ... direct buffer memory", then
 * pekko.jvm-exit-on-fatal-error): a server given 2 MiB of direct memory is asked for tx tests of
 * 65507 B datagrams, each a 64 KiB buffer, until none fits. The one that does not fit is refused
 * with the reason, the process lives, and once the tests are gone a client measures.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DirectMemoryExhaustionTest {

    @Test
    void aTestWithoutMemoryForItsBuffersIsRefusedAndTheServerLives() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx128m", "-XX:MaxDirectMemorySize=2m"),
                "max-concurrent-tests=64", "max-tests-per-address=64", "handshake-timeout=60s")) {
            List<RawControl> held = new ArrayList<>();
            Refused refused = null;
            try {
                while (refused == null) {
                    assertTrue(held.size() < 64, "64 buffers of 64 KiB fitted in 2 MiB");
                    RawControl raw = new RawControl(lo, server.port());
                    held.add(raw);
                    raw.send(AttacksTest.udp(Direction.TX, DataRate.parse("100M"), 65507));
                    ControlMessage m = raw.receive();
                    if (m instanceof Refused r) {
                        refused = r;
                    } else {
                        assertInstanceOf(Accepted.class, m);
                    }
                }
                System.out.printf("direct memory: %d tests held their buffers, then: %s%n", held.size() - 1,
                        refused.reason());
                assertTrue(refused.reason().contains("no memory for this test's buffers"), refused.reason());
                assertTrue(server.isAlive());
            } finally {
                for (RawControl r : held) {
                    r.close();
                }
            }
            for (int i = 0; i < 100 && server.stats().running() > 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(0, server.stats().running(), "the abandoned tests gave back their slots");
            TrialResult r = new ThroughputClient(lo, server.port(), IntervalListener.NONE).run(new TestSpec(
                    Transport.UDP, IpVersion.IPV4, Direction.RX, DataRate.parse("50M"), 1000, Duration.ofSeconds(1)));
            assertTrue(r.mbps() > 40 && r.mbps() < 60, "after: " + r.mbps() + " Mbit/s");
            assertTrue(server.isAlive(), server.logTail());
        }
    }
}
