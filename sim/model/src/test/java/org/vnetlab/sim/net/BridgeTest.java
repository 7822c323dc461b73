package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

class BridgeTest {

    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);

    @Test
    void forwardsLearntMacsAndFloodsUnknownOnes() {
        Flows flows = new Flows();
        Flows.Flow known = flows.add("a", MacAddress.xen(1), null);
        Flows.Flow unknown = flows.add("c", MacAddress.xen(9), null);
        Bridge bridge = new Bridge(flows, 500);
        PacketQueue portA = new PacketQueue("a.vif", 32);
        PacketQueue portB = new PacketQueue("b.vif", 32);
        bridge.learn(MacAddress.xen(1), bridge.addPort(portA::offer));
        bridge.learn(MacAddress.xen(2), bridge.addPort(portB::offer));
        PacketQueue batch = PacketQueue.unbounded("batch");
        batch.offer(new Train().of(UDP4, 100, known.id()).count(3));
        bridge.deliver(batch, 3, 10, 1);
        assertEquals(3, portA.size());
        assertEquals(0, portB.size());
        assertEquals(500, bridge.cost(100, known.id(), UDP4));
        batch.offer(new Train().of(UDP4, 100, unknown.id()).count(2));
        assertEquals(1000, bridge.cost(100, unknown.id(), UDP4), "a flooded frame is handled once per port");
        bridge.deliver(batch, 2, 20, 1);
        assertEquals(5, portA.size());
        assertEquals(2, portB.size());
        assertEquals(2, bridge.floods());
        bridge.learn(MacAddress.xen(1), 1);
        assertEquals(1, bridge.portOf(MacAddress.xen(1)), "a MAC seen on another port moves there");
    }
}
