package org.vnetlab.sim.net;

import org.vnetlab.core.model.Nic;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Priority;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A NIC's receive side and the NAPI softirq that drains it. Frames arriving from the wire go
 * into the rx ring, or are dropped when it is full ({@code TRACE.nic.rx.drop}). With interrupts
 * enabled, the first frame starts the coalescing delay; the interrupt fires after it or after
 * {@code coalesceFrames} frames, disables interrupts and schedules a NAPI poll. A poll takes up
 * to the budget of frames in one job, each costing the driver's work plus the {@link RxPath}'s;
 * while frames remain it polls again, otherwise it re-enables interrupts.
 */
public final class NicRx {

    private final Kernel kernel;
    private final Nic nic;
    private final TrainQueue inflight = new TrainQueue();
    private final PacketQueue ring;
    private final PacketQueue batch;
    private final double[] cumulative;
    private final Napi napi;
    private RxPath path;
    private double driverCost;
    private double interruptCost;
    private double costSpread;
    private RandomStream random;
    private boolean irqEnabled = true;
    private boolean pollScheduled;
    private boolean interrupted;
    private long interrupts;
    private final Event coalesce = new Event() {
        @Override
        protected void fire() {
            interrupt();
        }
    };

    public NicRx(Kernel kernel, String trace, Nic nic, Domain domain) {
        this.kernel = kernel;
        this.nic = nic;
        this.ring = new PacketQueue(trace + ".nic.rx.drop", nic.rxRing());
        this.batch = new PacketQueue(trace + ".nic.rx.poll", nic.napiBudget());
        this.cumulative = new double[nic.napiBudget()];
        this.napi = new Napi(trace + ".napi", domain);
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

    public PacketQueue ring() {
        return ring;
    }

    public long interrupts() {
        return interrupts;
    }

    /** A frame reaches this NIC at {@code arrival} (possibly later than now). */
    void arrive(long arrival, long stamp, int payload, int flow, long seq, long ack, int flags) {
        inflight.push(arrival, stamp, payload, flow, seq, ack, flags);
        if (irqEnabled) {
            arm();
        }
    }

    private void arm() {
        if (inflight.isEmpty() && ring.isEmpty()) {
            return;
        }
        long first = ring.isEmpty() ? inflight.arrivalOf(0) : kernel.now();
        long byDelay = first + nic.coalesceNanos();
        long byCount = ring.size() >= nic.coalesceFrames() ? kernel.now()
                : inflight.arrivalOf(nic.coalesceFrames() - 1 - ring.size());
        long at = Math.max(kernel.now(), Math.min(byDelay, byCount));
        if (!coalesce.isScheduled() || at < coalesce.time()) {
            kernel.scheduleAt(coalesce, at);
        }
    }

    private void interrupt() {
        inflight.admit(kernel.now(), ring);
        if (ring.isEmpty()) {
            arm();
            return;
        }
        irqEnabled = false;
        interrupted = true;
        interrupts++;
        pollScheduled = true;
        napi.wake();
    }

    /** The NAPI poll of this NIC, run as softirq work in the domain that owns the driver. */
    private final class Napi extends Task {

        private int taken;
        private double total;

        Napi(String name, Domain domain) {
            super(name, domain, Priority.SOFTIRQ);
        }

        @Override
        protected boolean hasWork(long now) {
            return pollScheduled;
        }

        @Override
        protected double beginJob(long now) {
            inflight.admit(now, ring);
            double cost = interrupted ? interruptCost : 0;
            interrupted = false;
            taken = 0;
            int n = Math.min(ring.size(), nic.napiBudget());
            for (int k = 0; k < n; k++) {
                cost += driverCost + path.cost(ring.payload(0), ring.flow(0), ring.flags(0));
                ring.moveHeadTo(batch, now);
                cumulative[taken++] = cost;
            }
            total = cost * random.jitter(costSpread);
            return total;
        }

        @Override
        protected void endJob(long start, long end) {
            double last = taken == 0 ? 1 : cumulative[taken - 1];
            for (int k = 0; k < taken; k++) {
                path.deliver(batch, start + (long) ((end - start) * (cumulative[k] / last)));
            }
            inflight.admit(end, ring);
            if (ring.isEmpty()) {
                pollScheduled = false;
                irqEnabled = true;
                arm();
            }
        }
    }
}
