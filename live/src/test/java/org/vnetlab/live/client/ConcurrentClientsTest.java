package org.vnetlab.live.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.LiveTesting;
import org.vnetlab.live.LiveTesting.Running;
import org.vnetlab.live.control.MeasureServer.Role;
import org.vnetlab.live.control.TestSpec;

/** Clients at once: each gets its own test up to max-concurrent-tests; one more is refused as busy. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentClientsTest {

    @Test
    void threeClientsRunAtOnceAndAFourthIsRefused() throws Exception {
        try (Running server = LiveTesting.start(Role.THROUGHPUT,
                LiveTesting.settings("127.0.0.1", "max-concurrent-tests = 3, max-tests-per-address = 3"))) {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            List<CompletableFuture<TrialResult>> runs = new ArrayList<>();
            for (Transport t : List.of(Transport.UDP, Transport.UDP, Transport.TCP)) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return new ThroughputClient(loopback, server.port(), IntervalListener.NONE).run(new TestSpec(
                                t, IpVersion.IPV4, Direction.RX, DataRate.parse("20M"), 1000, Duration.ofSeconds(2)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (int i = 0; i < 50 && server.server().running() < 3; i++) {
                Thread.sleep(20);
            }
            assertEquals(3, server.server().running());
            MeasureException busy = org.junit.jupiter.api.Assertions.assertThrows(MeasureException.class,
                    () -> new ThroughputClient(loopback, server.port(), IntervalListener.NONE).run(new TestSpec(
                            Transport.UDP, IpVersion.IPV4, Direction.RX, DataRate.parse("1M"), 1000,
                            Duration.ofSeconds(1))));
            assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
            for (int i = 0; i < 2; i++) {
                double mbps = runs.get(i).get(60, TimeUnit.SECONDS).mbps();
                assertTrue(mbps > 17 && mbps < 23, "udp " + mbps);
            }
            assertTrue(runs.get(2).get(60, TimeUnit.SECONDS).mbps() > 20, "tcp");
            assertEquals(3, server.server().completed());
            assertTrue(server.records().stream().anyMatch(r -> r.outcome().startsWith("refused: busy")));
        }
    }
}
