package org.vnetlab.sim.param;

import org.vnetlab.config.ConfigError;
import org.vnetlab.core.model.ModelParameters;

/**
 * The limits of Xen's split network driver (model.xen.*): the shared rings, netback's batches and
 * pools, netfront's receive-buffer target, and whether the guest receives by page flipping or by
 * grant copy. Read once; see the simulator's reference.conf for each one's source.
 *
 * @param ringSlots          slots of each shared ring (NET_RX_RING_SIZE, NET_TX_RING_SIZE)
 * @param vifQueue           the vif's qdisc in Dom0 (tx_queue_len = netbk_queue_length)
 * @param maxSkbFrags        MAX_SKB_FRAGS: sizes netback's batches and its per-packet slot reserve
 * @param maxPending         MAX_PENDING_REQS: guest transmit requests netback holds at once
 * @param mfnBatch           MAX_MFN_ALLOC: machine frames netback fetches from Xen per refill
 * @param queueTimeoutNanos  how long a stopped vif waits before it is woken anyway (tx_queue_timeout)
 * @param txCopyBytes        PKT_PROT_LEN: a guest frame up to this long is copied and answered at once
 * @param rxCopy             the guest receives by grant copy (netfront's rx_copy) instead of page flipping
 * @param gso                the guest's netfront offers TSO, so its TCP sends skbs of up to 64 KB ({@link Gso})
 * @param rxTargetMin        netfront's least receive-buffer target (RX_DFL_MIN_TARGET)
 * @param rxTargetMax        netfront's greatest receive-buffer target (RX_MAX_TARGET)
 * @param weight             netfront's NAPI weight: responses one poll takes at most
 * @param backlog            frames Dom0's backlog holds (netdev_max_backlog): netif_rx drops beyond
 * @param backlogWeight      frames one poll of Dom0's backlog takes (weight_p)
 * @param fairEventScan      Dom0's upcall serves the guests' pending channels from the one after the last
 *                           it served (Linux 2.6.18-xen from 2007, Ongaro et al.'s fix) instead of lowest first
 * @param nestedUpcalls      an event arriving while Dom0's upcall runs the softirqs is served at once by a nested
 *                           upcall (3.0.4's 2.6.16-xen); else it waits until they end, and the upcall serves the
 *                           pending ports one handler, and one run of the softirqs, at a time (2.6.18-xen)
 */
public record SplitDriver(int ringSlots, int vifQueue, int maxSkbFrags, int maxPending, int mfnBatch,
                          long queueTimeoutNanos, int txCopyBytes, boolean rxCopy, boolean gso, int rxTargetMin,
                          int rxTargetMax, int weight, int backlog, int backlogWeight, boolean fairEventScan,
                          boolean nestedUpcalls) {

    public SplitDriver {
        positive("xen.ring-slots", ringSlots);
        positive("xen.vif-queue-packets", vifQueue);
        positive("xen.netback.mfn-batch", mfnBatch);
        positive("xen.netfront.weight", weight);
        positive("xen.netfront.rx-target-min", rxTargetMin);
        positive("xen.dom0.backlog-packets", backlog);
        positive("xen.dom0.backlog-weight", backlogWeight);
        if (maxSkbFrags + 2 >= ringSlots) {
            throw new ConfigError("model.xen.netback.max-skb-frags must be below model.xen.ring-slots - 2 ("
                    + (ringSlots - 2) + "), got " + maxSkbFrags);
        }
        if (maxSkbFrags >= maxPending) {
            throw new ConfigError("model.xen.netback.max-pending-requests must be above"
                    + " model.xen.netback.max-skb-frags (" + maxSkbFrags + "), got " + maxPending);
        }
        if (rxTargetMax < rxTargetMin || rxTargetMax > ringSlots) {
            throw new ConfigError("model.xen.netfront.rx-target-max must lie between"
                    + " model.xen.netfront.rx-target-min (" + rxTargetMin + ") and model.xen.ring-slots ("
                    + ringSlots + "), got " + rxTargetMax);
        }
    }

    private static void positive(String key, long value) {
        if (value < 1) {
            throw new ConfigError("model." + key + " must be at least 1, got " + value);
        }
    }

    /** Packets one net_rx_action run moves at most: it stops once count + MAX_SKB_FRAGS reaches the ring's size. */
    public int rxBatch() {
        return ringSlots - maxSkbFrags;
    }

    /**
     * Posted guest buffers netback wants free before it admits a packet (netbk_max_required_rx_slots):
     * MAX_SKB_FRAGS + 2, because netfront offers scatter-gather (feature-sg), so netback must leave room
     * for a packet of the most fragments, its header and an extra-info slot.
     */
    public int rxSlotsNeeded() {
        return maxSkbFrags + 2;
    }

    /**
     * Transmit requests netfront keeps on its ring at most (answered and not yet reaped included):
     * it stops its queue once fewer than MAX_SKB_FRAGS + 2 slots are free (netfront_tx_slot_available),
     * so further packets wait in the guest's qdisc, out of netback's sight.
     */
    public int txRingRequests() {
        return ringSlots - (maxSkbFrags + 2) + 1;
    }

    /** Pending requests beyond which net_tx_action takes no more (it loops while pending + MAX_SKB_FRAGS < MAX_PENDING_REQS). */
    public int txPendingLimit() {
        return maxPending - maxSkbFrags;
    }

    /**
     * Pending requests from which a guest's event no longer schedules net_tx_action
     * (maybe_schedule_tx_action: only while NR_PENDING_REQS < MAX_PENDING_REQS / 2); the NIC's
     * freeing of a sent frame still does (netif_idx_release).
     */
    public int txEventPendingLimit() {
        return maxPending / 2;
    }

    /** How a guest's TCP data leaves it: in skbs of up to 64 KB when netfront offers TSO. */
    public Gso tcpGso() {
        return Gso.netfront(gso);
    }

    public static SplitDriver of(ModelParameters p) {
        return new SplitDriver((int) p.get("xen.ring-slots"), (int) p.get("xen.vif-queue-packets"),
                (int) p.get("xen.netback.max-skb-frags"), (int) p.get("xen.netback.max-pending-requests"),
                (int) p.get("xen.netback.mfn-batch"), (long) p.get("xen.netback.queue-timeout-ns"),
                (int) p.get("xen.netback.tx-copy-bytes"), p.get("xen.netfront.rx-copy") != 0,
                p.get("xen.netfront.gso") != 0,
                (int) p.get("xen.netfront.rx-target-min"), (int) p.get("xen.netfront.rx-target-max"),
                (int) p.get("xen.netfront.weight"), (int) p.get("xen.dom0.backlog-packets"),
                (int) p.get("xen.dom0.backlog-weight"), p.get("xen.dom0.fair-event-scan") != 0,
                p.get("xen.dom0.nested-upcalls") != 0);
    }
}
