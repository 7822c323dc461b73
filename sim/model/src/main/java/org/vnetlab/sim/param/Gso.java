package org.vnetlab.sim.param;

import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;

/**
 * Segmentation offload of a TCP sender's data: its TCP over IPv4 goes to the device in skbs of up
 * to its size goal ({@code tcp_current_mss}: 65535 bytes less the IP and TCP headers, in whole
 * segments: 45 of 1448 B) with the data in page fragments, and one such skb costs TCP and IP output
 * once. Linux 2.6.16 offloads TCP over IPv4 only ({@code NETIF_F_TSO}); TCP over IPv6 goes segment
 * by segment. Two devices take such skbs:
 * <ul>
 *   <li>{@link #NETFRONT}: a paravirtual guest of Xen 3.0.4, whose netfront offers scatter-gather and
 *       TSO whenever netback writes {@code feature-gso-tcpv4}, which 3.0.4's netback always does
 *       ({@code xennet_set_features}, netback's {@code xenbus.c}). On the shared ring an skb takes a
 *       slot per page, one for its head and one for the extra-info request carrying its GSO size
 *       ({@code xennet_start_xmit}); netback maps each slot's grant, builds one skb
 *       ({@code netbk_set_skb_gso}, which takes {@code XEN_NETIF_GSO_TYPE_TCPV4} only) and Dom0's
 *       bridge forwards it once.</li>
 *   <li>{@link #NIC}: a NIC with TCP segmentation offload: its driver's transmit runs once per skb
 *       and the NIC cuts the frames (the per-descriptor part of the driver's work is left out).</li>
 * </ul>
 *
 * <p>The model keeps the segments as packets everywhere and charges each its share of the skb:
 * a whole skb's per-skb work spread over its segments ({@link #perSkb}), the device's per-request
 * work spread the same way ({@link #perRequest}). Every skb is taken to be a full size goal, an
 * upper bound: TCP sends smaller ones when its window allows less ({@code tcp_tso_should_defer}
 * waits for a third of it).
 */
public final class Gso {

    /** No offload: every segment is an skb of its own (UDP, TCP over IPv6, no offloading device). */
    public static final Gso OFF = new Gso(false, false);
    /** A Xen guest's netfront: an skb's requests are its ring slots. */
    public static final Gso NETFRONT = new Gso(true, true);
    /** A NIC with TSO: one driver transmit per skb. */
    public static final Gso NIC = new Gso(true, false);

    /** TCP's size goal before headers ({@code tcp_current_mss}: 65535). */
    private static final int SIZE_GOAL_BYTES = 65535;
    /** A page fragment's size: one ring slot each. */
    private static final int PAGE_BYTES = 4096;
    /** Ring slots of an skb beside its pages: its head, and the extra-info request with its GSO size. */
    private static final int EXTRA_SLOTS = 2;

    private final boolean enabled;
    /** Whether the device takes an skb in ring slots (netfront) rather than in one request. */
    private final boolean slotted;

    private Gso(boolean enabled, boolean slotted) {
        this.enabled = enabled;
        this.slotted = slotted;
    }

    /** A Xen guest's netfront, offloading or not ({@code xen.netfront.gso}). */
    public static Gso netfront(boolean enabled) {
        return enabled ? NETFRONT : OFF;
    }

    /** A NIC, offloading or not ({@code nic.tso}). */
    public static Gso nic(boolean tso) {
        return tso ? NIC : OFF;
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

    /**
     * The device's requests a segment of this kind takes, on average: its skb's ring slots (netfront)
     * or its one driver transmit (a NIC) over its segments.
     */
    public double perRequest(PacketKind kind, int payload) {
        int segments = segments(kind, payload);
        if (segments == 1) {
            return 1;
        }
        if (!slotted) {
            return 1.0 / segments;
        }
        long bytes = (long) segments * payload;
        long slots = (bytes + PAGE_BYTES - 1) / PAGE_BYTES + EXTRA_SLOTS;
        return (double) slots / segments;
    }
}
