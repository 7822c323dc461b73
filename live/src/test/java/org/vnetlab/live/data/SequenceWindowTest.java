package org.vnetlab.live.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vnetlab.live.data.SequenceWindow.Verdict;

class SequenceWindowTest {

    @Test
    void newLateAndRepeated() {
        SequenceWindow w = new SequenceWindow();
        assertEquals(Verdict.IN_ORDER, w.take(0));
        assertEquals(Verdict.IN_ORDER, w.take(5));
        assertEquals(Verdict.LATE, w.take(3));
        assertEquals(Verdict.REPEATED, w.take(3));
        assertEquals(Verdict.REPEATED, w.take(5));
        assertEquals(Verdict.REPEATED, w.take(0));
        assertEquals(Verdict.LATE, w.take(4));
    }

    /** A slot reused by a number one window later is free again, whether the step was one or a leap. */
    @Test
    void theWindowSlidesWithTheHighest() {
        SequenceWindow w = new SequenceWindow();
        for (long s = 0; s < 3L * SequenceWindow.SIZE; s += 3) {
            assertEquals(Verdict.IN_ORDER, w.take(s));
        }
        long highest = 3L * SequenceWindow.SIZE - 3;
        assertEquals(Verdict.LATE, w.take(highest - 1));
        assertEquals(Verdict.REPEATED, w.take(highest - 3));
        assertEquals(Verdict.REPEATED, w.take(highest - SequenceWindow.SIZE), "too old to tell");
        assertEquals(Verdict.LATE, w.take(highest - SequenceWindow.SIZE + 2));
        long leap = highest + 10L * SequenceWindow.SIZE + 17;
        assertEquals(Verdict.IN_ORDER, w.take(leap));
        for (long s = leap - 1; s > leap - 200; s--) {
            assertEquals(Verdict.LATE, w.take(s), "after a leap nothing below is marked: " + s);
        }
        assertEquals(Verdict.IN_ORDER, w.take(leap + 130));
        assertEquals(Verdict.LATE, w.take(leap + 64), "the words a step clears are cleared whole and in part");
        assertEquals(Verdict.REPEATED, w.take(leap - 100));
    }
}
