package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;

/**
 * The time a domain had a VCPU OVER in Xen's credit scheduler. Credit is shared among the domains
 * with an active VCPU, and every guest a tick finds running is active however little it sends:
 * sixteen guests sending 1470 B keep Dom0 OVER (its credit spent, waiting ready as their BOOSTed
 * wakes preempt it) where two leave it UNDER. Without Xen there is no such time.
 */
class CpuOverTest {

    /**
     * {@code guests} guests of xen-double each sending 1470 B as fast as it can, for 0.8 s, sleeping
     * whenever ahead: the credit the guests' wakes take, not iperf 2's busy wait (with it two
     * spinning senders keep Dom0 OVER 30 % of the time).
     */
    private static RunResult send(int guests) {
        Scenario s = new ScenarioLoader().load("xen-double", List.of("xen.domUs=" + guests, "udp.pacing=timer"))
                .scenario();
        // shorter, the debt of sixteen guests' Dom0 is still building up (0.3 s: OVER 0 to 100 % by trial)
        return Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.TX, 0,
                SimTime.millis(800)));
    }

    @Test
    void manyLightGuestsKeepDom0OverWhereTwoDoNot() {
        RunResult two = send(2);
        RunResult sixteen = send(16);
        double overWithTwo = two.cpuOverPercent().get("dom0");
        double overWithSixteen = sixteen.cpuOverPercent().get("dom0");
        assertTrue(overWithSixteen > 90, "dom0 OVER with 16 guests: " + sixteen.cpuOverPercent());
        assertTrue(overWithTwo < 10, "dom0 OVER with 2 guests: " + two.cpuOverPercent());
        assertTrue(sixteen.cpuReadyPercent().get("dom0") > 5, "and waits ready: " + sixteen.cpuReadyPercent());
        assertEquals(sixteen.cpuPercent().keySet(), sixteen.cpuOverPercent().keySet());
        assertTrue(sixteen.cpuOverPercent().values().stream().allMatch(v -> v >= 0 && v <= 100),
                "a share of the time: " + sixteen.cpuOverPercent());
    }

    @Test
    void withoutXenNoDomainIsOver() {
        for (String scenario : List.of("native", "vserver-single", "kvm-single")) {
            Scenario s = new ScenarioLoader().load(scenario, List.of()).scenario();
            RunResult r = Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.RX, 0,
                    SimTime.millis(200)));
            assertTrue(r.cpuOverPercent().isEmpty(), scenario + ": " + r.cpuOverPercent());
            assertNull(Experiment.aggregate(s, "test", "defaults", List.of(r)).points().get(0).cpuOverPercent(),
                    scenario + ": the point has no OVER figure, so its JSON no key");
        }
    }
}
