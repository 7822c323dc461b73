package org.vnetlab.live.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vnetlab.live.control.ControlMessage.Interval;

/**
 * A server's per-second counts are printed as they come, so each is checked first: a hostile
 * server once had the client print 8,000,000 Gbit/s, second 1 twice and second 99999.
 */
class IntervalCheckTest {

    private static final long S = 1_000_000_000L;

    /** A UDP test of 100 B datagrams of which the client has sent {@code sent} bytes, started at 0. */
    private static IntervalCheck udp(long sent) {
        return new IntervalCheck("server", 100, () -> sent, 100, 0);
    }

    @Test
    void plausibleSecondsPass() {
        IntervalCheck c = udp(1_000_000);
        c.check(new Interval(1, 500_000, 5_000), S);
        c.check(new Interval(2, 400_000, 4_000), 2 * S);
        assertNull(c.problem(new Interval(3, 100_100, 1_001), 3 * S), "the last write in flight is allowed for");
    }

    @Test
    void whatNoServerCouldCountIsRefusedInOneLineNamingIt() {
        IntervalCheck c = udp(1_000_000);
        assertTrue(c.problem(new Interval(2, 0, 0), S).startsWith("second 2 after none"));
        assertTrue(c.problem(new Interval(99999, 0, 0), 99999 * S).contains("count up from 1"));
        assertEquals("bytes 1000000000000000000 in second 1, more than the 1000100 this client had sent besides those"
                + " counted before", c.problem(new Interval(1, 1_000_000_000_000_000_000L, 10_000_000_000_000_000L), S));
        assertEquals("bytes 150 in packets 1 (each datagram carries 100 B)", c.problem(new Interval(1, 150, 1), S));
        c.check(new Interval(1, 100, 1), S);
        assertTrue(c.problem(new Interval(1, 100, 1), S).contains("second 1 after second 1"));
        MeasureException e = assertThrows(MeasureException.class, () -> c.check(new Interval(3, 0, 0), 3 * S));
        assertEquals("server sent an impossible interval: second 3 after second 1 (they count up from 1)",
                e.getMessage());
    }

    @Test
    void aTcpIntervalCountsNoPacketsAndNoSecondAheadOfTheClock() {
        IntervalCheck c = new IntervalCheck("server", 0, () -> 10_000_000L, 128 * 1024, 5 * S);
        assertEquals("packets 3 in a TCP test (it counts none)", c.problem(new Interval(1, 3000, 3), 6 * S));
        c.check(new Interval(1, 3000, 0), 5 * S + S / 2);
        assertEquals("second 2 within 1 s of Start", c.problem(new Interval(2, 3000, 0), 5 * S + S / 2));
        assertNull(c.problem(new Interval(2, 3000, 0), 6 * S + S / 2));
    }
}
