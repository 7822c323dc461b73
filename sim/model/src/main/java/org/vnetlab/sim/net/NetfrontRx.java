package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.param.SplitDriver;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A guest's netfront receive (netif_poll, Linux 2.6.16-xen netfront.c), a NAPI poll in the
 * guest's softirq: takes up to its weight of responses off the shared receive ring, remaps the
 * flipped pages (or, with rx_copy, finds the data already copied into its own), and passes the
 * packets through the guest's IP stack to their sockets. Only when the poll ends does it post new
 * receive buffers (network_alloc_rx_buffers), and only in batches of at least half its target
 * rx_target: the target starts at its minimum, doubles when fewer than a quarter of it was left
 * posted and unfilled, and shrinks by one per poll while more than three quarters are unfilled.
 * Buffers posted past netback's event index send Dom0 an event. A poll woken by netback's event
 * pays the upcall, unless the transmit side's handler took it first: the vif has one event channel
 * ({@link EventChannel}); one that ends with the ring empty asks for the next event.
 */
public final class NetfrontRx extends Task {

    private final RxRing ring;
    private final JobOutput out;
    private final Flows flows;
    private final GuestStack stack;
    private final Costs costs;
    private final int weight;
    private final int minTarget;
    private final int maxTarget;
    private final boolean flip;
    /** The guest's per-packet work below IP: the ring, the skb, and the page remap when flipping. */
    private final double perPacket;
    private final RandomStream random;
    private Runnable notifyBackend = () -> { };
    /** Up the guest's stack to the packet's socket. */
    private final JobOutput.Delivery toSocket;
    /** Responses consumed (rsp_cons). */
    private long rspCons;
    /** rx_target: buffers the guest aims to keep posted. */
    private int target;
    /** Buffers allocated and not yet posted (rx_batch). */
    private int allocated;
    /** Buffers the running poll posts when it ends. */
    private int posting;
    /** The vif's one event channel, shared with the transmit side. */
    private final EventChannel channel;
    private long events;

    public NetfrontRx(String guest, Domain domain, SplitDriver driver, Flows flows, GuestStack stack,
                      EventChannel channel, RandomStream random) {
        super(guest + ".netfront.rx", domain, Context.NET_RX);
        this.ring = new RxRing(guest, driver.ringSlots());
        this.out = new JobOutput(guest + ".netfront.rx.out");
        this.flows = flows;
        this.stack = stack;
        this.costs = stack.costs();
        this.channel = channel;
        this.weight = driver.weight();
        this.minTarget = driver.rxTargetMin();
        this.maxTarget = driver.rxTargetMax();
        this.flip = !driver.rxCopy();
        this.perPacket = costs.netfrontRx + (flip ? costs.netfrontRxFlip : 0);
        this.random = random;
        this.toSocket = (segment, n, first, step) -> {
            PacketQueue q = out.taken();
            q.moveHeadTo(flows.socketFor(q.headFlow(), q.headKind().outbound()), n, first, step);
        };
        this.target = minTarget;
        // as a NIC's poll: a part ends with a packet its socket wants at once
        out.handOverAtOnce((flow, kind) -> flows.socketFor(flow, kind.outbound()).readerWaiting());
        // network_connect posts the first buffers (before netback listens: no event)
        ring.reqProd += refill();
    }

    /** The shared receive ring netback fills. */
    RxRing ring() {
        return ring;
    }

    /** Where an event to Dom0 goes: the vif's handler (netif_be_int). */
    void connect(Runnable backendEvent) {
        this.notifyBackend = backendEvent;
    }

    /** rx_target now. */
    public int target() {
        return target;
    }

    /** Buffers posted since the guest connected (req_prod). */
    public long posted() {
        return ring.reqProd;
    }

    /** Buffers posted and not yet filled by netback (req_prod - rsp_prod). */
    public long unfilled() {
        return ring.reqProd - ring.rspProd;
    }

    /** Events netback sent this guest for received packets. */
    public long events() {
        return events;
    }

    /** Netback's event: responses passed the guest's event index. */
    void event() {
        channel.raise();
        events++;
        wake();
    }

    @Override
    protected boolean hasWork(long now) {
        return !ring.responses.isEmpty();
    }

    @Override
    protected double beginJob(long now) {
        double overhead = channel.handle() * costs.netfrontNotify;
        out.clear();
        PacketQueue responses = ring.responses;
        // netif_poll takes at most its weight and what the NET_RX pass still allows
        int left = Math.min(weight, netRxBudget());
        int taken = 0;
        while (left > 0 && !responses.isEmpty()) {
            int n = Math.min(left, responses.headCount());
            out.take(responses, n, perPacket + stack.rx(responses.headKind()), now);
            rspCons += n;
            left -= n;
            taken += n;
        }
        netRxTook(taken);
        // the end of the poll, decided now and posted when the poll ends: few responses for many
        // unfilled buffers lower the target ("exponential increase, linear decrease")
        if (unfilled() > 3 * target / 4) {
            target = Math.max(minTarget, target - 1);
        }
        posting = refill();
        if (posting > 0 && flip) {
            // the new buffers' pages go back to Xen in one multicall (decrease_reservation)
            overhead += costs.netfrontRxFlipRefill;
        }
        return out.work(now, overhead, random.jitter(costs.jitter), partPackets(), cpuSpeed());
    }

    @Override
    protected double nextPart() {
        return out.nextPart();
    }

    @Override
    protected double shortenPart(double partLeft) {
        return out.shorten(partLeft);
    }

    @Override
    protected double releaseDone(double partLeft) {
        return out.releaseDone(partLeft);
    }

    @Override
    protected void partDone(long now) {
        out.partDone(now, toSocket);
    }

    /**
     * network_alloc_rx_buffers: allocates buffers up to the target and returns how many to post,
     * none while the batch is smaller than half the target (they wait, allocated, for a later poll).
     */
    private int refill() {
        int wanted = (int) (target - (ring.reqProd - rspCons));
        allocated = Math.max(allocated, wanted);
        if (allocated < target / 2) {
            return 0;
        }
        if (unfilled() < target / 4) {
            target = Math.min(maxTarget, 2 * target);
        }
        int n = allocated;
        allocated = 0;
        return n;
    }

    @Override
    protected void endJob(long start, long end) {
        out.finish(end, toSocket);
        if (posting > 0) {
            long before = ring.reqProd;
            ring.reqProd += posting;
            posting = 0;
            if (RxRing.passes(before, ring.reqProd, ring.reqEvent)) {
                notifyBackend.run();
            }
        }
        if (ring.responses.isEmpty()) {
            // RING_FINAL_CHECK_FOR_RESPONSES: nothing left, so ask for an event before going idle
            ring.rspEvent = rspCons + 1;
        }
    }
}
