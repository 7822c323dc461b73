package org.vnetlab.live.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void aFailedCommandIsOneLineWithItsFirstLineOfError() {
        TestbedException e = assertThrows(TestbedException.class,
                () -> Shell.run(List.of("sh", "-c", "echo 'bad thing'; echo more; exit 3")));
        assertEquals("`sh -c echo 'bad thing'; echo more; exit 3` failed: bad thing", e.getMessage());
    }

    @Test
    void aQdiscTheKernelLacksNamesTheModule() {
        TestbedException e = assertThrows(TestbedException.class,
                () -> Shell.run(List.of("sh", "-c", "echo 'Error: Specified qdisc kind is unknown.'; exit 2")));
        assertTrue(e.getMessage().endsWith("(the kernel lacks the qdisc's module: modprobe sch_netem for --delay and"
                + " --loss, sch_tbf for --rate)"), e.getMessage());
    }
}
