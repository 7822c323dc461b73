package org.vnetlab.sim.net;

import org.vnetlab.core.model.Nic;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Irq;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.TimedTrains;
import org.vnetlab.sim.packet.Train;

/**
 * A NIC's receive side and the NAPI softirq that drains it. Frames arriving from the wire go
 * into the rx ring, or are dropped when it is full ({@code TRACE.nic.rx.drop}). With interrupts
 * enabled, the first frame starts the coalescing delay; the interrupt fires after it or after
 * {@code coalesceFrames} frames, but never sooner than the throttle's gap after the last one
 * ({@code interruptGapNanos}), disables interrupts and schedules a NAPI poll. A poll takes up
 * to the budget of frames in one job, each costing the driver's work plus the {@link RxPath}'s;
 * while frames remain it polls again, otherwise it re-enables interrupts.
 *
 * <p>Frames in flight are kept as trains with their arrival times and admitted to the ring
 * lazily, in the order they arrive, whenever the NIC is looked at: a flood of frames that find
 * the ring full costs O(1) per train. Before it looks, it has the wire it is connected to put
 * on the wire what has started ({@link NicTx#advance}); the interrupt timer is set from when
 * frames arrive, or at the latest could arrive, and the interrupt checks its condition when
 * it fires.
 */
public final class NicRx implements WireEnd {

    private final Kernel kernel;
    private final Nic nic;
    private final TimedTrains inflight = new TimedTrains();
    /** The wire this NIC is connected to, or null (the emulator injects frames itself). */
    private NicTx source;
    private final PacketQueue ring;
    private final JobOutput poll;
    private final Napi napi;
    private RxPath path;
    private double driverCost;
    private double interruptCost;
    private double costSpread;
    private RandomStream random;
    private Irq irq = Irq.LOCAL;
    private boolean irqEnabled = true;
    private boolean pollScheduled;
    private boolean interrupted;
    private long interrupts;
    /** When this queue last interrupted: the throttle's gap counts from it. */
    private long lastInterrupt = Long.MIN_VALUE / 2;
    private long framesTaken;
    private final Event coalesce;

    public NicRx(Kernel kernel, String trace, Nic nic, Domain domain) {
        this(kernel, trace, "", nic, domain);
    }

    /**
     * One receive queue of a multi-queue NIC ({@link NicRxQueues}): its interrupt and its poll
     * are named with {@code queue} appended; its drops count with the NIC's.
     */
    NicRx(Kernel kernel, String trace, String queue, Nic nic, Domain domain) {
        this.kernel = kernel;
        this.nic = nic;
        this.coalesce = new Event(trace + ".nic.rx" + queue) {
            @Override
            protected void fire() {
                interrupt();
            }
        };
        this.ring = new PacketQueue(trace + ".nic.rx.drop", nic.rxRing());
        this.poll = new JobOutput(trace + ".nic.rx" + queue + ".poll");
        poll.handOverAtOnce((flow, kind) -> path.wantsAtOnce(flow, kind));
        this.napi = new Napi(trace + ".napi" + queue, domain);
    }

    /**
     * Sets what happens to received packets and what the driver costs.
     *
     * @param driverPerPacket ns at speed 1.0 per frame taken from the ring
     * @param perInterrupt    ns at speed 1.0 per interrupt taken
     * @param spread          relative noise of a poll's cost, e.g. 0.05
     */
    public void connect(RxPath rxPath, double driverPerPacket, double perInterrupt, double spread, RandomStream rng) {
        this.path = rxPath;
        this.driverCost = driverPerPacket;
        this.interruptCost = perInterrupt;
        this.costSpread = spread;
        this.random = rng;
    }

    /** The softirq task; place it on the CPU that takes this NIC's interrupts. */
    public Task napi() {
        return napi;
    }

    /** The line the NIC interrupts on (default: the NAPI poll's own CPU takes it). */
    public void interruptOn(Irq line) {
        this.irq = line;
    }

    public PacketQueue ring() {
        return ring;
    }

    public long interrupts() {
        return interrupts;
    }

    /** Frames its NAPI polls have taken from the ring. */
    public long framesTaken() {
        return framesTaken;
    }

    /** Frames reach this NIC, each at its ready time. */
    @Override
    public void arrive(Train frames) {
        inflight.add(frames);
        // frames put on the wire were counted when they were queued, at their earliest arrival
        if (irqEnabled && (!coalesce.isScheduled() || frames.ready() < coalesce.time())) {
            arm();
        }
    }

