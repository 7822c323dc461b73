package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * A vhost-net worker thread of a KVM host ({@code vhost-PID}, {@code drivers/vhost/net.c} of
 * Linux 3.10), one per guest's virtio-net queue pair, a thread of the host's scheduler whose CPU
 * time is the host's. Each run serves one queue, up to {@code VHOST_NET_WEIGHT} bytes, taking turns
 * when both have work:
 * <ul>
 *   <li>{@code handle_tx}: the guest's frames from its transmit queue, each copied into an skb and
 *       sent by the tap ({@code tun_sendmsg}, {@code netif_rx_ni}) onto the worker's CPU's backlog,
 *       whose softirq runs as the send returns and takes them through the host's bridge to the NIC;
 *       it frees their descriptors and, if the guest's sender stopped, interrupts the guest;</li>
 *   <li>{@code handle_rx}: frames from the tap's queue (the bridge put them there in the host's
 *       softirq) copied into the guest's posted buffers, and the guest interrupted (irqfd) if it
 *       asked; with no buffer left the worker stops until the guest's refill kicks it.</li>
 * </ul>
 * While it runs the guest does not kick it ({@code vhost_disable_notify}); when it finds the
 * transmit queue empty it asks for kicks again.
 */
public final class VhostNet extends Task {

    private final Kernel kernel;
    private final PacketQueue tap;
    private final VirtioTx tx;
    private final VirtioRx rx;
    private final CpuBacklog backlog;
    private final Uplink uplink;
    private final double perPacket;
    private final double perByte;
    private final int weightBytes;
    private final double spread;
    private final RandomStream random;
    private final JobOutput out;
    private final Event ready;
    private final JobOutput.Delivery toHost;
    private final JobOutput.Delivery toGuest;
    private final Train frames = new Train();
    private boolean transmitting;
    /** The last run was the transmit queue's: the receive queue goes next if it has work. */
    private boolean txLast;

    /**
     * @param tap      the tap's queue of frames for the guest (the bridge's port)
     * @param backlog  the backlog of the worker's own CPU, towards the bridge and the NIC
     * @param uplink   the way from that backlog to the NIC, whose room a guest's frames take
     * @param perPacket the worker's work per frame, ns at speed 1.0; {@code perByte} its copy per payload byte
     */
    public VhostNet(Kernel kernel, String name, Domain host, PacketQueue tap, VirtioTx tx, VirtioRx rx,
                    CpuBacklog backlog, Uplink uplink, double perPacket, double perByte, int weightBytes,
                    double spread, RandomStream random) {
        super(name, host, Context.THREAD);
        this.kernel = kernel;
        this.tap = tap;
        this.tx = tx;
        this.rx = rx;
        this.backlog = backlog;
        this.uplink = uplink;
        this.perPacket = perPacket;
        this.perByte = perByte;
        this.weightBytes = weightBytes;
        this.spread = spread;
        this.random = random;
        this.out = new JobOutput(name + ".out");
        this.ready = wakingEvent(name + ".ready");
        this.toHost = (segment, n, first, step) -> {
            PacketQueue q = out.taken();
            // netif_rx_ni onto this CPU's backlog, whose softirq runs as the send returns
            int stored = backlog.frames().offer(q.head(frames).count(n).readyAt(first).readyEvery(step));
            uplink.queued(frames.flow(), stored, n - stored);
            q.removeHead(n);
            if (stored > 0) {
                backlog.wake();
            }
        };
        this.toGuest = (segment, n, first, step) -> rx.add(out.taken(), n, first, step);
        tx.servedBy(this);
        rx.servedBy(this);
    }

    @Override
    protected boolean hasWork(long now) {
        return txReady(now) || rxReady(now);
    }

    private boolean txReady(long now) {
        return tx.queue().headReadyBy(now, kernel, ready);
    }

    private boolean rxReady(long now) {
        if (!tap.headReadyBy(now, kernel, ready)) {
            return false;
        }
        if (rx.room() == 0) {
            rx.starved();
            return false;
        }
        return true;
    }

    @Override
    protected double beginJob(long now) {
        out.clear();
        boolean txWork = txReady(now);
        boolean rxWork = rxReady(now);
        transmitting = txWork && (!rxWork || !txLast);
        txLast = transmitting;
        tx.workerRunning();
        if (transmitting) {
            take(tx.queue(), Integer.MAX_VALUE, now);
        } else {
            take(tap, rx.room(), now);
        }
        // into the guest's ring frame by frame, in trains too: whether a frame interrupts the guest
        // depends on whether its poll has turned its callbacks back on by then; and towards a NIC
        // frame by frame: tun_sendmsg's netif_rx_ni runs the softirq that takes each frame to the
        // NIC before the worker copies the next, and frames handed on 16 at a time reached the wire
        // in blocks, which set which guest's frames machine 2's full ring dropped
        return out.work(now, 0, random.jitter(spread), transmitting && !uplink.wantsEachPacket() ? partPackets() : 1,
                cpuSpeed());
    }

    /** Takes ready frames from {@code q}, at most {@code max} and the weight's bytes. */
    private void take(PacketQueue q, int max, long now) {
        int bytes = 0;
        int left = max;
        while (left > 0 && bytes < weightBytes) {
            int ready = Math.min(left, q.headReadyBy(now));
            if (ready == 0) {
                break;
            }
            int payload = q.headPayload();
            int n = Math.min(ready, Math.max(1, (weightBytes - bytes + payload - 1) / Math.max(1, payload)));
            out.take(q, n, perPacket + perByte * payload, now);
            bytes += n * payload;
            left -= n;
        }
    }

    @Override
    protected double nextPart() {
        return out.nextPart();
    }

    @Override
    protected void partDone(long now) {
        out.partDone(now, transmitting ? toHost : toGuest);
    }

    @Override
    protected void endJob(long start, long end) {
        out.finish(end, transmitting ? toHost : toGuest);
        if (transmitting) {
            tx.took();
        }
        if (tx.queue().isEmpty()) {
            // vhost_enable_notify: the guest's next frame kicks
            tx.workerSleeps();
        }
    }

    @Override
    protected boolean sendsPackets() {
        return transmitting;
    }
}
