package org.vnetlab.sim.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.vnetlab.core.model.Nic;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Irq;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.param.Gso;
import org.vnetlab.sim.param.SplitDriver;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.TimedTrains;
import org.vnetlab.sim.packet.Train;

/**
 * Dom0's netback (Linux 2.6.16-xen drivers/xen/netback): one receive and one transmit tasklet
 * serve every guest, so all guests' network work in Dom0 is serialised on one VCPU.
 *
 * <p>Receive (net_rx_action): frames admitted by the guests' {@link Vif}s wait on one queue for
 * all guests ({@link VifOrder}); a run takes them in arrival order, at most the ring's size less
 * MAX_SKB_FRAGS, and hands each to its guest. By default it flips pages: per frame it gives the
 * frame's page to the guest (gnttab_transfer) and maps a fresh machine frame in its place
 * (update_va_mapping, M2P update), fetching fresh frames from Xen in batches
 * (increase_reservation); per run it flushes the TLBs of every CPU Dom0 ran on. A guest that asked
 * for grant copy (rx_copy) instead gets each frame copied by Xen. Each guest with new responses is
 * notified at most once per run, and only if it asked.
 *
 * <p>Transmit (net_tx_action): first the dealloc of requests whose frames the NIC's driver has freed
 * after sending them (grant unmap, one TLB flush per batch, an answer to the guest; the driver frees
 * sent frames at its coalesced transmit-completion interrupt), then new requests, one per guest
 * per turn, while fewer than MAX_PENDING_REQS less MAX_SKB_FRAGS are pending; netif_rx puts them on
 * Dom0's backlog, whose softirq takes them through the bridge to the NIC after the run, a weight's
 * worth per poll.
 */
public final class Netback {

    private final Kernel kernel;
    private final Costs costs;
    private final SplitDriver driver;
    /** How the guests' TCP data comes: in GSO skbs when netfront offers TSO. */
    private final Gso gso;
    /** Whether the NIC takes a GSO skb whole (TSO); else the kernel cuts it before the driver. */
    private final boolean nicTso;
    private final Bridge bridge;
    private final NicTx nic;
    private final RandomStream random;
    private final List<Vif> vifs = new ArrayList<>();
    private final VifOrder rxQueue = new VifOrder();
    /** Which of the vifs have their queue stopped (how many). */
    private final Vif.Stops stops = new Vif.Stops();
    private final RxTasklet rx;
    private final TxTasklet tx;
    private final Backlog backlog;
    private final GuestEvents guestEvents;
    /** Guests' frames sent by the NIC and not yet freed by its driver, by when they left the wire. */
    private final TimedTrains sent = new TimedTrains();
    /** Whose frames {@link #sent} holds. */
    private final VifOrder sentOrder = new VifOrder();
    /** Frames holding a guest's page that the NIC has not put on the wire yet. */
    private long unsent;
    /** Whose frames each flow carries to the NIC: the vif's index + 1, by flow id (0: not a guest's). */
    private int[] vifOfFlow = new int[0];
    /** The NIC's transmit-completion coalescing (tx-usecs, tx-frames). */
    private final long txCoalesceNanos;
    private final int txCoalesceFrames;
    /** The NIC's transmit-completion interrupt: its driver frees the frames sent by then. */
    private final Event txCompletion;
    /** The line that interrupt comes on. */
    private Irq txIrq = Irq.LOCAL;
    /** Machine frames left in netback's pool for flipping (alloc_index). */
    private int mfns;
    /** Guest transmit requests netback holds (NR_PENDING_REQS). */
    private int pending;
    /** The vifs whose transmit requests net_tx_action serves, in turn (net_schedule_list). */
    private final NetSchedule txSchedule = new NetSchedule();
    /** Whose requests were released and not yet answered, in the order of release (the dealloc ring's). */
    private final VifOrder releaseOrder = new VifOrder();

