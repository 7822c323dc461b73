package org.vnetlab.sim.net;

import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.PacketKind;

/**
 * A kernel's receive path in softirq (native, VServer, and machine 2): IP and transport, then
 * the packet is queued on its socket, or dropped when the socket buffer is full.
 */
public final class HostStack implements RxPath {

    private final Flows flows;
    /** Machine 2's stack for packets going out of machine 1; null: use each flow's guest stack. */
    private final GuestStack peerStack;

    /** The receive path of machine 1, costed by each flow's guest stack. */
    public static HostStack measured(Flows flows) {
        return new HostStack(flows, null);
    }

    /** The receive path of machine 2. */
    public static HostStack peer(Flows flows, GuestStack stack) {
        return new HostStack(flows, stack);
    }

    private HostStack(Flows flows, GuestStack peerStack) {
        this.flows = flows;
        this.peerStack = peerStack;
    }

    @Override
    public double cost(int payload, int flow, PacketKind kind) {
        GuestStack s = peerStack != null ? peerStack : flows.get(flow).guestStack();
        return s.rx(kind);
    }

    @Override
    public boolean wantsAtOnce(int flow, PacketKind kind) {
        return flows.socketFor(flow, kind.outbound()).readerWaiting();
    }

    @Override
    public boolean wantsEachPacket() {
        return false;
    }

    @Override
    public void deliver(PacketQueue batch, int n, long ready0, long step) {
        batch.moveHeadTo(flows.socketFor(batch.headFlow(), batch.headKind().outbound()), n, ready0, step);
    }
}
