package org.vnetlab.sim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** iperf 2's delay arithmetic, loop by loop, as {@code Client::Run} has it. */
class Iperf2PacingTest {

    private static final long US = 1000;

    @Test
    void aSenderAheadOfItsTargetSpinsTheDifferenceEveryLoop() {
        Iperf2Pacing p = new Iperf2Pacing(11 * US);
        long t = 0;
        p.loopBegins(t);
        assertEquals(0, p.spinNanos(), "the first loop has nothing to measure");
        // each write takes 8 us, then the loop spins what iperf's delay says
        for (int i = 0; i < 5; i++) {
            t += 8 * US + p.spinNanos();
            p.loopBegins(t);
        }
        assertEquals(3 * US, p.spinNanos(), "paced at 11 us: 8 writing, 3 spinning");
    }

    @Test
    void aBlockWhileAheadIsMadeUpAndABlockWhileBehindIsLetGo() {
        Iperf2Pacing p = new Iperf2Pacing(11 * US);
        long t = 0;
        p.loopBegins(t);
        t += 8 * US;
        p.loopBegins(t); // delay 3
        t += 8 * US + p.spinNanos() + 369 * US; // the write blocked on a full socket
        p.loopBegins(t);
        assertEquals(0, p.spinNanos(), "set 366 us behind: no spinning");
        int loops = 0;
        while (p.spinNanos() == 0) {
            t += 8 * US; // back to back, gaining 3 us a loop
            p.loopBegins(t);
            loops++;
        }
        assertEquals(123, loops, "366 us made up at 3 us a loop");
        Iperf2Pacing behind = new Iperf2Pacing(0);
        behind.loopBegins(0);
        behind.loopBegins(500 * US); // a target of 0 is always behind: lateness is let go
        behind.loopBegins(501 * US);
        assertEquals(0, behind.spinNanos());
    }

    @Test
    void theTargetIsWholeMicroseconds() {
        assertThrows(IllegalArgumentException.class, () -> new Iperf2Pacing(11_760));
    }
}
