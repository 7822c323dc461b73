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
import org.vnetlab.sim.net.WireEnd;
import org.vnetlab.sim.packet.PacketKind;

/** The emulator's hooks in virtual time: packets injected at the NIC come out at the far end, each its own. */
class ForwardingHostTest {

    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);

    @Test
    void everyInjectedPacketLeavesOnceInOrderAfterTheModelledPath() {
        Scenario s = new ScenarioLoader().load("xen-single", List.of()).scenario();
        for (ForwardingHost.Mode mode : ForwardingHost.Mode.values()) {
            ForwardingHost host = new ForwardingHost(s, 7, ForwardingHost.defaultGuest(s), mode, 500);
            List<long[]> out = new ArrayList<>();
            host.connectFarEnd((WireEnd) frames -> {
                for (int j = 0; j < frames.count(); j++) {
                    out.add(new long[] {frames.seq() + j, frames.readyOf(j), frames.payload()});
                }
            });
            host.start();
            int packets = 1000;
            for (int i = 0; i < packets; i++) {
                long at = 1_000_000L + i * 100_000L;
                host.kernel().runUntil(at);
                host.inject(at, 500, i, at, UDP4);
            }
            host.kernel().runUntil(1_000_000_000L);
            assertEquals(packets, out.size(), mode + ": every packet leaves once at 10 k/s");
            for (int i = 0; i < packets; i++) {
                long[] p = out.get(i);
                assertEquals(i, p[0], mode + ": in order, numbers kept");
                assertEquals(500, p[2]);
                long latency = p[1] - (1_000_000L + i * 100_000L);
                assertTrue(latency > 10_000 && latency < 10_000_000, mode + ": latency " + latency + " ns");
            }
            assertTrue(host.drops().isEmpty(), mode + ": no drops at 10 k/s: " + host.drops());
            assertTrue(host.cpuNanos().get("dom0") > 0, "Dom0 did the bridging and netback work");
        }
    }
}
