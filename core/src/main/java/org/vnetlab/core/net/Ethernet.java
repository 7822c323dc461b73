package org.vnetlab.core.net;

import java.util.Optional;
import org.vnetlab.core.units.DataRate;

/**
 * Header and wire arithmetic of Ethernet framing (CESNET TR 3/2008 brief, section 7):
 * 38 bytes per frame beyond the IP packet (preamble+SFD 8, header 14, FCS 4, gap 12),
 * the IP packet padded to at least 46 bytes.
 */
public final class Ethernet {

    public static final int PREAMBLE_AND_SFD = 8;
    public static final int HEADER = 14;
    public static final int FCS = 4;
    public static final int INTERFRAME_GAP = 12;
    /** Bytes a frame occupies on the wire beyond its IP packet. */
    public static final int OVERHEAD = PREAMBLE_AND_SFD + HEADER + FCS + INTERFRAME_GAP;
    /** Smallest IP packet an Ethernet frame carries; shorter ones are padded. */
    public static final int MIN_PAYLOAD = 46;

    private Ethernet() {
    }

    /** Bytes of an IP packet that carries {@code payload} bytes of the given transport. */
    public static int ipPacketBytes(int payload, IpVersion ip, Transport transport) {
        return payload + ip.headerBytes() + transport.headerBytes();
    }

    /** Bytes on the wire (with preamble, FCS, gap and padding) of one frame with this IP packet. */
    public static int wireBytes(int ipPacketBytes) {
        return Math.max(ipPacketBytes, MIN_PAYLOAD) + OVERHEAD;
    }

    /** Bytes on the wire of one frame carrying {@code payload} bytes of the transport. */
    public static int wireBytes(int payload, IpVersion ip, Transport transport) {
        return wireBytes(ipPacketBytes(payload, ip, transport));
    }

    /** Bytes the frame header and FCS add to an IP packet as the NIC DMAs it (no preamble, no gap). */
    public static int frameBytes(int ipPacketBytes) {
        return Math.max(ipPacketBytes, MIN_PAYLOAD) + HEADER + FCS;
    }

    /** Largest payload of one unfragmented packet of this transport at this MTU. */
    public static int maxPayload(int mtu, IpVersion ip, Transport transport) {
        return mtu - ip.headerBytes() - transport.headerBytes();
    }

    /**
     * Why a UDP payload does not fit one unfragmented packet at this MTU ("payload 1500 B does not
     * fit MTU 1500 over ipv4/udp; at most 1472 B"), or empty when it fits.
     */
    public static Optional<String> udpPayloadTooLarge(int payload, int mtu, IpVersion ip) {
        int max = maxPayload(mtu, ip, Transport.UDP);
        return payload <= max ? Optional.empty() : Optional.of("payload " + payload
                + " B does not fit MTU " + mtu + " over " + ip.key() + "/udp; at most " + max + " B");
    }

    /** Frames per second a link of this rate carries at most with such frames. */
    public static double maxFramesPerSecond(DataRate rate, int payload, IpVersion ip, Transport transport) {
        return rate.bitsPerSecond() / (8.0 * wireBytes(payload, ip, transport));
    }

    /** The most payload a link carries, in Mbit/s, when every frame holds {@code payload} bytes. */
    public static double maxGoodputMbps(DataRate rate, int payload, IpVersion ip, Transport transport) {
        return rate.mbps() * payload / wireBytes(payload, ip, transport);
    }
}
