package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuMasksTest {

    @Test
    void everyCpuOfAMachineIsInItsMaskUpTo64() {
        assertEquals(0b1L, CpuMasks.all(1));
        assertEquals(0b11L, CpuMasks.all(2));
        assertEquals(Long.MAX_VALUE, CpuMasks.all(63));
        assertEquals(64, Long.bitCount(CpuMasks.all(64)), "a shift by 64 would give no CPU at all");
    }

    @Test
    void aMachineOutsideOneTo64CpusIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CpuMasks.all(0));
        assertThrows(IllegalArgumentException.class, () -> CpuMasks.all(65));
    }
}
