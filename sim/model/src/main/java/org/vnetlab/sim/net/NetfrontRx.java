package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A guest's netfront receive, in the guest's softirq: takes responses off the shared receive
 * ring (notified by event channel), builds the packets and passes them through the guest's IP
 * stack to their sockets. Taking a response reposts its buffer, freeing a ring slot for netback.
 */
public final class NetfrontRx extends Task {

    private final PacketQueue ring;
    private final JobOutput out;
    private final Flows flows;
    private final Costs costs;
    private final GuestStack stack;
    private final int budget;
    private final RandomStream random;
    private Runnable buffersPosted;
    /** Up the guest's stack to the packet's socket. */
    private final JobOutput.Delivery toSocket;

    public NetfrontRx(String guest, Domain domain, int ringSlots, int budget, Flows flows, GuestStack stack,
                      RandomStream random) {
        super(guest + ".netfront.rx", domain, Context.NET_RX);
        this.ring = new PacketQueue(guest + ".netfront.rx.ring", ringSlots);
        this.out = new JobOutput(guest + ".netfront.rx.out");
        this.flows = flows;
        this.costs = stack.costs();
        this.stack = stack;
        this.budget = budget;
        this.random = random;
        ring.onNonEmpty(this::wake);
        this.toSocket = (segment, n, first, step) -> {
            PacketQueue q = out.taken();
            q.moveHeadTo(flows.socketFor(q.headFlow(), q.headKind().outbound()), n, first, step);
        };
    }

    /** The shared receive ring that netback fills; its free slots are the posted buffers. */
    public PacketQueue ring() {
        return ring;
    }

    void onBuffersPosted(Runnable r) {
        this.buffersPosted = r;
    }

    @Override
    protected boolean hasWork(long now) {
        return !ring.isEmpty();
    }

    @Override
    protected double beginJob(long now) {
        out.clear();
        // netif_poll takes at most its weight and what the NET_RX pass still allows
        int left = Math.min(budget, netRxBudget());
        int taken = 0;
        while (left > 0 && !ring.isEmpty()) {
            int n = Math.min(left, ring.headCount());
            out.take(ring, n, costs.netfrontRx + stack.rx(ring.headKind()), now);
            left -= n;
            taken += n;
        }
        netRxTook(taken);
        if (buffersPosted != null) {
            buffersPosted.run();
        }
        return out.work(now, costs.netfrontNotify, random.jitter(costs.jitter), partPackets());
    }

    @Override
    protected double nextPart() {
        return out.nextPart();
    }

    @Override
    protected void partDone(long now) {
        out.partDone(now, toSocket);
    }

    @Override
    protected void endJob(long start, long end) {
        out.finish(end, toSocket);
    }
}
