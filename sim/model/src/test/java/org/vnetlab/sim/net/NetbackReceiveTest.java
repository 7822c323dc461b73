package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Guest-bound frames in Xen 3.0.4's netback and netfront: admission against posted buffers, one
 * receive queue for all guests, the stopped vif's qdisc, runs of 238, buffers posted when the
 * guest's poll ends, rx_target, events only when asked, flipping against copying.
 */
class NetbackReceiveTest {

    /** Every netback receive cost but the per-frame one zeroed: a run of n frames takes n us. */
    private static final String[] MICROSECOND_PER_FRAME = {"model.cost.netback.rx-per-packet-ns=1000",
            "model.cost.netback.rx-flip-per-packet-ns=0", "model.cost.netback.rx-copy-per-packet-ns=0",
            "model.cost.netback.rx-copy-per-byte-ns=0", "model.cost.netback.tlb-flush-ns=0",
            "model.cost.netback.mfn-refill-ns=0", "model.cost.netback.per-notify-ns=0"};

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void guestsShareOneReceiveQueueTakenInArrivalOrderAtMost238ARun() {
        // guests that post a full ring at once, so admission does not limit what follows
        SplitDriverRig rig = new SplitDriverRig(with(MICROSECOND_PER_FRAME, "model.xen.netfront.rx-target-min=256"));
        SplitDriverRig.Guest a = rig.guest("domU1");
        SplitDriverRig.Guest b = rig.guest("domU2");
        a.receive(100, 36);
        b.receive(100, 36);
        a.receive(100, 36);
        assertEquals(300, rig.netback.queuedForGuests(), "every frame admitted, waiting on the one queue");
        rig.runUntil(238_000);
        assertEquals(138, a.front.ring().responses.size(), "the first run: domU1's 100, domU2's 100, domU1's next 38");
        assertEquals(100, b.front.ring().responses.size());
        assertEquals(0, rig.netback.queuedForGuests(), "a run stops at 238 (ring slots less MAX_SKB_FRAGS): the next took 62");
        rig.runUntil(300_000);
        assertEquals(200, a.front.ring().responses.size(), "the second run takes the rest");
        assertEquals(0, rig.netback.queuedForGuests());
    }

