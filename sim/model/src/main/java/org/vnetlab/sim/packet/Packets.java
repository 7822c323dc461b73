package org.vnetlab.sim.packet;

import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;

/** Packet flag bits and size helpers shared by the components. */
public final class Packets {

    /** The packet uses IPv6 (else IPv4). */
    public static final int IPV6 = 1;
    /** The packet is TCP (else UDP). */
    public static final int TCP = 1 << 1;
    /** A TCP segment that carries an acknowledgement only. */
    public static final int ACK_ONLY = 1 << 2;
    /** The packet travels from machine 1 to machine 2 (else towards machine 1). */
    public static final int OUTBOUND = 1 << 3;

    private Packets() {
    }

    public static int flags(IpVersion ip, Transport transport) {
        return (ip == IpVersion.IPV6 ? IPV6 : 0) | (transport == Transport.TCP ? TCP : 0);
    }

    public static IpVersion ip(int flags) {
        return (flags & IPV6) != 0 ? IpVersion.IPV6 : IpVersion.IPV4;
    }

    public static Transport transport(int flags) {
        return (flags & TCP) != 0 ? Transport.TCP : Transport.UDP;
    }

    /** Bytes the packet occupies on the wire, with Ethernet framing, preamble and gap. */
    public static int wireBytes(int payload, int flags) {
        return Ethernet.wireBytes(payload, ip(flags), transport(flags));
    }

    /** Bytes of the IP packet. */
    public static int ipBytes(int payload, int flags) {
        return Ethernet.ipPacketBytes(payload, ip(flags), transport(flags));
    }
}
