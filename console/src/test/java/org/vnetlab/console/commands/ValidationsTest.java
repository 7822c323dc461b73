package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Verdict;

/** How `vnetlab validate` lays its table out for the width it has. */
class ValidationsTest {

    private static final String LONG = "9 TCP shares of 7 receiving DomUs, 1 CPU, BOOST and tickle: fastest / slowest"
            + " [P; Ongaro, Cox, Rixner, VEE 2008 Fig. 3 ~1.5x (stock); Fig. 5 192.3/23.9 = 8.0x]";

    private static Validation two() {
        return new Validation(new Dataset("literature", List.of()), List.of(
                new Verdict("1 short", "2.00 .. 4.00", "7.79", "3.79 outside", "", Verdict.Status.FAIL, new double[0]),
                new Verdict(LONG, "1.50 .. 8.05", "1.72", "", "", Verdict.Status.PASS, new double[0])));
    }

    @Test
    void aTableThatFitsKeepsOneRowPerCheck() {
        String wide = Validations.table(two(), 1000);
        assertEquals(4, wide.lines().count(), wide);
        assertTrue(wide.lines().skip(3).findFirst().orElseThrow().startsWith(LONG), wide);
    }

    @Test
    void longLabelsGetLinesOfTheirOwnAndTheValuesStayAlignedWithinTheWidth() {
        String narrow = Validations.table(two(), 100);
        List<String> lines = narrow.lines().toList();
        assertEquals(6, lines.size(), narrow);
        assertEquals("1 short", lines.get(2));
        assertEquals(LONG, lines.get(4));
        for (int i : new int[] {0, 1, 3, 5}) {
            assertTrue(lines.get(i).length() <= 100, "a values line within the width: " + lines.get(i));
        }
        // each value column ends where the header's does
        assertEquals(lines.get(0).indexOf("model") + "model".length(), lines.get(3).indexOf("7.79") + "7.79".length());
        assertEquals(lines.get(3).indexOf("7.79") + 4, lines.get(5).indexOf("1.72") + 4);
    }
}