    /**
     * @param nic      the NIC's transmit side, which the guests' frames leave by
     * @param hardware that NIC: when its driver frees sent frames (transmit-completion coalescing)
     */
    public Netback(Kernel kernel, Domain dom0, Costs costs, SplitDriver driver, Bridge bridge, NicTx nic,
                   Nic hardware, RandomStream random) {
        this.kernel = kernel;
        this.costs = costs;
        this.driver = driver;
        this.gso = driver.tcpGso();
        this.nicTso = hardware.tso();
        this.bridge = bridge;
        this.nic = nic;
        this.random = random;
        this.rx = new RxTasklet(dom0);
        this.tx = new TxTasklet(dom0);
        this.backlog = new Backlog(dom0);
        this.guestEvents = new GuestEvents(dom0);
        this.txCoalesceNanos = hardware.txCoalesceNanos();
        this.txCoalesceFrames = hardware.txCoalesceFrames();
        this.txCompletion = new Event("host.nic.tx.irq") {
            @Override
            protected void fire() {
                txInterrupt(kernel.now());
            }
        };
        nic.onDeparture(this::departed);
    }

    public Task rxTasklet() {
        return rx;
    }

    public Task txTasklet() {
        return tx;
    }

    /** The line the NIC's transmit-completion interrupt comes on (default: the transmit tasklet's CPU takes it). */
    public void interruptOn(Irq line) {
        this.txIrq = line;
    }

    /** Dom0's backlog that takes guests' frames through the bridge to the NIC: on the transmit tasklet's CPU. */
    public Task backlog() {
        return backlog;
    }

    /** Dom0's backlog queue; its drops are frames netif_rx found it full for. */
    public PacketQueue backlogQueue() {
        return backlog.frames;
    }

    /** Frames admitted and not yet moved to a guest (the length of rx_queue). */
    public long queuedForGuests() {
        return rxQueue.size();
    }

    /** Guest transmit requests held until their frames have left (NR_PENDING_REQS). */
    public int pendingRequests() {
        return pending;
    }

    /**
     * Connects a guest's netfront: makes its vif, a new port of the bridge, and wires the vif's
     * event channel to the guest's rings: the guest's notifications reach the vif by an upcall in
     * Dom0 ({@link #guestEvents}). The guest announced its MAC at boot (ARP), so the bridge has
     * learnt it.
     */
    public Vif connect(String guest, NetfrontRx front, NetfrontTx txRing) {
        Vif v = new Vif(kernel, vifs.size(), guest, front, txRing, rxQueue, rx, tx, stops, driver.vifQueue(),
                driver.rxSlotsNeeded(), driver.queueTimeoutNanos());
        vifs.add(v);
        v.port = bridge.addPort(v);
        bridge.learn(txRing.mac(), v.port);
        front.connect(() -> guestEvents.notified(v));
        txRing.onRequests(() -> guestEvents.notified(v));
        return v;
    }

    /** Guests' event channels in Dom0 by port: bound as the vifs connected. */
    private static final Comparator<Vif> BY_PORT = Comparator.comparingInt(v -> v.index);

    /** netif_be_int: the guest's vif joins the transmit schedule list, then its event is handled. */
    private void guestEvent(Vif v) {
        txSchedule.add(v.index);
        tx.guestEvent();
        v.event();
    }

    /** The guests' event channels' upcall in Dom0: place it on the VCPU the channels are bound to. */
    public Task guestEvents() {
        return guestEvents;
    }

    /**
     * The guests' notifications in Dom0: Xen's upcall into Dom0's kernel (evtchn_do_upcall), whose
     * handler for a guest's channel, netif_be_int, schedules the guest's transmit requests and
     * restarts its stopped queue. Each handled notification costs what a guest's upcall for
     * netback's events does ({@code cost.netfront.per-notify-ns}): the same code in the same kind
     * of kernel. The handler runs in hard-interrupt context: on a VCPU that holds its CPU it acts at
     * once, whatever the VCPU was doing (the model charges its work in the softirq work that
     * follows); a VCPU that does not runs it first when it next does, once per channel however
     * often the guest notified meanwhile (a pending channel is not raised again), the channels
     * pending together lowest port first (evtchn_do_upcall scans the pending bits from the lowest,
     * and netback bound the guests' channels in the order they connected), or, with a fair scan
     * ({@code xen.dom0.fair-event-scan}), from the port after the last one served. A kernel that
     * disallows nested upcalls ({@code xen.dom0.nested-upcalls = false}) handles a notification
     * that arrives while an interrupt's softirqs run only once they have ended, and then one
     * channel a job, each job beginning a run of the softirqs, the pending ports read again for
     * each: the lowest pending port goes first every time.
     */
    private final class GuestEvents extends Task {
        /** Notifications handled at once, not yet charged. */
        private int unpaid;
        /**
         * Channels notified while the upcall could not handle them (the VCPU did not hold its CPU,
         * or a nested upcall would have been needed and is not allowed), each once.
         */
        private final List<Vif> waiting = new ArrayList<>();
        private final List<Vif> handling = new ArrayList<>();
        /** The port last served: a fair scan goes on after it. */
        private int lastServed = -1;