    @Test
    void aStoppedVifHolds32FramesInItsQdiscAndDropsTheRestThere() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        assertEquals(64, a.front.posted(), "netfront posts rx_target (64) buffers when it connects");
        a.receive(100, 36);
        assertTrue(a.vif.stopped(), "the vif stops once fewer than MAX_SKB_FRAGS + 2 posted buffers are unclaimed");
        assertEquals(45, rig.netback.queuedForGuests(), "64 posted buffers admit 45 frames");
        assertEquals(32, a.vif.qdisc().size(), "the qdisc holds tx_queue_len frames");
        assertEquals(23, a.vif.qdisc().drops());
        assertEquals("domU1.vif.qdisc.drop", a.vif.qdisc().dropTrace());
        assertEquals(0, a.vif.admissionDrops().drops(), "nothing reached netif_be_start_xmit without buffers");
        rig.runUntil(100_000_000);
        assertEquals(45, a.front.ring().responses.size());
        assertTrue(a.vif.stopped(), "a guest that posts nothing leaves its vif stopped");
        rig.runUntil(600_000_000);
        assertFalse(a.vif.stopped(), "the 500 ms timeout wakes the queue anyway");
        assertEquals(0, a.vif.qdisc().size());
        assertEquals(32, a.vif.admissionDrops().drops(), "the qdisc's frames then drop at netif_be_start_xmit");
        assertEquals("domU1.netback.vif.drop", a.vif.admissionDrops().dropTrace(), "counted as the vif's tx_dropped");
        a.receive(5, 36);
        assertEquals(37, a.vif.admissionDrops().drops(), "a queue that is not stopped drops at netback");
        assertEquals(23, a.vif.qdisc().drops());
    }

    @Test
    void theGuestsNewBuffersRestartAStoppedVifWhoseQdiscDrainsIntoNetback() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.receive(100, 36);
        rig.runUntil(1_000_000);
        assertTrue(a.vif.stopped());
        a.powerOn();
        rig.runUntil(100_000_000);
        assertFalse(a.vif.stopped(), "buffers posted past netback's event index send it an event");
        assertEquals(0, a.vif.qdisc().size());
        assertEquals(77, a.socket.size(), "the 45 admitted first and the qdisc's 32 reach the guest");
        assertEquals(23, a.vif.qdisc().drops());
        assertEquals(0, a.vif.admissionDrops().drops());
    }

    @Test
    void netfrontPostsBuffersOnlyWhenItsPollEnds() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.receive(40, 36);
        rig.runUntil(1_000_000);
        assertEquals(40, a.front.ring().responses.size());
        assertEquals(64, a.front.posted());
        a.powerOn();
        long pollEnd = rig.kernel.nextEventTime();
        rig.runUntil(pollEnd - 1);
        assertEquals(0, a.front.ring().responses.size(), "the poll took every response when it began");
        assertEquals(64, a.front.posted(), "no buffer goes back while the poll runs");
        rig.runUntil(pollEnd);
        assertEquals(64 + 104, a.front.posted(), "at its end: up to rx_target (128) outstanding again");
        assertEquals(40, a.socket.size());
    }

    @Test
    void rxTargetDoublesUnderLoadUpToItsMaximum() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        assertEquals(128, a.front.target(), "the first refill found no buffer filled: 64 doubled");
        a.powerOn();
        int most = 0;
        for (int i = 0; i < 100; i++) {
            a.receive(40, 36);
            rig.runUntil((i + 1) * 200_000L);
            most = Math.max(most, a.front.target());
        }
        rig.runUntil(30_000_000);
        assertEquals(4000, a.socket.size() + a.vif.qdisc().drops(), "every frame reached the guest or its vif's qdisc dropped it");
        assertEquals(256, most, "under load the target doubles up to RX_MAX_TARGET");
    }

    @Test
    void rxTargetShrinksByOnePerPollWhileMoreThanThreeQuartersAreUnfilled() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.powerOn();
        a.receive(1, 36);
        rig.runUntil(1_000_000);
        // 63 unfilled: no shrink; 65 allocated reach half the target, so they are posted
        assertEquals(128, a.front.target());
        assertEquals(64 + 65, a.front.posted());
        for (int i = 1; i <= 10; i++) {
            a.receive(1, 36);
            rig.runUntil((i + 1) * 1_000_000L);
            assertEquals(128 - i, a.front.target(), "poll " + (i + 1) + ": one frame for " + a.front.unfilled() + " unfilled");
        }
        assertEquals(129, a.front.posted(), "and no refill: the target is still outstanding");
        assertEquals(11, a.socket.size());
    }

    @Test
    void netbackNotifiesAGuestOnlyWhenItAskedForAnEvent() {
        SplitDriverRig rig = new SplitDriverRig("model.xen.netfront.rx-target-min=256");
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.powerOn();
        a.receive(40, 36);
        rig.runFirstJob();
        assertEquals(1, a.front.events(), "an idle guest asked for the event");
        a.receive(10, 36);
        rig.runUntil(100_000_000);
        assertEquals(50, a.socket.size(), "the guest, still polling, found the second run's frames itself");
        assertEquals(1, a.front.events(), "no event while the guest was busy");
        a.receive(10, 36);
        rig.runUntil(200_000_000);
        assertEquals(2, a.front.events(), "idle again, it asked again");
    }

    @Test
    void flippingCostsDom0TheSameForEverySizeAndCopyingCostsPerByte() {
        long flipSmall = dom0Time(36, "model.xen.netfront.rx-copy=false");
        long flipLarge = dom0Time(1470, "model.xen.netfront.rx-copy=false");
        long copySmall = dom0Time(36, "model.xen.netfront.rx-copy=true");
        long copyLarge = dom0Time(1470, "model.xen.netfront.rx-copy=true");
        assertEquals(flipSmall, flipLarge, "a flipped page costs the same whatever it holds");
        assertEquals(40 * 0.5 * (1470 - 36), copyLarge - copySmall, 2, "a grant copy costs 0.5 ns per byte");
        assertTrue(flipSmall != copySmall, "the two modes cost differently per frame");
    }

    /** Dom0's CPU time to move 40 frames of {@code payload} bytes to a guest that never reads them. */
    private static long dom0Time(int payload, String mode) {
        SplitDriverRig rig = new SplitDriverRig(mode);
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.receive(40, payload);
        rig.runUntil(10_000_000);
        assertEquals(40, a.front.ring().responses.size());
        return rig.dom0.busyNanos();
    }
}
