package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * The host's routing towards its containers, as the NIC's softirq does it after the driver: the
 * host's IP receive and route lookup, ip_forward, and the veth's transmit into the container's
 * namespace ({@link Veths}). Each container has its own route, so no frame is flooded.
 */
public final class RoutedHop implements RxPath {

    private final double perPacket;
    private final Veths veths;
    private final Train frames = new Train();

    /** @param perPacket the routing's and the veth's work, ns at speed 1.0 */
    public RoutedHop(double perPacket, Veths veths) {
        this.perPacket = perPacket;
        this.veths = veths;
    }

    @Override
    public double cost(int payload, int flow, PacketKind kind) {
        return perPacket;
    }

    /** The container's backlog takes the frames on in a second pass, and it decides when they go. */
    @Override
    public boolean wantsAtOnce(int flow, PacketKind kind) {
        return false;
    }

    @Override
    public boolean wantsEachPacket() {
        return false;
    }

    @Override
    public void deliver(PacketQueue batch, int n, long ready0, long step) {
        batch.head(frames).count(n).readyAt(ready0).readyEvery(step);
        batch.removeHead(n);
        veths.enqueue(frames);
    }
}