        GuestEvents(Domain dom0) {
            super("dom0.evtchn", dom0, Context.IRQ);
        }

        void notified(Vif v) {
            if (executor().holdsCpu() && (driver.nestedUpcalls() || !executor().inInterruptExit())) {
                unpaid++;
                lastServed = v.index;
                guestEvent(v);
            } else if (!v.upcallWaiting) {
                v.upcallWaiting = true;
                waiting.add(v);
            }
            wake();
        }

        @Override
        protected boolean waitsForOuterUpcall() {
            return !driver.nestedUpcalls();
        }

        @Override
        protected boolean hasWork(long now) {
            return unpaid > 0 || !waiting.isEmpty();
        }

        @Override
        protected double beginJob(long now) {
            waiting.sort(BY_PORT);
            if (driver.fairEventScan()) {
                // round robin: the ports after the last one served first, then from the lowest
                int after = 0;
                while (after < waiting.size() && waiting.get(after).index <= lastServed) {
                    after++;
                }
                Collections.rotate(waiting, -after);
            }
            if (driver.nestedUpcalls()) {
                for (int i = 0; i < waiting.size(); i++) {
                    handling.add(waiting.get(i)); // not addAll, which copies the list into a new array
                }
                waiting.clear();
            } else if (!waiting.isEmpty()) {
                handling.add(waiting.remove(0));
            }
            double work = (unpaid + handling.size()) * costs.netfrontNotify * random.jitter(costs.jitter);
            unpaid = 0;
            return work;
        }

        @Override
        protected void endJob(long start, long end) {
            for (int i = 0; i < handling.size(); i++) {
                Vif v = handling.get(i);
                v.upcallWaiting = false;
                lastServed = v.index;
                guestEvent(v);
            }
            handling.clear();
        }
    }

    /**
     * The host NIC's receive path as Dom0 runs it: {@code path} in a NAPI poll that first frees the
     * frames the NIC has sent (tg3_poll runs tg3_tx before taking received frames), so received
     * traffic also releases the guests' transmit requests, without waiting for the transmit-completion
     * interrupt.
     */
    public RxPath freeingSentFrames(RxPath path) {
        return new RxPath() {
            @Override
            public double cost(int payload, int flow, PacketKind kind) {
                return path.cost(payload, flow, kind);
            }

            @Override
            public boolean wantsAtOnce(int flow, PacketKind kind) {
                return path.wantsAtOnce(flow, kind);
            }

            @Override
            public boolean wantsEachPacket() {
                return path.wantsEachPacket();
            }

            @Override
            public void deliver(PacketQueue batch, int n, long ready0, long step) {
                freeSent(kernel.now(), Irq.LOCAL);
                path.deliver(batch, n, ready0, step);
            }
        };
    }

    /**
     * The NIC's driver frees the guests' frames sent by {@code now} (tg3_tx, then the skbs'
     * destructor netif_page_release): their requests are released, and the transmit tasklet is
     * scheduled to answer them, by the CPU that takes {@code line}.
     */
    private void freeSent(long now, Irq line) {
        // the wire fixes a frame only once it has started: every frame left by now is then known
        nic.advance(now);
        long freed = sent.removeBy(now);
        for (long n = freed; n > 0; ) {
            int k = (int) Math.min(n, sentOrder.headCount());
            vifs.get(sentOrder.headVif()).released += k;
            releaseOrder.add(sentOrder.headVif(), k);
            sentOrder.removeHead(k);
            n -= k;
        }
        if (freed > 0) {
            line.raise(tx);
        }
        armTxCompletion(now);
    }

