package org.vnetlab.sim.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.model.Direction;

/** The emulator's TCP path in virtual time: what the client supplies reaches the server, all of it and no more. */
class TcpForwardingHostTest {

    private static Scenario scenario(String name, String... sets) {
        return new ScenarioLoader().load(name, List.of(sets)).scenario();
    }

    @Test
    void everySuppliedSegmentReachesTheServerOnceAndNothingMore() {
        Scenario s = scenario("xen-single");
        TcpForwardingHost host = new TcpForwardingHost(s, 3, ForwardingHost.defaultGuest(s), IpVersion.IPV4);
        TcpForwardingHost.Connection c = host.open();
        List<Long> totals = new ArrayList<>();
        c.onDelivered(totals::add);
        c.supply(0);
        host.start();
        host.kernel().runUntil(10_000_000L);
        assertEquals(0, c.delivered(), "nothing supplied, nothing sent");
        assertTrue(c.idle());
        c.supply(5000);
        host.kernel().runUntil(2_000_000_000L);
        assertEquals(5000, c.delivered(), "the 5000 segments supplied arrive");
        assertTrue(c.idle(), "and are all acknowledged");
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i) > totals.get(i - 1), "deliveries only grow");
        }
        c.supply(5100);
        host.kernel().runUntil(3_000_000_000L);
        assertEquals(5100, c.delivered(), "a later supply goes on from there");
        assertTrue(host.cpuNanos().get("dom0") > 0, "Dom0 bridged and ran netback for the connection");
    }

    @Test
    void aBulkRelayIsBoundByTheWireAndSlowedByACpuBoundGuest() {
        Scenario fast = scenario("native");
        ForwardRun.Spec spec = new ForwardRun.Spec(IpVersion.IPV4, 1448, 1, 1_000_000_000L);
        double nativeMbps = ForwardRun.tcpRelayMbps(fast, ForwardingHost.defaultGuest(fast), spec, 0);
        assertTrue(nativeMbps > 800 && nativeMbps < 1000, "native relays TCP near the gigabit wire: " + nativeMbps);
        Scenario slow = scenario("xen-single", "host.cpu-speed=0.05");
        double slowMbps = ForwardRun.tcpRelayMbps(slow, ForwardingHost.defaultGuest(slow), spec, 0);
        assertTrue(slowMbps > 1 && slowMbps < nativeMbps / 5, "a CPU 20 times slower carries far less: " + slowMbps);
    }
}
