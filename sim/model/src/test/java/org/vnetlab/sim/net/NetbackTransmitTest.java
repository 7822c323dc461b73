package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Guests' frames through Xen 3.0.4's netback: a request's slot stays taken until its frame has
 * left the wire and Dom0's dealloc answered it, MAX_PENDING_REQS bounds what netback holds, and
 * guests take turns one request at a time.
 */
class NetbackTransmitTest {

    /** The time each frame left the wire, for the rig's far end. */
    private static final class Departures implements WireEnd {
        long last = Long.MIN_VALUE;
        long first = Long.MAX_VALUE;

        @Override
        public void arrive(org.vnetlab.sim.packet.Train frames) {
            first = Math.min(first, frames.ready());
            last = Math.max(last, frames.readyOf(frames.count() - 1));
        }
    }

    /** Steps the kernel until the guest's slots are all free again; returns when that happened. */
    private static long whenSlotsFree(SplitDriverRig rig, SplitDriverRig.Guest g) {
        rig.start();
        while (g.tx.outstanding() > 0 && rig.kernel.nextEventTime() != Long.MAX_VALUE) {
            long t = rig.kernel.nextEventTime();
            assertTrue(t != Long.MAX_VALUE, "nothing left to happen, yet " + g.tx.outstanding() + " slots taken");
            rig.runUntil(t);
        }
        return rig.kernel.now();
    }

    /** A guest that sends ten frames of {@code payload} bytes: when its slots were free, and when the frames left. */
    private static Departures sendTen(int payload, long[] freed) {
        SplitDriverRig rig = new SplitDriverRig();
        Departures wire = new Departures();
        rig.nic.connectFarEnd(wire);
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.powerOn();
        a.send(10, payload);
        freed[0] = whenSlotsFree(rig, a);
        assertEquals(10, rig.nic.framesSent());
        assertEquals(0, rig.netback.pendingRequests());
        return wire;
    }

    @Test
    void aSlotIsFreedOnlyAfterItsFrameLeftTheWireAndDom0AnsweredIt() {
        long[] freed = new long[1];
        Departures wire = sendTen(1470, freed);
        assertTrue(freed[0] >= wire.last, "every slot stays taken until its frame has left the wire");
        assertTrue(freed[0] >= wire.first + 150_000, "and until the NIC's transmit-completion interrupt (150 us)");
    }