    /** A guest's frame holds its page until the NIC's driver frees it unless it was copied whole (PKT_PROT_LEN). */
    private boolean holdsPage(PacketKind kind, int payload) {
        return Vif.skbBytes(kind, payload) > driver.txCopyBytes();
    }

    /** The backlog hands the NIC {@code n} frames of {@code flow}, from {@code v}, that hold the guest's page. */
    private void sending(int flow, Vif v, int n) {
        if (flow >= vifOfFlow.length) {
            vifOfFlow = java.util.Arrays.copyOf(vifOfFlow, Math.max(flow + 1, 2 * vifOfFlow.length));
        }
        vifOfFlow[flow] = v.index + 1;
        unsent += n;
    }

    /** Frames the NIC put on the wire, each timed when it has left it: a guest's page is freed from then on. */
    private void departed(Train frames) {
        int flow = frames.flow();
        int vif = flow < vifOfFlow.length ? vifOfFlow[flow] - 1 : -1;
        if (vif < 0 || !holdsPage(frames.kind(), frames.payload())) {
            return;
        }
        sent.add(frames);
        sentOrder.add(vif, frames.count());
        unsent -= frames.count();
    }

    /**
     * The timer of the transmit-completion interrupt fired: the interrupt is raised if its condition
     * holds now that the frames started by now are on the wire; else the timer waits again.
     */
    private void txInterrupt(long now) {
        nic.advance(now);
        boolean byCount = sent.size() >= txCoalesceFrames && sent.timeOf(txCoalesceFrames - 1) <= now;
        boolean byDelay = !sent.isEmpty() && sent.firstTime() + txCoalesceNanos <= now;
        if (byCount || byDelay) {
            freeSent(now, txIrq);
        } else {
            armTxCompletion(now);
        }
    }

    /**
     * Sets the timer of the transmit-completion interrupt: a delay after the first frame left the
     * wire, or when the frame that makes the count has. A frame still waiting for the wire counts by
     * the earliest it can leave ({@link NicTx#departureAtLeast}); the interrupt checks when it fires.
     */
    private void armTxCompletion(long now) {
        long first = !sent.isEmpty() ? sent.firstTime() : unsent > 0 ? nic.departureAtLeast(0) : Long.MAX_VALUE;
        if (first == Long.MAX_VALUE) {
            return;
        }
        long at = first + txCoalesceNanos;
        long more = txCoalesceFrames - 1 - sent.size();
        if (more < 0) {
            at = Math.min(at, sent.timeOf(txCoalesceFrames - 1));
        } else if (more < unsent) {
            // the frame that makes the count is at least the more-th of those the wire has not taken
            at = Math.min(at, nic.departureAtLeast(more));
        }
        at = Math.max(now, at);
        if (!txCompletion.isScheduled() || txCompletion.time() > at) {
            kernel.scheduleAt(txCompletion, at);
        }
    }

    /** Guest-bound frames: net_rx_action. */
    private final class RxTasklet extends Task {
        /** The guests see the responses when the run pushes them, after its multicall: at its end. */
        private final JobOutput moved = JobOutput.atEnd("netback.rx.moved");
        private final List<Vif> targets = new ArrayList<>();
        /** The vifs with frames in this run, each once. */
        private final List<Vif> notified = new ArrayList<>();
        private final Notifies<Vif> toNotify = new Notifies<>();
        private final Consumer<Vif> notifyGuest = v -> v.front.event();
        private final BooleanSupplier cpuHeld = () -> executor().holdsCpu();
        /** Into the guest's receive ring. */
        private final JobOutput.Delivery toGuest = (segment, n, first, step) -> moved.taken().moveHeadTo(
                targets.get(segment).front.ring().responses, n, first, step);

        RxTasklet(Domain dom0) {
            super("netback.rx", dom0, Context.TASKLET);
        }

        @Override
        protected boolean hasWork(long now) {
            return !rxQueue.isEmpty() || !toNotify.isEmpty();
        }

