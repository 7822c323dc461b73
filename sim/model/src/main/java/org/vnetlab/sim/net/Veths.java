package org.vnetlab.sim.net;

import java.util.List;
import org.vnetlab.sim.cpu.Executor;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.packet.Train;

/**
 * The veth pairs joining a host's containers to it. Whichever end transmits (a container's
 * process on the namespace's end, the host's softirq on the host's end), veth_xmit hands the
 * frame to the other end by netif_rx, which queues it on the backlog of the CPU it runs on
 * ({@link CpuBacklog}); that CPU's NET_RX softirq receives it again. As the port a container's
 * processes send through, it has the room the NIC will have ({@link Uplink}): the frames hold
 * their socket's send buffer until the NIC has sent them. As a bridge port or a route's
 * output it is {@link #enqueue}.
 */
public final class Veths implements PacketPort {

    private final List<? extends Executor> cpus;
    private final List<CpuBacklog> backlogs;
    private final Uplink uplink;
    /** The CPU of the last send made from a job (a send from a timer event keeps to it). */
    private int lastCpu;

    /**
     * @param backlogs the backlog of each of {@code cpus}, in the same order
     * @param uplink   the way from these backlogs to the NIC, or null for the veth pair into machine 2
     *                 when it is a namespace of this machine (no sender waits for room there)
     */
    public Veths(List<? extends Executor> cpus, List<CpuBacklog> backlogs, Uplink uplink) {
        if (cpus.size() != backlogs.size()) {
            throw new IllegalArgumentException(cpus.size() + " CPUs but " + backlogs.size() + " backlogs");
        }
        this.cpus = List.copyOf(cpus);
        this.backlogs = List.copyOf(backlogs);
        this.uplink = uplink;
    }

    /** netif_rx on the CPU sending now: queues {@code frames} on its backlog, dropping what does not fit. */
    public void enqueue(Train frames) {
        for (int i = 0, n = cpus.size(); i < n; i++) {
            if (cpus.get(i).isEmitting()) {
                lastCpu = i;
                break;
            }
        }
        CpuBacklog b = backlogs.get(lastCpu);
        int stored = b.frames().offer(frames);
        if (uplink != null && frames.kind().outbound()) {
            uplink.queued(frames.flow(), stored, frames.count() - stored);
        }
        if (stored > 0) {
            b.wake();
        }
    }

    @Override
    public int room(long now) {
        return uplink == null ? Integer.MAX_VALUE : uplink.room(now);
    }

    @Override
    public void send(Train train) {
        enqueue(train);
    }

    /**
     * A container's frame goes on towards the NIC as the send returns (the backlog's softirq at
     * {@code local_bh_enable}, the bridge, the driver): as the NIC does, it wants each packet
     * when it is done, not in a train (two containers sending 36 B got 91 Mbit/s in trains
     * against 59 exact).
     */
    @Override
    public boolean wantsEachPacket() {
        return uplink != null && uplink.nic().wantsEachPacket();
    }

    @Override
    public boolean holdFor(int flow, SendBuffer socket) {
        return uplink != null && uplink.holdFor(flow, socket);
    }

    @Override
    public long roomWakes() {
        return uplink.nic().roomWakes();
    }

    @Override
    public void wakeWhenRoom(Task sender) {
        uplink.nic().wakeWhenRoom(sender);
    }
}
