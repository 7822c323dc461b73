package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.cli.Cli;

/** bench sim as a user runs it: one row per guest count, and one-line errors for what it cannot take. */
class BenchSimCommandTest {

    @Test
    void printsOneRowPerGuestCountWithPacketsPerCoreAndEventsPerPacket() {
        EmulateCommandTest.Run r = EmulateCommandTest.run("bench", "sim", "--guests", "1,4", "--payload", "1470",
                "--seconds", "1", "--runs", "1", "--warm-up", "1");
        assertEquals(Cli.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).endsWith("median of 1 run after 1 warm-up run"), lines.get(0));
        assertTrue(lines.get(1).contains("packets/s/core") && lines.get(1).contains("events/pkt"), r.out());
        assertEquals(4, lines.size(), r.out());
        for (String row : lines.subList(2, 4)) {
            String[] cells = row.trim().split("\\s+");
            assertEquals(6, cells.length, row);
            assertTrue(Double.parseDouble(cells[2]) > 0 && Double.parseDouble(cells[4]) >= 1, row);
        }
        assertTrue(lines.get(2).startsWith("1 ") && lines.get(3).startsWith("4 "), r.out());
    }

    @Test
    void guestCountsAndPayloadsItCannotTakeAreOneLineUsageErrors() {
        EmulateCommandTest.Run many = EmulateCommandTest.run("bench", "sim", "--guests", "65");
        assertEquals(Cli.USAGE, many.code());
        assertEquals(List.of("vnetlab: bench sim: --guests 65: expected 1 to 64"), many.err().lines().toList());
        EmulateCommandTest.Run nat = EmulateCommandTest.run("bench", "sim", "--scenario", "native", "--guests", "2");
        assertEquals(Cli.USAGE, nat.code());
        assertTrue(nat.err().startsWith("vnetlab: bench sim: --guests needs a Xen, VServer, container or KVM scenario"),
                nat.err());
        EmulateCommandTest.Run zero = EmulateCommandTest.run("bench", "sim", "--guests", "0");
        assertEquals(Cli.USAGE, zero.code());
        assertEquals(1, zero.err().lines().count(), zero.err());
        EmulateCommandTest.Run negative = EmulateCommandTest.run("bench", "sim", "--warm-up", "-1");
        assertEquals(Cli.USAGE, negative.code());
        assertEquals(List.of("vnetlab: bench sim: --warm-up -1: expected an integer, 0 to 2147483647"),
                negative.err().lines().toList());
        EmulateCommandTest.Run huge = EmulateCommandTest.run("bench", "sim", "--payload", "1473");
        assertEquals(Cli.USAGE, huge.code());
        assertEquals(1, huge.err().lines().count(), huge.err());
        assertTrue(huge.err().startsWith("vnetlab: bench sim: --payload 1473: ") && huge.err().contains("1472"),
                huge.err());
        EmulateCommandTest.Run rtt = EmulateCommandTest.run("bench", "sim", "--scenario", "rtt");
        assertEquals(Cli.USAGE, rtt.code());
        assertEquals(List.of("vnetlab: bench sim: --scenario rtt has no UDP stream to time (its workloads: rtt); give one"
                + " that has, e.g. xen-single"), rtt.err().lines().toList());
    }
}
