package org.vnetlab.sim.net;

import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * The host's way from its containers' veths to the NIC: the bridge (or the host's routing) and
 * dev_queue_xmit into the NIC's queue, in the NET_RX softirq of the CPU whose backlog took the
 * frame. It counts the frames a container has sent and the NIC has not been handed yet, so a
 * container's sender sees the room the NIC will have for them, as its socket's send buffer
 * does while the NIC holds its frames. A frame that finds the NIC's queue full is dropped there
 * ({@code OWNER.qdisc.drop}).
 */
public final class Uplink implements RxPath {

    private final Kernel kernel;
    private final NicTx nic;
    private final double perPacket;
    private final PacketQueue drops;
    private final Train toWire = new Train();
    /** Frames queued on a backlog towards the NIC and not yet handed to it. */
    private long pending;

    /** @param perPacket the bridge's or the routing's work and the driver's transmit work, ns at speed 1.0 */
    public Uplink(String owner, Kernel kernel, NicTx nic, double perPacket) {
        this.kernel = kernel;
        this.nic = nic;
        this.perPacket = perPacket;
        this.drops = new PacketQueue(owner + ".qdisc.drop", 1);
    }

    /** The queue whose drops are frames the NIC's queue had no room for. */
    public PacketQueue drops() {
        return drops;
    }

    /** Room the NIC will have for a container's next frames once those on the way are in. */
    int room(long now) {
        return (int) Math.max(0, nic.room(now) - pending);
    }

    NicTx nic() {
        return nic;
    }

    /** {@code n} frames towards the NIC were queued on a backlog. */
    void queued(int n) {
        pending += n;
    }

    @Override
    public double cost(int payload, int flow, PacketKind kind) {
        return perPacket;
    }

    @Override
    public void deliver(PacketQueue batch, int n, long ready0, long step) {
        pending -= n;
        int fits = Math.min(n, nic.room(kernel.now()));
        if (fits > 0) {
            nic.send(batch.head(toWire).count(fits).readyAt(ready0).readyEvery(step));
        }
        drops.drop(n - fits);
        batch.removeHead(n);
    }
}
