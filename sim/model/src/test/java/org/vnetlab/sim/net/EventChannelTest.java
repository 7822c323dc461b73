package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A vif's one event channel in the guest: events that come while it is pending make one upcall. */
class EventChannelTest {

    @Test
    void eventsForBothRingsBeforeTheUpcallArePaidOnce() {
        EventChannel c = new EventChannel();
        c.raise();
        c.raise();
        assertEquals(1, c.handle(), "the first handler to run pays the one upcall");
        assertEquals(0, c.handle(), "the other handler, running for the same upcall, pays nothing");
        assertEquals(1, c.upcalls());
    }

    @Test
    void anEventAfterTheUpcallBeganIsAnUpcallOfItsOwn() {
        EventChannel c = new EventChannel();
        c.raise();
        assertEquals(1, c.handle());
        c.raise();
        assertEquals(1, c.handle());
        assertEquals(2, c.upcalls());
    }
}