        @Override
        protected double beginJob(long now) {
            if (!toNotify.isEmpty()) {
                // the VCPU was switched out in the notify loop: this job only goes on with it (the
                // hypercalls were paid for in the run that queued them)
                return 0;
            }
            moved.clear();
            targets.clear();
            notified.clear();
            int limit = driver.rxBatch();
            int taken = 0;
            while (taken < limit && !rxQueue.isEmpty()) {
                Vif v = vifs.get(rxQueue.headVif());
                int k = Math.min(rxQueue.headCount(), limit - taken);
                rxQueue.removeHead(k);
                taken += k;
                if (v.inRun == 0) {
                    notified.add(v);
                }
                v.inRun += k;
                PacketQueue q = v.admitted;
                while (k > 0) {
                    int m = Math.min(k, q.headCount());
                    moved.take(q, m, perFrame(q), now);
                    targets.add(v);
                    k -= m;
                }
            }
            double overhead = 0;
            if (!driver.rxCopy() && taken > 0) {
                // one multicall: the last mapping update flushes every CPU's TLB (UVMF_TLB_FLUSH|UVMF_ALL)
                overhead += costs.netbackTlbFlush + mfnRefills(taken) * costs.netbackMfnRefill;
            }
            for (int i = 0; i < notified.size(); i++) {
                Vif v = notified.get(i);
                RxRing ring = v.front.ring();
                if (RxRing.passes(ring.rspProd, ring.rspProd + v.inRun, ring.rspEvent)) {
                    overhead += costs.netbackNotify;
                }
            }
            return moved.work(now, overhead, random.jitter(costs.jitter), partPackets(), cpuSpeed());
        }

        private double perFrame(PacketQueue q) {
            if (driver.rxCopy()) {
                return costs.netbackRx + costs.netbackRxCopy
                        + costs.netbackRxCopyPerByte * Vif.skbBytes(q.headKind(), q.headPayload());
            }
            return costs.netbackRx + costs.netbackRxFlip;
        }

        /** Takes {@code n} machine frames from the pool; returns the increase_reservation calls it took (check_mfn). */
        private int mfnRefills(int n) {
            int calls = 0;
            while (n > 0) {
                if (mfns == 0) {
                    mfns = driver.mfnBatch();
                    calls++;
                }
                int m = Math.min(n, mfns);
                mfns -= m;
                n -= m;
            }
            return calls;
        }

        @Override
        protected void endJob(long start, long end) {
            if (!toNotify.isEmpty()) {
                // a job that only went on with the notify loop (a run begins with none left)
                sendNotifies();
                return;
            }
            // the multicall did every flip or copy; the responses are pushed after it, at the run's end
            moved.finish(end, toGuest);
            for (int i = 0; i < notified.size(); i++) {
                Vif v = notified.get(i);
                RxRing ring = v.front.ring();
                long before = ring.rspProd;
                ring.rspProd += v.inRun;
                v.inRun = 0;
                if (RxRing.passes(before, ring.rspProd, ring.rspEvent)) {
                    toNotify.add(v);
                }
                if (!v.full()) {
                    v.wake();
                }
            }
            sendNotifies();
        }

        @Override
        protected boolean resumesAtOnce() {
            return !toNotify.isEmpty();
        }

        private void sendNotifies() {
            toNotify.send(notifyGuest, cpuHeld);
        }
    }

    /** Guests' transmit requests: net_tx_action, the dealloc of the sent ones, then new requests to netif_rx. */
    private final class TxTasklet extends Task {
        private final JobOutput out = new JobOutput("netback.tx.out");
        private final List<Vif> sources = new ArrayList<>();
        /** Requests each vif's ring holds, by index (reused). */
        private int[] onRing = new int[0];
        /** The guests this run's answers notify, in order, and each vif's answers counted so far (reused). */
        private final List<Vif> notifying = new ArrayList<>();
        private int[] answeredSoFar = new int[0];
        /** netif_rx: onto this CPU's backlog, or dropped when it is full (the request is then done). */
        private final JobOutput.Delivery toBacklog = (segment, n, first, step) -> {
            Vif v = sources.get(segment);
            PacketQueue q = out.taken();
            boolean copiedWhole = !holdsPage(q.headKind(), q.headPayload());
            int queued = q.moveHeadTo(backlog.frames, n, first, step);
            if (queued > 0) {
                backlog.order.add(v.index, queued);
                // netif_rx schedules the backlog's poll in this CPU's NET_RX softirq
                backlog.wake();
            }
            int done = copiedWhole ? n : n - queued;
            if (done > 0) {
                v.released += done;
                releaseOrder.add(v.index, done);
            }
        };
        /**
         * Whether a guest's event scheduled the tasklet for new requests since its last run
         * began (TASKLET_STATE_SCHED); a release schedules it by itself ({@code released}).
         */
        private boolean scheduled;
        /** A run is under way: its loop takes the requests of events that come meanwhile. */
        private boolean running;

