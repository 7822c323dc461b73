package org.vnetlab.sim.net;

/**
 * A guest's one event channel for its vif (netfront.c binds a single channel to
 * {@code netif_int}, which reaps the transmit answers and schedules the receive poll): netback's
 * events for either ring set its pending bit, and one upcall takes every event that came while
 * the bit was set. Whichever of the guest's two handlers runs first pays that upcall.
 */
public final class EventChannel {

    private boolean pending;
    private int unpaid;
    private long upcalls;

    /** Netback sent an event: an upcall is due unless one already is. */
    void raise() {
        if (!pending) {
            pending = true;
            unpaid++;
            upcalls++;
        }
    }

    /**
     * A handler runs: the upcalls not yet paid for (0 or 1), which it pays; the pending bit is
     * cleared, so the next event is an upcall of its own.
     */
    int handle() {
        int n = unpaid;
        unpaid = 0;
        pending = false;
        return n;
    }

    /** Upcalls so far. */
    public long upcalls() {
        return upcalls;
    }
}