    @Override
    public boolean attach(NicTx wire) {
        this.source = wire;
        return wire != null;
    }

    @Override
    public void queued(Train frames) {
        if (irqEnabled) {
            arm();
        }
    }

    /** Moves every frame that has arrived by {@code now} into the ring, dropping what does not fit. */
    private void admit(long now) {
        if (source != null) {
            source.advance(now);
        }
        if (ring.isFull()) {
            ring.drop(inflight.removeBy(now));
        } else {
            inflight.moveBy(now, ring);
        }
    }

    /** Sets the interrupt timer: the coalescing delay after the first frame, or the frame that makes the count. */
    private void arm() {
        if (!irqEnabled) {
            return;
        }
        long now = kernel.now();
        if (coalesce.isScheduled() && coalesce.time() <= Math.max(now, ring.isEmpty() ? inflight.firstTime()
                : ring.headReady())) {
            // set no later than any frame not yet admitted can arrive: it stays
            return;
        }
        long first = ring.isEmpty() ? arrival(0) : ring.headReady();
        if (first == Long.MAX_VALUE) {
            return;
        }
        long byDelay = first + nic.coalesceNanos();
        int more = nic.coalesceFrames() - 1 - ring.size();
        long byCount = more < 0 ? now : arrival(more);
        long at = Math.max(Math.max(now, Math.min(byDelay, byCount)), lastInterrupt + nic.interruptGapNanos());
        if (!coalesce.isScheduled() || at < coalesce.time()) {
            kernel.scheduleAt(coalesce, at);
        }
    }

    /** When the {@code k}-th frame not yet admitted arrives (at the earliest, for one still waiting on the wire). */
    private long arrival(long k) {
        if (k < inflight.size()) {
            return inflight.timeOf(k);
        }
        return source == null ? Long.MAX_VALUE : source.arrivalAtLeast(k - inflight.size());
    }

    private void interrupt() {
        if (!irqEnabled) {
            return;
        }
        long now = kernel.now();
        admit(now);
        boolean due = (ring.size() >= nic.coalesceFrames()
                || (!ring.isEmpty() && now >= ring.headReady() + nic.coalesceNanos()))
                && now >= lastInterrupt + nic.interruptGapNanos();
        if (!due) {
            arm();
            return;
        }
        irqEnabled = false;
        // frames admitted just now may have set the timer again: the poll takes them
        kernel.cancel(coalesce);
        interrupted = true;
        interrupts++;
        lastInterrupt = now;
        pollScheduled = true;
        irq.raise(napi);
    }

    /** The NAPI poll of this NIC, run as softirq work in the domain that owns the driver. */
    private final class Napi extends Task {

        private final JobOutput.Delivery toPath = (segment, n, first, step) -> path.deliver(poll.taken(), n, first,
                step);

        Napi(String name, Domain domain) {
            super(name, domain, Context.NET_RX);
        }

        @Override
        protected boolean hasWork(long now) {
            return pollScheduled;
        }

        @Override
        protected double beginJob(long now) {
            admit(now);
            double overhead = interrupted ? interruptCost : 0;
            interrupted = false;
            poll.clear();
            // tg3_poll takes at most the device's weight and what the NET_RX pass still allows
            int budget = Math.min(nic.napiBudget(), netRxBudget());
            int taken = 0;
            while (budget > 0 && !ring.isEmpty()) {
                int n = Math.min(budget, ring.headCount());
                poll.take(ring, n, driverCost + path.cost(ring.headPayload(), ring.headFlow(), ring.headKind()), now);
                budget -= n;
                taken += n;
            }
            netRxTook(taken);
            framesTaken += taken;
            return poll.work(now, overhead, random.jitter(costSpread), path.wantsEachPacket() ? 1 : partPackets(),
                    cpuSpeed());
        }

        @Override
        protected double nextPart() {
            return poll.nextPart();
        }

        @Override
        protected double shortenPart(double partLeft) {
            return poll.shorten(partLeft);
        }

        @Override
        protected double releaseDone(double partLeft) {
            return poll.releaseDone(partLeft);
        }

        @Override
        protected void partDone(long now) {
            poll.partDone(now, toPath);
        }

        @Override
        protected void endJob(long start, long end) {
            poll.finish(end, toPath);
            admit(end);
            if (ring.isEmpty()) {
                pollScheduled = false;
                irqEnabled = true;
                arm();
            }
        }
    }
}
