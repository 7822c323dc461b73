package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * One CPU's backlog (softnet_data's input_pkt_queue and its poll, process_backlog, in the NET_RX
 * softirq): the frames netif_rx queued on this CPU, here the frames a veth pair passed from one
 * namespace to the other, are received a second time, a weight's worth per poll within the
 * pass's budget. A frame for a container goes up the container's stack to its socket; a frame
 * from a container goes through the host's bridge or routing to the NIC ({@link Uplink}). A
 * frame is taken once it is ready (sent); a backlog whose first frame is not ready yet looks
 * again when it is.
 */
public final class CpuBacklog extends ReadyFramesPoll {

    /**
     * @param capacity  frames it holds (netdev_max_backlog); netif_rx drops beyond
     * @param perPacket the second pass's own work per frame, ns at speed 1.0
     * @param inbound   the way up a container's stack to its socket
     * @param outbound  the way of frames towards machine 2: to the NIC ({@link Uplink}), or, on machine 2's
     *                  own backlog when it is a namespace of this machine, up its stack
     */
    public CpuBacklog(Kernel kernel, String name, Domain domain, int capacity, int weight, double perPacket,
                      RxPath inbound, RxPath outbound, double spread, RandomStream random) {
        super(kernel, name, domain, capacity, weight, perPacket, byDirection(inbound, outbound), spread, random);
    }

    /** Each frame's way by its direction: {@code inbound} or {@code outbound}. */
    private static RxPath byDirection(RxPath inbound, RxPath outbound) {
        return new RxPath() {
            @Override
            public double cost(int payload, int flow, PacketKind kind) {
                return (kind.outbound() ? outbound : inbound).cost(payload, flow, kind);
            }

            @Override
            public boolean wantsAtOnce(int flow, PacketKind kind) {
                return (kind.outbound() ? outbound : inbound).wantsAtOnce(flow, kind);
            }

            /** Every packet only when both ways want each. */
            @Override
            public boolean wantsEachPacket() {
                return inbound.wantsEachPacket() && outbound.wantsEachPacket();
            }

            @Override
            public void deliver(PacketQueue batch, int n, long ready0, long step) {
                (batch.headKind().outbound() ? outbound : inbound).deliver(batch, n, ready0, step);
            }
        };
    }

    /** The frames queued; its drops are frames netif_rx found it full for. */
    public PacketQueue frames() {
        return frames;
    }
}