        TxTasklet(Domain dom0) {
            super("netback.tx", dom0, Context.TASKLET);
        }

        /**
         * netif_be_int's maybe_schedule_tx_action: schedules a run only while fewer than half of
         * MAX_PENDING_REQS are pending, so with more the guest's requests wait for the next frame
         * the NIC frees (netif_idx_release schedules it unconditionally), unless a run is under
         * way, whose loop goes on while the schedule list holds a guest.
         */
        void guestEvent() {
            if (running || pending < driver.txEventPendingLimit()) {
                scheduled = true;
            }
        }

        @Override
        protected boolean hasWork(long now) {
            boolean requests = false;
            for (int i = 0, n = vifs.size(); i < n; i++) {
                Vif v = vifs.get(i);
                if (v.released > 0) {
                    return true;
                }
                requests |= txSchedule.listed(i) && v.txRing.onRing() > 0;
            }
            return scheduled && requests && pending < driver.txPendingLimit();
        }

        @Override
        protected double beginJob(long now) {
            scheduled = false;
            running = true;
            double deallocWork = dealloc();
            out.clear();
            sources.clear();
            int limit = driver.txPendingLimit() - pending;
            if (limit > 0) {
                takeRequests(limit, now);
            }
            return out.work(now, deallocWork, random.jitter(costs.jitter), partPackets(), cpuSpeed());
        }

        @Override
        protected double nextPart() {
            return out.nextPart();
        }

        @Override
        protected void partDone(long now) {
            out.partDone(now, toBacklog);
        }

        /**
         * net_tx_action_dealloc: answers the released requests in the order they were released
         * (make_tx_response, one by one), so each guest's event comes at the answer that passes its
         * event index; returns its work.
         */
        private double dealloc() {
            int freed = 0;
            for (int i = 0; i < vifs.size(); i++) {
                Vif v = vifs.get(i);
                int n = v.released;
                v.released = 0;
                v.answering = n;
                freed += n;
            }
            orderEvents();
            double notify = 0;
            for (int i = 0; i < notifying.size(); i++) {
                notify += costs.netbackNotify;
            }
            pending -= freed;
            // one grant-unmap hypercall for the batch, which flushes Dom0's TLBs (flush_tlb_mask)
            return freed == 0 ? 0 : costs.netbackTlbFlush + freed * costs.netbackTxDealloc + notify;
        }

        /** Which guests this run's answers notify, in the order of the answers that pass their event index. */
        private void orderEvents() {
            notifying.clear();
            if (answeredSoFar.length < vifs.size()) {
                answeredSoFar = new int[vifs.size()];
            }
            Arrays.fill(answeredSoFar, 0);
            while (!releaseOrder.isEmpty()) {
                int i = releaseOrder.headVif();
                int k = releaseOrder.headCount();
                releaseOrder.removeHead(k);
                NetfrontTx ring = vifs.get(i).txRing;
                if (!ring.wouldNotify(answeredSoFar[i]) && ring.wouldNotify(answeredSoFar[i] + k)) {
                    notifying.add(vifs.get(i));
                }
                answeredSoFar[i] += k;
            }
        }

        private void answer(Vif v) {
            if (v.answering > 0) {
                v.txRing.answered(v.answering);
                v.answering = 0;
            }
        }

