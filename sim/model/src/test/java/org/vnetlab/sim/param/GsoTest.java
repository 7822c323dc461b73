package org.vnetlab.sim.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;

/**
 * A GSO skb as Linux 2.6.16 builds it for TCP over IPv4: its 64 KB size goal in whole segments;
 * on Xen 3.0.4's netfront one ring slot per page plus two, on a NIC with TSO one driver transmit.
 */
class GsoTest {

    private static final PacketKind TCP4 = PacketKind.of(IpVersion.IPV4, Transport.TCP).outwards();
    private static final PacketKind TCP6 = PacketKind.of(IpVersion.IPV6, Transport.TCP).outwards();

    @Test
    void aTcpSkbHoldsTheSizeGoalInWholeSegments() {
        // 65535 - 20 - 32 = 65483 B: 45 segments of 1448
        for (Gso device : new Gso[] {Gso.NETFRONT, Gso.NIC}) {
            assertEquals(45, device.segments(TCP4, 1448));
            assertEquals(1.0 / 45, device.perSkb(TCP4, 1448), 1e-12);
            // a smaller MSS packs more segments into the same goal
            assertEquals(122, device.segments(TCP4, 536));
        }
    }

    @Test
    void onNetfrontItsRequestsAreItsPagesItsHeadAndItsExtraInfo() {
        // 45 x 1448 = 65160 B: 16 pages, the head and the GSO extra-info request
        assertEquals(18.0 / 45, Gso.NETFRONT.perRequest(TCP4, 1448), 1e-12);
    }

    @Test
    void aNicWithTsoTakesTheSkbInOneTransmit() {
        assertEquals(1.0 / 45, Gso.NIC.perRequest(TCP4, 1448), 1e-12);
    }

    @Test
    void onlyTcpDataOverIpv4IsOffloadedAndOnlyWhenOn() {
        for (Gso device : new Gso[] {Gso.NETFRONT, Gso.NIC}) {
            // netback takes one GSO type, XEN_NETIF_GSO_TYPE_TCPV4; 2.6.16 has no NETIF_F_TSO6
            assertEquals(1, device.segments(TCP6, 1428));
            assertEquals(1.0, device.perRequest(TCP6, 1428));
            PacketKind udp = PacketKind.of(IpVersion.IPV4, Transport.UDP).outwards();
            assertEquals(1, device.segments(udp, 1470));
            assertEquals(1, device.segments(TCP4.acknowledgement(), 0));
        }
        assertEquals(1, Gso.OFF.segments(TCP4, 1448));
        assertEquals(1.0, Gso.OFF.perRequest(TCP4, 1448));
        assertEquals(1.0, Gso.OFF.perSkb(TCP4, 1448));
        assertEquals(Gso.NETFRONT, Gso.netfront(true));
        assertEquals(Gso.OFF, Gso.netfront(false));
        assertEquals(Gso.NIC, Gso.nic(true));
        assertEquals(Gso.OFF, Gso.nic(false));
    }
}
