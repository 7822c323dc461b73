package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Priority;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.model.Costs;
import org.vnetlab.sim.model.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A guest's netfront receive, in the guest's softirq: takes responses off the shared receive
 * ring (notified by event channel), builds the packets and passes them through the guest's IP
 * stack to their sockets. Taking a response reposts its buffer, freeing a ring slot.
 */
public final class NetfrontRx extends Task {

    private final PacketQueue ring;
    private final PacketQueue moving;
    private final double[] cumulative;
    private final Flows flows;
    private final Costs costs;
    private final GuestStack stack;
    private final int budget;
    private final RandomStream random;
    private int taken;

    public NetfrontRx(String guest, Domain domain, int ringSlots, int budget, Flows flows, GuestStack stack,
                      RandomStream random) {
        super(guest + ".netfront.rx", domain, Priority.SOFTIRQ);
        this.ring = new PacketQueue(guest + ".netback.rx.nobuf", ringSlots);
        this.moving = new PacketQueue(guest + ".netfront.rx.moving", budget);
        this.cumulative = new double[budget];
        this.flows = flows;
        this.costs = stack.costs();
        this.stack = stack;
        this.budget = budget;
        this.random = random;
        ring.onNonEmpty(this::wake);
    }

    /** The shared receive ring that netback fills. */
    public PacketQueue ring() {
        return ring;
    }

    @Override
    protected boolean hasWork(long now) {
        return !ring.isEmpty();
    }

    @Override
    protected double beginJob(long now) {
        double cost = costs.netfrontNotify;
        taken = 0;
        int n = Math.min(budget, ring.size());
        for (int k = 0; k < n; k++) {
            cost += costs.netfrontRx + stack.rx(ring.flags(0));
            ring.moveHeadTo(moving, now);
            cumulative[taken++] = cost;
        }
        return cost * random.jitter(costs.jitter);
    }

    @Override
    protected void endJob(long start, long end) {
        double last = taken == 0 ? 1 : cumulative[taken - 1];
        for (int k = 0; k < taken; k++) {
            long ready = start + (long) ((end - start) * (cumulative[k] / last));
            moving.moveHeadTo(flows.socketFor(moving.flow(0), false), ready);
        }
    }
}
