package org.vnetlab.sim.net;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * Dom0's Linux software bridge: learns which port each source MAC lives behind, forwards a
 * frame to the port of its destination MAC, and floods frames for unknown destinations to every
 * guest port. Ports towards guests are their vifs' queues (netback); the physical NIC is the
 * other side. As an {@link RxPath} it is what Dom0's NIC softirq does after the driver.
 */
public final class Bridge implements RxPath {

    private final Flows flows;
    private final double perPacket;
    private final List<PacketQueue> ports = new ArrayList<>();
    private long[] macs = new long[0];
    private int[] macPorts = new int[0];
    private long floods;
    /** A frame being flooded, copied to every port. */
    private final Train flooded = new Train();

    public Bridge(Flows flows, double perPacket) {
        this.flows = flows;
        this.perPacket = perPacket;
    }

    /** Adds a guest port (a vif's queue towards netback) and returns its number. */
    public int addPort(PacketQueue vifQueue) {
        ports.add(vifQueue);
        return ports.size() - 1;
    }

    /** Records that {@code mac} was seen as a source on {@code port}. */
    public void learn(MacAddress mac, int port) {
        for (int i = 0; i < macs.length; i++) {
            if (macs[i] == mac.value()) {
                macPorts[i] = port;
                return;
            }
        }
        macs = java.util.Arrays.copyOf(macs, macs.length + 1);
        macPorts = java.util.Arrays.copyOf(macPorts, macPorts.length + 1);
        macs[macs.length - 1] = mac.value();
        macPorts[macPorts.length - 1] = port;
    }

    /** The port {@code mac} was learnt on, or -1. */
    public int portOf(MacAddress mac) {
        for (int i = 0; i < macs.length; i++) {
            if (macs[i] == mac.value()) {
                return macPorts[i];
            }
        }
        return -1;
    }

    /** Frames flooded because their destination was unknown. */
    public long floods() {
        return floods;
    }

    @Override
    public double cost(int payload, int flow, PacketKind kind) {
        int port = portOf(flows.get(flow).mac());
        return port >= 0 ? perPacket : perPacket * Math.max(1, ports.size());
    }

    @Override
    public void deliver(PacketQueue batch, int n, long ready0, long step) {
        int port = portOf(flows.get(batch.headFlow()).mac());
        if (port >= 0) {
            batch.moveHeadTo(ports.get(port), n, ready0, step);
            return;
        }
        floods += n;
        batch.head(flooded).count(n).readyAt(ready0).readyEvery(step);
        for (PacketQueue p : ports) {
            p.offer(flooded);
        }
        batch.removeHead(n);
    }
}
