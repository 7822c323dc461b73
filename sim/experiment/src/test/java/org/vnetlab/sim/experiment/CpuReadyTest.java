package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The time a domain's VCPUs wait ready in Xen's run queues (xenmon's waiting time): where two
 * guests at 36 B hold Dom0 to its credit share it waits a third of the time, where the wire is the
 * limit it hardly waits, and without a hypervisor there is no such time.
 */
class CpuReadyTest {

    private static RunResult run(String scenario, int payload) {
        Scenario s = new ScenarioLoader().load(scenario, List.of()).scenario();
        return Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, payload, Direction.RX, 0,
                SimTime.millis(1000)));
    }

    @Test
    void dom0HeldToItsShareWaitsReadyForACpu() {
        RunResult small = run("xen-double", 36);
        assertTrue(small.cpuReadyPercent().get("dom0") > 20, "dom0 ready at 36 B: " + small.cpuReadyPercent());
        RunResult large = run("xen-double", 1470);
        assertTrue(large.cpuReadyPercent().get("dom0") < 2, "dom0 ready at 1470 B: " + large.cpuReadyPercent());
        assertEquals(small.cpuPercent().keySet(), small.cpuReadyPercent().keySet());
    }

    @Test
    void withoutAHypervisorNothingWaitsInItsQueues() {
        assertTrue(run("native", 1470).cpuReadyPercent().isEmpty());
        assertTrue(run("vserver-single", 1470).cpuReadyPercent().isEmpty());
    }
}
