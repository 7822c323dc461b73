package org.vnetlab.sim.param;

import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;

/**
 * Generic segmentation offload of a TCP sender's data, as a paravirtual guest of Xen 3.0.4 has it:
 * its netfront offers scatter-gather and TSO whenever netback writes {@code feature-gso-tcpv4},
 * which 3.0.4's netback always does ({@code xennet_set_features}, netback's {@code xenbus.c}), so
 * the guest's TCP over IPv4 (the one GSO type netback takes, {@code XEN_NETIF_GSO_TYPE_TCPV4}; TCP
 * over IPv6 goes segment by segment) builds skbs of up to its size goal ({@code tcp_current_mss}:
 * 65535 bytes less the IP and TCP headers, in whole segments: 45 of 1448 B) with the data in page
 * fragments. One such skb costs the guest's TCP and IP output once; on the shared ring it takes a
 * slot per page, one for its head and one for the extra-info request carrying its GSO size
 * ({@code xennet_start_xmit}); netback maps each slot's grant, builds one skb
 * ({@code netbk_set_skb_gso}) and Dom0's bridge forwards it once; Dom0's NIC driver then sends
 * every segment as a frame of its own.
 *
 * <p>The model keeps the segments as packets everywhere and charges each its share of the skb:
 * a whole skb's per-skb work spread over its segments ({@link #perSkb}), per-slot work spread the
 * same way ({@link #perSlot}). Every skb is taken to be a full size goal, an upper bound: TCP
 * sends smaller ones when its window allows less ({@code tcp_tso_should_defer} waits for a third
 * of it).
 */
public final class Gso {

    /** No offload: every segment is an skb of its own (UDP, a native sender, GSO switched off). */
    public static final Gso OFF = new Gso(false);
    /** TCP data over IPv4 goes out in skbs of the size goal. */
    public static final Gso TCP = new Gso(true);

    /** TCP's size goal before headers ({@code tcp_current_mss}: 65535). */
    private static final int SIZE_GOAL_BYTES = 65535;
    /** A page fragment's size: one ring slot each. */
    private static final int PAGE_BYTES = 4096;
    /** Slots of an skb beside its pages: its head, and the extra-info request with its GSO size. */
    private static final int EXTRA_SLOTS = 2;

    private final boolean enabled;

    private Gso(boolean enabled) {
        this.enabled = enabled;
    }

    public static Gso of(boolean enabled) {
        return enabled ? TCP : OFF;
    }

    /** Segments of {@code payload} bytes one skb carries: the size goal's for TCP data over IPv4, else 1. */
    public int segments(PacketKind kind, int payload) {
        if (!enabled || kind.transport() != Transport.TCP || kind.ip() != IpVersion.IPV4 || kind.ackOnly()
                || payload < 1) {
            return 1;
        }
        int goal = SIZE_GOAL_BYTES - kind.ip().headerBytes() - Transport.TCP.headerBytes();
        return Math.max(1, goal / payload);
    }

    /** The share of one skb's own work a segment of this kind carries. */
    public double perSkb(PacketKind kind, int payload) {
        return 1.0 / segments(kind, payload);
    }

    /** The ring slots a segment of this kind takes, on average: its skb's slots over its segments. */
    public double perSlot(PacketKind kind, int payload) {
        int segments = segments(kind, payload);
        if (segments == 1) {
            return 1;
        }
        long bytes = (long) segments * payload;
        long slots = (bytes + PAGE_BYTES - 1) / PAGE_BYTES + EXTRA_SLOTS;
        return (double) slots / segments;
    }
}
