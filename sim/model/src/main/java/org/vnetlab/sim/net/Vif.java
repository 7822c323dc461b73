package org.vnetlab.sim.net;

import org.vnetlab.core.net.Ethernet;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * Dom0's side of one guest's network interface: netback's netif and its net_device, a port of the
 * bridge. Frames for the guest go through the device's qdisc to netif_be_start_xmit, which admits a
 * frame only while the guest has enough receive buffers posted that no admitted frame has claimed
 * (rx_req_cons_peek), and puts it on netback's one receive queue for all guests ({@link VifOrder}).
 * When an admission leaves too few buffers, the device's queue is stopped: frames then wait in the
 * qdisc (pfifo_fast, tx_queue_len frames, {@code GUEST.vif.qdisc.drop} beyond) until the guest's
 * event for new buffers, a receive run that finds room, or the 500 ms timeout wakes it. A frame that
 * reaches netif_be_start_xmit with too few buffers is dropped there ({@code GUEST.netback.vif.drop},
 * the vif's tx_dropped); with netfront asking for the wake-up event (feature-rx-notify) that happens
 * only after the timeout woke a queue whose guest had still posted nothing.
 *
 * <p>Transmit: the guest's requests netback has taken stay pending until the NIC's driver freed
 * their frame after sending it (Linux 2.6.16-xen netback.c, netif_page_release), or are released
 * at once for a frame short enough to be copied whole.
 */
public final class Vif implements BridgePort {

    private final Kernel kernel;
    final int index;
    private final RxRing ring;
    private final VifOrder rxQueue;
    private final Task rxTasklet;
    private final Task txTasklet;
    final NetfrontRx front;
    final NetfrontTx txRing;
    /** Frames admitted for this guest, waiting on netback's receive queue. Its drops are the vif's tx_dropped. */
    final PacketQueue admitted;
    /** The device's qdisc in front of netif_be_start_xmit. */
    private final PacketQueue qdisc;
    private final int slotsNeeded;
    private final long timeoutNanos;
    private final Event timeout;
    private final Train part = new Train();
    /** rx_req_cons_peek: guest buffers claimed by admitted frames. */
    private long peek;
    private boolean stopped;
    /** Its netback's vifs whose queue is stopped, this one's included. */
    private final Stops stops;
    /** Its port on the bridge. */
    int port;
    /** Frames in this run of net_rx_action (set and cleared by netback's receive tasklet). */
    int inRun;
    /**
     * Requests released (netif_idx_release) and not yet answered: their frames were copied whole,
     * dropped, or freed by the NIC's driver once sent. The transmit tasklet's next dealloc answers them.
     */
    int released;
    /** The guest notified while Dom0's VCPU did not hold its CPU: its upcall is still to run. */
    boolean upcallWaiting;
    /** Requests the running transmit tasklet answers when it ends. */
    int answering;

    Vif(Kernel kernel, int index, String guest, NetfrontRx front, NetfrontTx txRing, VifOrder rxQueue,
        Task rxTasklet, Task txTasklet, Stops stops, int qdiscFrames, int slotsNeeded, long timeoutNanos) {
        this.kernel = kernel;
        this.stops = stops;
        this.index = index;
        this.front = front;
        this.ring = front.ring();
        this.txRing = txRing;
        this.rxQueue = rxQueue;
        this.rxTasklet = rxTasklet;
        this.txTasklet = txTasklet;
        this.slotsNeeded = slotsNeeded;
        this.timeoutNanos = timeoutNanos;
        this.admitted = new PacketQueue(guest + ".netback.vif.drop", Integer.MAX_VALUE);
        this.qdisc = new PacketQueue(guest + ".vif.qdisc.drop", qdiscFrames);
        this.timeout = new Event(guest + ".vif.timeout") {
            @Override
            protected void fire() {
                // tx_queue_callback: wake the queue whether or not the guest posted buffers
                wake();
            }
        };
    }

    /** Frames dropped at netif_be_start_xmit (tx_dropped). */
    public PacketQueue admissionDrops() {
        return admitted;
    }

    /** The vif's qdisc: its drops are frames that found the queue stopped and the qdisc full. */
    public PacketQueue qdisc() {
        return qdisc;
    }

    /** Whether the device's queue is stopped (netif_stop_queue). */
    public boolean stopped() {
        return stopped;
    }

    /**
     * While its queue is stopped, or the guest's free buffers are fewer than two trains hold, a
     * frame is admitted, queued or dropped by what the guest has posted by the time it comes
     * (netfront's refills run on the guest's own CPU meanwhile): it is handed over when done.
     * With buffers free for two trains, every frame of the next train is admitted either way: two,
     * because a poll plans its next part before the part that ends hands its frames over
     * ({@link JobOutput#nextPart}), so up to a train of frames are still to claim buffers. (With
     * one, xen-double receiving 300 B, trial 5, planned a train on 19 free buffers of which the
     * ending part took 16: its frames reached domU2's vif after the guest's refill, where packet by
     * packet the queue stopped first and the refill sent Dom0 an event; domU1's vif then dropped
     * 25320 frames in trains against 20214, and trial 2 gave domU1 172.4 Mbit/s against 176.3.)
     * <p>So is a frame while another guest's queue is stopped: that guest's event (its buffers
     * posted on its own CPU) restarts the queue at once, even in the middle of Dom0's poll, and the
     * frames waiting in its qdisc join netback's one receive queue then, behind the frames the poll
     * has handed over and ahead of the rest; a run of net_rx_action takes its frames in that order,
     * so how many each guest gets depends on each frame's own time. (Handed over at a train's end,
     * frames for domU2 that Dom0's poll was done with before domU1's event went behind domU1's 32
     * waiting frames: xen-double receiving 300 B, trial 6, a run of 238 gave domU2 169 frames in
     * trains against 180 exact, and the trial carried 337.6 Mbit/s in sum against 320.8.)
     */
    @Override
    public boolean wantsAtOnce() {
        return stops.count > 0 || admissible() < 2L * kernel.partPackets();
    }

    /** Frames netif_be_start_xmit would admit now: the guest's buffers no admitted frame has claimed. */
    private long admissible() {
        return ring.reqProd - peek - (slotsNeeded - 1);
    }

    /** The bridge's dev_queue_xmit on this vif. */
    @Override
    public void transmit(Train frames) {
        int n = frames.count();
        int done = stopped ? 0 : startXmit(frames, n);
        if (done < n) {
            qdisc.offer(rest(frames, done));
        }
    }

    /**
     * netif_be_start_xmit for the first {@code n} frames of {@code frames}, until the queue stops.
     * Returns how many it took (admitted, or dropped as tx_dropped).
     */
    private int startXmit(Train frames, int n) {
        long admissible = admissible();
        if (admissible <= 0) {
            admitted.drop(n);
            return n;
        }
        int a = (int) Math.min(n, admissible);
        admitted.offer(part.copy(frames).count(a));
        rxQueue.add(index, a);
        peek += a;
        if (a == admissible) {
            stop();
        }
        rxTasklet.wake();
        return a;
    }

    /** The frames of {@code frames} after its first {@code k}. */
    private Train rest(Train frames, int k) {
        return part.copy(frames).count(frames.count() - k).readyAt(frames.ready() + k * frames.readyStep())
                .stampedAt(frames.stamp() + k * frames.stampStep()).seq(frames.seq() + k);
    }

    private void stop() {
        stopped = true;
        stops.count++;
        // ask the guest for an event once it has posted enough buffers again
        ring.reqEvent = peek + slotsNeeded;
        kernel.scheduleAfter(timeout, timeoutNanos);
    }

    /** Whether the guest has too few unclaimed buffers posted for another frame (netbk_queue_full). */
    boolean full() {
        return ring.reqProd - peek < slotsNeeded;
    }

    /** netif_wake_queue: a stopped queue restarts and its qdisc drains into netif_be_start_xmit. */
    void wake() {
        if (!stopped) {
            return;
        }
        stopped = false;
        stops.count--;
        while (!stopped && !qdisc.isEmpty()) {
            qdisc.head(part);
            qdisc.removeHead(startXmit(part, part.count()));
        }
    }

    /**
     * The guest's event (netif_be_int; one event channel serves both directions): its transmit
     * requests are scheduled, and a stopped queue restarts if the guest has now posted enough buffers.
     */
    void event() {
        txTasklet.wake();
        if (!full()) {
            wake();
        }
    }

    /** How many vifs of one netback have their queue stopped: the vifs share it. */
    static final class Stops {
        private int count;
    }

    /** Bytes of a frame's skb in Linux: the IP packet with its Ethernet header (no FCS, no padding). */
    static int skbBytes(PacketKind kind, int payload) {
        return Ethernet.ipPacketBytes(payload, kind.ip(), kind.transport()) + Ethernet.HEADER;
    }
}
