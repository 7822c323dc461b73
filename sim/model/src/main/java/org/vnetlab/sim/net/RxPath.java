package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * What a receiving softirq does with a packet after the NIC driver: the host's IP stack up to
 * a socket (native, VServer, and machine 2), or Dom0's bridge towards a guest's virtual
 * interface (Xen).
 *
 * <p>The two hand-over rules have no default: a path that wraps another must pass them on, and
 * one left out would let a poll hand packets over later than the path they reach wants them
 * (the trains would then disagree with exact timing where a reader or a wire waits for them).
 */
public interface RxPath {

    /** CPU cost, in ns at speed 1.0, of taking one such packet through this path. */
    double cost(int payload, int flow, PacketKind kind);

    /**
     * Whether such a packet should be handed over as soon as it is done: a reader sleeps on
     * the socket it goes to, and is woken by it.
     */
    boolean wantsAtOnce(int flow, PacketKind kind);

    /**
     * Whether every packet should be handed over as soon as it is done, not in trains: the path
     * ends at a port that wants each packet (a tap, {@link BridgePort#wantsEachPacket}; a NIC's
     * wire, {@link NicTx#wantsEachPacket}).
     */
    boolean wantsEachPacket();

    /**
     * Passes on the first {@code n} packets of {@code batch}'s head train, ready from
     * {@code ready0} on, one every {@code step} ns, and removes them from {@code batch}.
     */
    void deliver(PacketQueue batch, int n, long ready0, long step);
}
