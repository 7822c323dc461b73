package org.vnetlab.live.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.Requirements;

/** The namespace testbed: made as documented, shaped, and gone afterwards, also after a failure. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestbedTest {

    private String name;

    @BeforeEach
    void name() {
        Requirements.root();
        Requirements.tool("ip");
        Requirements.tool("tc");
        name = "vb" + (10000 + new Random().nextInt(89999));
    }

    private boolean exists(int host) {
        return Files.exists(Path.of("/run/netns", name + host));
    }

    @Test
    void twoHostsGetTheirAddressesAndShapingAndLeaveNothingBehind() {
        try (Testbed t = Testbed.up(name, false, new Shaping(DataRate.parse("100M"), null, 0))) {
            assertTrue(exists(1) && exists(2));
            // reachability is what the truth checks show; here the addresses, ready at once (no DAD)
            for (int h = 1; h <= 2; h++) {
                int host = h;
                String addr = Shell.run("ip", "-n", t.namespace(host), "addr", "show", "dev", t.device(host));
                assertTrue(addr.contains(Testbed.ipv4(host) + "/24") && addr.contains(Testbed.ipv6(host) + "/64"), addr);
                String v6 = addr.lines().filter(l -> l.contains(Testbed.ipv6(host) + "/64")).findFirst().orElseThrow();
                assertFalse(v6.contains("tentative"), v6);
                assertTrue(addr.contains("state UP"), addr);
            }
            String qdisc = Shell.run("tc", "-n", t.namespace(1), "qdisc", "show", "dev", t.device(1));
            assertTrue(qdisc.contains("tbf") && qdisc.contains("100Mbit"), qdisc);
            t.shape(Shaping.NONE);
            assertFalse(Shell.run("tc", "-n", t.namespace(1), "qdisc", "show", "dev", t.device(1)).contains("tbf"));
        }
        assertFalse(exists(1) || exists(2));
    }

    @Test
    void aFailedUpRemovesWhatItMade() {
        Shaping delay = new Shaping(null, Duration.ofMillis(1), 0);
        try {
            Testbed t = Testbed.up(name, true, delay);
            // this kernel has netem: the testbed is whole, with the delay on both sides
            try (t) {
                assertTrue(Shell.run("tc", "-n", t.namespace(2), "qdisc", "show").contains("netem"));
            }
        } catch (TestbedException e) {
            // no netem: the last step failed, and everything before it was undone
            assertTrue(e.getMessage().contains("tc"), e.getMessage());
        }
        assertFalse(exists(1) || exists(2));
    }

    @Test
    void aTestbedThatIsUpIsNotMadeTwice() {
        try (Testbed t = Testbed.up(name, false, Shaping.NONE)) {
            assertEquals(name + "1", t.namespace(1));
            TestbedException e = assertThrows(TestbedException.class, () -> Testbed.up(name, false, Shaping.NONE));
            assertTrue(e.getMessage().contains("exists already"), e.getMessage());
            assertTrue(exists(1) && exists(2), "the refused second up removed the first");
        }
        assertFalse(Testbed.down(name));
        assertEquals(List.of("netem", "delay", "1000us", "loss", "5.000%", "limit", "100000"),
                new Shaping(null, Duration.ofMillis(1), 5).qdisc());
    }
}
