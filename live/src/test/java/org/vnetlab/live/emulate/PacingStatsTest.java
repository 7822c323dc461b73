package org.vnetlab.live.emulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacingStatsTest {

    @Test
    void quantilesKeepATenthOfAPercentAndTheTailKeepsTheMaximum() {
        PacingStats s = new PacingStats();
        for (int i = 0; i < 98; i++) {
            s.record(1_050);
        }
        s.record(-5);
        s.record(20_000_000);
        assertEquals(1_050, s.quantileNanos(0.5), 1.05);
        assertEquals(1_050, s.quantileNanos(0.98), 1.05);
        assertEquals(20_000_000, s.quantileNanos(1.0), 20_000);
        assertEquals(0, s.quantileNanos(0.01), "early counts as on time");
        assertEquals(100, s.summary().samples());
        assertEquals(20_000, s.summary().maxUs(), 20);
    }
}
