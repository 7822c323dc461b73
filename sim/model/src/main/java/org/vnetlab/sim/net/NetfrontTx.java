package org.vnetlab.sim.net;

import org.vnetlab.core.net.MacAddress;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * A guest's transmit side: the shared transmit ring with the qdisc in front of it. The guest's
 * senders queue requests here (their cost includes netfront's transmit work); netback takes those
 * on the ring. A request's slot stays taken until netback has answered it and the guest has reaped
 * the answer (network_tx_buf_gc): netback answers a frame longer than PKT_PROT_LEN only after the
 * frame left the wire and Dom0 freed it. The ring holds at most {@code ringRequests} (netfront
 * stops its queue once fewer than MAX_SKB_FRAGS + 2 slots are free); what is queued beyond waits in
 * the qdisc, and a reap that frees slots moves it onto the ring (netif_wake_queue, then
 * network_start_xmit, which notifies netback). The guest reaps whenever it transmits, and on
 * netback's event, which netback sends when its answers pass the guest's event index: half-way
 * through the ring's requests outstanding at the last reap (rsp_event). That event costs the guest
 * an upcall and wakes its VCPU. A sender finding every slot of ring and qdisc taken blocks until a
 * reap frees some.
 */
public final class NetfrontTx extends GuestTxPort {

    private final PacketQueue queue;
    private final int capacity;
    private final int ringRequests;
    private Runnable onRequests = () -> { };
    private final MacAddress mac;
    private final Completions completions;
    private final EventChannel channel;
    /** Requests netback took (req_cons). */
    private long taken;
    /** Answers netback pushed (rsp_prod), reaped by the guest (rsp_cons), and the guest's event index. */
    private long rspProd;
    private long rspCons;
    private long rspEvent = 1;

    /**
     * @param capacity     requests the ring and the qdisc in front of it hold together
     * @param ringRequests requests the ring holds at most, answered and unreaped ones included
     * @param channel      the vif's event channel, shared with its receive side
     * @param eventCost    CPU work, ns at speed 1.0, of one event's upcall into the guest
     */
    public NetfrontTx(String guest, Domain domain, int capacity, int ringRequests, MacAddress mac,
                      EventChannel channel, double eventCost, double jitter, RandomStream random) {
        if (ringRequests < 1 || ringRequests > capacity) {
            throw new IllegalArgumentException("ring requests " + ringRequests + " not in 1.." + capacity);
        }
        this.queue = new PacketQueue(guest + ".netfront.tx.drop", capacity);
        this.capacity = capacity;
        this.ringRequests = ringRequests;
        this.mac = mac;
        this.channel = channel;
        this.completions = new Completions(guest + ".netfront.tx.irq", domain, eventCost, jitter, random);
    }

    /** The guest's handler of netback's transmit answers (netif_int); place it on the guest's first VCPU. */
    public Task completions() {
        return completions;
    }

    /** Requests not yet taken by netback, the ring's first, then the qdisc's. */
    PacketQueue queue() {
        return queue;
    }

    /** Requests on the ring that netback has not taken: the head of {@link #queue()} it may take. */
    int onRing() {
        return Math.max(0, Math.min(queue.size(), ringRequests - (int) (taken - rspCons)));
    }

    MacAddress mac() {
        return mac;
    }

    /** {@code r} runs when requests reach the ring netback had none of (the guest's notify). */
    void onRequests(Runnable r) {
        onRequests = r;
        queue.onNonEmpty(() -> {
            if (onRing() > 0) {
                r.run();
            }
        });
    }

    /** Netback took {@code n} requests off the ring. */
    void took(int n) {
        taken += n;
    }

    /** Whether answering {@code n} more requests now would send the guest an event. */
    boolean wouldNotify(int n) {
        return RxRing.passes(rspProd, rspProd + n, rspEvent);
    }

    /** Netback answered {@code n} requests (make_tx_response), notifying the guest if it asked. */
    void answered(int n) {
        long before = rspProd;
        rspProd += n;
        if (RxRing.passes(before, rspProd, rspEvent)) {
            channel.raise();
            completions.raise();
        }
    }

    /** Slots taken: requests queued, with netback, or answered and not yet reaped. */
    public int outstanding() {
        return queue.size() + (int) (taken - rspCons);
    }

    /**
     * network_tx_buf_gc: frees the slots of every answered request, and asks for an event once half
     * of the requests still outstanding are answered.
     */
    private void reap() {
        int waiting = onRing();
        rspCons = rspProd;
        freedAllBut(outstanding());
        // the freed slots take requests from the qdisc: the ring's producer index moves on
        long reqProd = taken + onRing();
        rspEvent = rspCons + (reqProd - rspCons) / 2 + 1;
        if (waiting == 0 && onRing() > 0) {
            onRequests.run();
        }
    }

    @Override
    public int room(long now) {
        reap();
        return capacity - outstanding();
    }

    @Override
    public void send(Train train) {
        queued(train.flow(), queue.offer(train));
        reap();
    }

    /**
     * netif_int: the upcall on netback's event reaps the answers and wakes a blocked sender. It
     * is the event channel's interrupt handler.
     */
    private final class Completions extends GuestNotice {

        Completions(String name, Domain domain, double cost, double jitter, RandomStream random) {
            super(name, domain, cost, jitter, random);
        }

        @Override
        protected int notifications() {
            return channel.handle();
        }

        @Override
        protected void endJob(long start, long end) {
            reap();
            // room() reaps again, which changes nothing now
            wakeSenderIfRoom(end);
        }
    }
}