        /** Takes up to {@code limit} requests, a request a turn from the vifs on net_schedule_list. */
        private void takeRequests(int limit, long now) {
            int n = vifs.size();
            if (onRing.length < n) {
                onRing = new int[n];
            }
            for (int i = 0; i < n; i++) {
                onRing[i] = vifs.get(i).txRing.onRing();
            }
            txSchedule.takeTurns(onRing, limit);
            // the frames of a run reach the backlog one guest after another, in the order of their first turn
            for (int j = 0, served = txSchedule.servedCount(); j < served; j++) {
                Vif v = vifs.get(txSchedule.served(j));
                PacketQueue q = v.txRing.queue();
                int k = txSchedule.turns(v.index);
                v.txRing.took(k);
                pending += k;
                while (k > 0) {
                    int m = Math.min(k, q.headCount());
                    // a GSO skb's requests are its slots: per segment, its share of them
                    double perRequest = costs.netbackTx * gso.perRequest(q.headKind(), q.headPayload());
                    out.take(q, m, perRequest + costs.netbackTxPerByte * q.headPayload(), now);
                    sources.add(v);
                    k -= m;
                }
            }
        }

        @Override
        protected void endJob(long start, long end) {
            // the guests notified first, in the order of their events; then the rest, which are not
            for (int i = 0; i < notifying.size(); i++) {
                answer(notifying.get(i));
            }
            for (int i = 0; i < vifs.size(); i++) {
                answer(vifs.get(i));
            }
            out.finish(end, toBacklog);
            running = false;
        }
    }

    /**
     * Dom0's backlog (process_backlog in the NET_RX softirq of the CPU that ran net_tx_action): the
     * guests' frames netif_rx queued go through the bridge to the NIC, a weight's worth per poll.
     * A frame whose request is still pending frees it when the NIC's driver has freed the frame.
     */
    private final class Backlog extends Task {
        /** Frames queued by netif_rx, of every guest; {@code order} says whose. */
        final PacketQueue frames;
        final VifOrder order = new VifOrder();
        private final JobOutput out = new JobOutput("dom0.backlog.out");
        private final List<Vif> sources = new ArrayList<>();
        /** A segment of the job's frames, re-timed as the NIC gets them. */
        private final Train toWire = new Train();
        private final RoomWait nicWait = new RoomWait(nic, this);
        /** Through the bridge to the NIC. */
        private final JobOutput.Delivery toNic = (segment, n, first, step) -> {
            Vif v = sources.get(segment);
            bridge.learn(v.txRing.mac(), v.port);
            PacketQueue q = out.taken();
            q.head(toWire).count(n).readyAt(first).readyEvery(step);
            nic.send(toWire);
            if (holdsPage(toWire.kind(), toWire.payload())) {
                // the skb holds the guest's page until the NIC's driver frees it, after sending
                sending(toWire.flow(), v, n);
            }
            q.removeHead(n);
        };

        Backlog(Domain dom0) {
            super("dom0.backlog", dom0, Context.NET_RX);
            this.frames = new PacketQueue("dom0.backlog.drop", driver.backlog());
        }

        @Override
        protected boolean hasWork(long now) {
            return !frames.isEmpty() && nicWait.roomFor(now);
        }

        @Override
        protected double beginJob(long now) {
            out.clear();
            sources.clear();
            int left = Math.min(driver.backlogWeight(), nic.room(now));
            while (left > 0 && !order.isEmpty()) {
                Vif v = vifs.get(order.headVif());
                int k = Math.min(left, order.headCount());
                order.removeHead(k);
                left -= k;
                while (k > 0) {
                    int m = Math.min(k, frames.headCount());
                    // the bridge forwards a GSO skb once; the driver sends it once to a NIC with
                    // TSO, else each of the segments dev_gso_segment cuts it into
                    double perSkb = gso.perSkb(frames.headKind(), frames.headPayload());
                    double driven = costs.driverTx * (nicTso ? perSkb : 1);
                    out.take(frames, m, costs.bridge * perSkb + driven, now);
                    sources.add(v);
                    k -= m;
                }
            }
            // each frame to the NIC as it is done: its transmit completions free the guests'
            // requests, and a guest whose ring is full refills only as they come back
            return out.work(now, 0, random.jitter(costs.jitter), nic.wantsEachPacket() ? 1 : partPackets(), cpuSpeed());
        }

        @Override
        protected double nextPart() {
            return out.nextPart();
        }

        @Override
        protected void partDone(long now) {
            out.partDone(now, toNic);
            armTxCompletion(now);
        }

        @Override
        protected void endJob(long start, long end) {
            out.finish(end, toNic);
            armTxCompletion(end);
        }
    }
}
