package org.vnetlab.core.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataRateTest {

    @Test
    void parsesTheUsualSpellings() {
        assertEquals(1_000_000_000L, DataRate.parse("1 Gbit/s").bitsPerSecond());
        assertEquals(500_000_000L, DataRate.parse("500Mbit/s").bitsPerSecond());
        assertEquals(1_000_000_000L, DataRate.parse("1000M").bitsPerSecond());
        assertEquals(2_500_000L, DataRate.parse("2.5m").bitsPerSecond());
        assertEquals(64_000L, DataRate.parse("64 kbps").bitsPerSecond());
    }

    @Test
    void rejectsNonsenseZeroAndNegative() {
        assertThrows(IllegalArgumentException.class, () -> DataRate.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> DataRate.parse("0 Mbit/s"));
        assertThrows(IllegalArgumentException.class, () -> DataRate.parse("-5M"));
    }

    @Test
    void serialisationTimeRoundsUp() {
        assertEquals(672, DataRate.gbps(1).nanosFor(84));
        assertEquals(1, DataRate.gbps(10).nanosFor(1));
        assertEquals("1 Gbit/s", DataRate.parse("1000M").toString());
    }

    /** A probe request of 10^7 probes of 65507 B once overflowed into a negative time. */
    @Test
    void serialisationTimeOfHugeAmountsIsExactOrSaturates() {
        long bytes = 65_507L * 10_000_000L;
        assertEquals(bytes * 8, DataRate.gbps(1).nanosFor(bytes));
        assertEquals(1_000_000_000_000_000_000L, new DataRate(16).nanosFor(2_000_000_000L));
        assertEquals(Long.MAX_VALUE, new DataRate(1).nanosFor(Long.MAX_VALUE));
        long edge = Long.MAX_VALUE / 8_000_000_000L;
        assertEquals(edge * 8, DataRate.gbps(1).nanosFor(edge));
        assertEquals((edge + 1) * 8, DataRate.gbps(1).nanosFor(edge + 1));
        assertEquals(3, new DataRate(3_000_000_000L).nanosFor(1), "8/3 ns rounds up");
    }
}