    @Test
    void theSendersSocketHoldsEachDatagramUntilTheGuestReapsItsAnswer() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.powerOn();
        SendBuffer socket = new SendBuffer(100_000, 1_000);
        assertTrue(a.tx.holdFor(a.flow.id(), socket));
        socket.hold(10);
        a.send(10, 1470);
        rig.start();
        while (a.tx.outstanding() > 0 && rig.kernel.nextEventTime() != Long.MAX_VALUE) {
            rig.runUntil(rig.kernel.nextEventTime());
            assertEquals(a.tx.outstanding(), socket.held(),
                    "a datagram is the socket's as long as its request's slot is taken (answer not yet reaped)");
        }
        assertEquals(0, socket.held(), "every answer reaped frees its datagram");
    }

    /** Dom0's CPU time for one guest sending ten frames at once, with the upcall costing {@code upcall} ns. */
    private static long dom0TimeForTenFrames(String upcall) {
        SplitDriverRig rig = new SplitDriverRig("model.cost.netfront.per-notify-ns=" + upcall);
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.powerOn();
        a.send(10, 1470);
        whenSlotsFree(rig, a);
        return rig.dom0.busyNanos();
    }

    @Test
    void aGuestsNotificationCostsDom0OneUpcall() {
        // the ten requests reach a ring netback had drained: one notification (netif_be_int)
        assertEquals(800, dom0TimeForTenFrames("800") - dom0TimeForTenFrames("0"));
    }

    @Test
    void aFrameShortEnoughToCopyWholeIsAnsweredWithoutWaitingForTheWire() {
        long[] freed = new long[1];
        Departures wire = sendTen(10, freed);
        assertTrue(freed[0] < wire.first + 150_000, "a 52-byte frame (at most PKT_PROT_LEN) is answered at once");
    }

    @Test
    void netbackHoldsAtMostMaxPendingRequestsLessMaxSkbFrags() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        SplitDriverRig.Guest b = rig.guest("domU2");
        a.powerOn();
        b.powerOn();
        a.send(300, 1470);
        b.send(300, 1470);
        rig.runUntilRequestsTaken();
        assertEquals(238, rig.netback.pendingRequests(), "net_tx_action stops at 256 - 18 pending");
        assertEquals(238, mostPendingUntilSent(rig, a, b), "never more, all the way through");
        assertEquals(600, rig.nic.framesSent());
    }

    @Test
    void aGuestsEventSchedulesNetbackOnlyWhileLessThanHalfOfMaxPendingRequestsArePending() {
        // domU1's 21 frames pending: with MAX_PENDING_REQS 40 that is past half, so domU2's notify
        // (maybe_schedule_tx_action) leaves its request on the ring until the NIC's driver frees
        // domU1's first frames (netif_idx_release schedules net_tx_action); with 64 the notify
        // schedules it, and it takes the request before that
        long[] waiting = whenTakenAndFreed("model.xen.netback.max-pending-requests=40");
        assertTrue(waiting[0] >= waiting[1], "taken at " + waiting[0] + ", domU1's first freed at " + waiting[1]);
        long[] scheduled = whenTakenAndFreed("model.xen.netback.max-pending-requests=64");
        assertTrue(scheduled[0] < scheduled[1], "taken at " + scheduled[0] + ", domU1's first freed at " + scheduled[1]);
    }

    /**
     * domU1 sends 21 frames; 20 us after the first left the wire (net_tx_action done with them),
     * domU2 sends one: when netback took domU2's request, and when it freed the first of domU1's.
     */
    private static long[] whenTakenAndFreed(String maxPending) {
        SplitDriverRig rig = new SplitDriverRig(maxPending);
        Departures wire = new Departures();
        rig.nic.connectFarEnd(wire);
        SplitDriverRig.Guest a = rig.guest("domU1");
        SplitDriverRig.Guest b = rig.guest("domU2");
        a.powerOn();
        b.powerOn();
        a.send(21, 1470);
        rig.runUntilRequestsTaken();
        while (wire.first == Long.MAX_VALUE && rig.kernel.nextEventTime() != Long.MAX_VALUE) {
            rig.runUntil(rig.kernel.nextEventTime());
        }
        rig.runUntil(wire.first + 20_000);
        assertEquals(21, rig.netback.pendingRequests(), "none freed yet");
        b.send(1, 1470);
        long taken = -1;
        long freed = -1;
        while ((taken < 0 || freed < 0) && rig.kernel.nextEventTime() != Long.MAX_VALUE) {
            rig.runUntil(rig.kernel.nextEventTime());
            if (taken < 0 && b.tx.onRing() == 0) {
                taken = rig.kernel.now();
            }
            if (freed < 0 && rig.netback.pendingRequests() < 21 + (taken < 0 ? 0 : 1)) {
                freed = rig.kernel.now();
            }
        }
        return new long[] {taken, freed};
    }

    @Test
    void aGuestsRingHoldsRingSlotsLessMaxSkbFragsPlusOneAndTheRestWaitsInItsQdisc() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        a.powerOn();
        a.send(300, 1470);
        rig.runUntilRequestsTaken();
        assertEquals(237, rig.netback.pendingRequests(), "netfront stops its queue below 20 free slots of 256");
        assertEquals(0, a.tx.onRing(), "netback sees no more");
        assertEquals(63, a.tx.queue().size(), "the rest is in the guest's qdisc");
        assertEquals(237, mostPendingUntilSent(rig, a), "never more, all the way through");
        assertEquals(300, rig.nic.framesSent(), "the qdisc's requests reach the ring as the guest reaps answers");
    }

    /** Runs until the guests' requests are all answered; the most netback held at once meanwhile. */
    private static int mostPendingUntilSent(SplitDriverRig rig, SplitDriverRig.Guest... guests) {
        int most = 0;
        while (java.util.Arrays.stream(guests).mapToInt(g -> g.tx.outstanding()).sum() > 0
                && rig.kernel.nextEventTime() != Long.MAX_VALUE) {
            rig.runUntil(rig.kernel.nextEventTime());
            most = Math.max(most, rig.netback.pendingRequests());
        }
        return most;
    }

    @Test
    void guestsTakeTurnsOneRequestEach() {
        SplitDriverRig rig = new SplitDriverRig();
        SplitDriverRig.Guest a = rig.guest("domU1");
        SplitDriverRig.Guest b = rig.guest("domU2");
        a.send(300, 1470);
        b.send(20, 1470);
        rig.runUntilRequestsTaken();
        assertEquals(0, b.tx.queue().size(), "the guest with fewer requests gets all of its turns");
        assertEquals(300 - 218, a.tx.queue().size(), "the other takes the remaining turns of the run");
        SplitDriverRig rig2 = new SplitDriverRig();
        SplitDriverRig.Guest c = rig2.guest("domU1");
        SplitDriverRig.Guest d = rig2.guest("domU2");
        c.send(300, 1470);
        d.send(300, 1470);
        rig2.runUntilRequestsTaken();
        assertEquals(300 - 119, c.tx.queue().size(), "two busy guests split a run of 238 evenly");
        assertEquals(300 - 119, d.tx.queue().size());
    }
}
