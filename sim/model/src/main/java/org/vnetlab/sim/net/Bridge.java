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
 * guest port. Ports towards guests are their vifs ({@link Vif}: the qdisc and netback's
 * admission); the physical NIC is the other side. As an {@link RxPath} it is what Dom0's NIC
 * softirq does after the driver.
 */
public final class Bridge implements RxPath {

    private final Flows flows;
    private final double perPacket;
    private final List<BridgePort> ports = new ArrayList<>();
    /** Learnt MACs, sorted, and the port of each: looked up per packet, by bisection. */
    private long[] macs = new long[0];
    private int[] macPorts = new int[0];
    /** Each flow's destination port as last looked up, valid while {@link #learnt} has not changed. */
    private int[] flowPort = new int[0];
    private int[] flowPortAt = new int[0];
    /** Changes whenever a MAC is learnt on a new port. */
    private int learnt = 1;
    private long floods;
    /** Whether a port wants each frame as soon as it is done. */
    private boolean eachPacket;
    /** The frames being forwarded (to one port, or flooded to all). */
    private final Train frames = new Train();

    public Bridge(Flows flows, double perPacket) {
        this.flows = flows;
        this.perPacket = perPacket;
    }

    /** Adds a guest port (a vif) and returns its number. */
    public int addPort(BridgePort port) {
        ports.add(port);
        eachPacket |= port.wantsEachPacket();
        return ports.size() - 1;
    }

    /** Records that {@code mac} was seen as a source on {@code port}. */
    public void learn(MacAddress mac, int port) {
        int i = java.util.Arrays.binarySearch(macs, mac.value());
        if (i >= 0) {
            if (macPorts[i] != port) {
                macPorts[i] = port;
                learnt++;
            }
            return;
        }
        learnt++;
        int at = -i - 1;
        long[] m = new long[macs.length + 1];
        int[] p = new int[macPorts.length + 1];
        System.arraycopy(macs, 0, m, 0, at);
        System.arraycopy(macPorts, 0, p, 0, at);
        m[at] = mac.value();
        p[at] = port;
        System.arraycopy(macs, at, m, at + 1, macs.length - at);
        System.arraycopy(macPorts, at, p, at + 1, macPorts.length - at);
        macs = m;
        macPorts = p;
    }

    /** The port {@code mac} was learnt on, or -1. */
    public int portOf(MacAddress mac) {
        int i = java.util.Arrays.binarySearch(macs, mac.value());
        return i >= 0 ? macPorts[i] : -1;
    }

    /** The port of {@code flow}'s guest MAC, or -1; looked up once per flow until the bridge learns again. */
    private int portOfFlow(int flow) {
        if (flow >= flowPort.length) {
            int n = Math.max(flow + 1, 2 * flowPort.length);
            flowPort = java.util.Arrays.copyOf(flowPort, n);
            flowPortAt = java.util.Arrays.copyOf(flowPortAt, n);
        }
        if (flowPortAt[flow] != learnt) {
            flowPort[flow] = portOf(flows.get(flow).mac());
            flowPortAt[flow] = learnt;
        }
        return flowPort[flow];
    }

    /** Frames flooded because their destination was unknown. */
    public long floods() {
        return floods;
    }

    @Override
    public double cost(int payload, int flow, PacketKind kind) {
        int port = portOfFlow(flow);
        return port >= 0 ? perPacket : perPacket * Math.max(1, ports.size());
    }

    @Override
    public boolean wantsAtOnce(int flow, PacketKind kind) {
        int port = portOfFlow(flow);
        if (port >= 0) {
            return ports.get(port).wantsAtOnce();
        }
        for (BridgePort p : ports) {
            if (p.wantsAtOnce()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean wantsEachPacket() {
        return eachPacket;
    }

    @Override
    public void deliver(PacketQueue batch, int n, long ready0, long step) {
        int port = portOfFlow(batch.headFlow());
        batch.head(frames).count(n).readyAt(ready0).readyEvery(step);
        batch.removeHead(n);
        if (port >= 0) {
            ports.get(port).transmit(frames);
            return;
        }
        floods += n;
        for (BridgePort p : ports) {
            p.transmit(frames);
        }
    }
}
