package org.vnetlab.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kernel stops a run whose components wake each other without virtual time moving on. */
class WatchdogTest {

    /** Two toy components that wake each other after {@code delay} ns, forever. */
    private static void pingPong(Kernel k, long delay) {
        Event[] pair = new Event[2];
        pair[0] = new Event("toy.ping") {
            @Override
            protected void fire() {
                k.scheduleAfter(pair[1], delay);
            }
        };
        pair[1] = new Event("toy.pong") {
            @Override
            protected void fire() {
                k.scheduleAfter(pair[0], delay);
            }
        };
        k.scheduleAt(pair[0], 5_000_000);
    }

    @Test
    void componentsWakingEachOtherAtOneInstantAreStoppedAndNamed() {
        Kernel k = new Kernel();
        k.watch(new Watchdog(10_000, Long.MAX_VALUE));
        pingPong(k, 0);
        LivelockException e = assertThrows(LivelockException.class, () -> k.runUntil(1_000_000_000L));
        assertTrue(e.getMessage().contains("at virtual time 5.000000 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("10001 events in a row at one instant"), e.getMessage());
        assertTrue(e.getMessage().contains("toy.ping (2048)") && e.getMessage().contains("toy.pong (2048)"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(10_001, k.eventsFired());
    }

    @Test
    void timeCreepingByANanosecondIsStoppedToo() {
        Kernel k = new Kernel();
        k.watch(new Watchdog(10, 50_000));
        pingPong(k, 1);
        LivelockException e = assertThrows(LivelockException.class, () -> k.runUntil(1_000_000_000L));
        assertTrue(e.getMessage().contains("50001 events within 1 ms of virtual time"), e.getMessage());
        assertTrue(k.now() < 5_100_000, "stopped within the first simulated millisecond, at " + k.now());
    }

    @Test
    void aBusyRunBelowTheBoundsRunsToTheEnd() {
        Kernel k = new Kernel();
        k.watch(new Watchdog(10, 50_000));
        // 20,000 events per simulated ms, never two at one instant
        pingPong(k, 50);
        k.runUntil(100_000_000L);
        assertEquals(100_000_000L, k.now());
        assertTrue(k.eventsFired() > 1_000_000);
    }
}
