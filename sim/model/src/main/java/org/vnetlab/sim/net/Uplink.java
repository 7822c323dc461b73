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
 * ({@code OWNER.qdisc.drop}). When machine 2 is a namespace of this machine, the "NIC" is a veth
 * pair into it: its frames go onto the same CPU's backlog of machine 2 ({@link #intoPeer}), and a
 * container's sender never waits for room (the frames leave its socket's account as machine 2's
 * stack takes them, at once on this CPU).
 */
public final class Uplink implements RxPath {

    private final Kernel kernel;
    private final NicTx nic;
    private final double perPacket;
    private final PacketQueue drops;
    private final Train toWire = new Train();
    /** Frames queued on a backlog towards the NIC and not yet handed to it. */
    private long pending;
    /** Machine 2's end of the veth pair that stands for the NIC, or null for a NIC. */
    private Veths peer;

    /** @param perPacket the bridge's or the routing's work and the driver's transmit work, ns at speed 1.0 */
    public Uplink(String owner, Kernel kernel, NicTx nic, double perPacket) {
        this.kernel = kernel;
        this.nic = nic;
        this.perPacket = perPacket;
        this.drops = new PacketQueue(owner + ".qdisc.drop", 1);
    }

    /** Hands frames to machine 2's end of a veth pair instead of the NIC: machine 2 is a namespace of this machine. */
    public void intoPeer(Veths peerEnd) {
        this.peer = peerEnd;
    }

    /** The queue whose drops are frames the NIC's queue had no room for. */
    public PacketQueue drops() {
        return drops;
    }

    /** Room the NIC will have for a container's next frames once those on the way are in. */
    int room(long now) {
        if (peer != null) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(0, nic.room(now) - pending);
    }

    NicTx nic() {
        return nic;
    }

    /** Whether a container's datagrams of {@code flow} hold its socket's send buffer until the NIC frees them. */
    boolean holdFor(int flow, SendBuffer socket) {
        return peer == null && nic.holdFor(flow, socket);
    }

    /** {@code n} frames of {@code flow} towards the NIC were queued on a backlog, and {@code dropped} found it full. */
    void queued(int flow, int n, int dropped) {
        pending += n;
        nic.droppedBefore(flow, dropped);
    }

    @Override
    public double cost(int payload, int flow, PacketKind kind) {
        return perPacket;
    }

    /** No reader waits at the end of this way; the NIC's wire wants each frame instead (below). */
    @Override
    public boolean wantsAtOnce(int flow, PacketKind kind) {
        return false;
    }

    /** A frame for the NIC's wire goes when it is done, as every sender to a NIC hands it ({@link NicTx#wantsEachPacket}). */
    @Override
    public boolean wantsEachPacket() {
        return peer == null && nic.wantsEachPacket();
    }

    @Override
    public void deliver(PacketQueue batch, int n, long ready0, long step) {
        pending -= n;
        if (peer != null) {
            peer.enqueue(batch.head(toWire).count(n).readyAt(ready0).readyEvery(step));
            batch.removeHead(n);
            return;
        }
        int fits = Math.min(n, nic.room(kernel.now()));
        if (fits > 0) {
            nic.send(batch.head(toWire).count(fits).readyAt(ready0).readyEvery(step));
        }
        drops.drop(n - fits);
        nic.droppedBefore(batch.headFlow(), n - fits);
        batch.removeHead(n);
    }
}
