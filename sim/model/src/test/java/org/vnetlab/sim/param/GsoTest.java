package org.vnetlab.sim.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;

/** A GSO skb as Xen 3.0.4's guest builds it: TCP over IPv4, its 64 KB size goal, one ring slot per page plus two. */
class GsoTest {

    private static final PacketKind TCP4 = PacketKind.of(IpVersion.IPV4, Transport.TCP).outwards();
    private static final PacketKind TCP6 = PacketKind.of(IpVersion.IPV6, Transport.TCP).outwards();

    @Test
    void aTcpSkbHoldsTheSizeGoalInWholeSegments() {
        // 65535 - 20 - 32 = 65483 B: 45 segments of 1448
        assertEquals(45, Gso.TCP.segments(TCP4, 1448));
        assertEquals(1.0 / 45, Gso.TCP.perSkb(TCP4, 1448), 1e-12);
        // a smaller MSS packs more segments into the same goal
        assertEquals(122, Gso.TCP.segments(TCP4, 536));
    }

    @Test
    void itsSlotsAreItsPagesItsHeadAndItsExtraInfo() {
        // 45 x 1448 = 65160 B: 16 pages, the head and the GSO extra-info request
        assertEquals(18.0 / 45, Gso.TCP.perSlot(TCP4, 1448), 1e-12);
    }

    @Test
    void onlyTcpDataOverIpv4IsOffloadedAndOnlyWhenOn() {
        // netback takes one GSO type, XEN_NETIF_GSO_TYPE_TCPV4
        assertEquals(1, Gso.TCP.segments(TCP6, 1428));
        assertEquals(1.0, Gso.TCP.perSlot(TCP6, 1428));
        PacketKind udp = PacketKind.of(IpVersion.IPV4, Transport.UDP).outwards();
        assertEquals(1, Gso.TCP.segments(udp, 1470));
        assertEquals(1, Gso.TCP.segments(TCP4.acknowledgement(), 0));
        assertEquals(1, Gso.OFF.segments(TCP4, 1448));
        assertEquals(1.0, Gso.OFF.perSlot(TCP4, 1448));
        assertEquals(1.0, Gso.OFF.perSkb(TCP4, 1448));
        assertEquals(Gso.TCP, Gso.of(true));
        assertEquals(Gso.OFF, Gso.of(false));
    }
}
