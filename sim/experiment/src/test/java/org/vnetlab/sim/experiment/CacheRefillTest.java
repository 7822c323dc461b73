package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.kernel.Fidelity;
import org.vnetlab.sim.model.Testbed;

/**
 * A Xen switch's cache refill (`model.xen.cache-refill-ns`) is spent only after a VCPU whose work
 * displaced caches: it moves what a CPU burner's neighbours get, and nothing where every domain
 * moves packets (a VCPU that woke only for its timer tick would skip it too).
 */
class CacheRefillTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static RunResult run(String scenario, String refill, int payload) {
        Scenario s = LOADER.load(scenario, List.of("model.xen.cache-refill-ns=" + refill)).scenario();
        return Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, payload, Direction.RX, 0,
                SimTime.seconds(1), Fidelity.TRAINS));
    }

    @Test
    void whereEveryDomainMovesPacketsTheRefillIsAlwaysSpent() {
        // xen-double's switches all follow a domain moving packets: each pays the whole switch
        RunResult none = run("xen-double", "0", 300);
        RunResult some = run("xen-double", "2500", 300);
        assertEquals(none.throughputMbps(), some.throughputMbps());
        assertEquals(none.cpuPercent(), some.cpuPercent());
    }

    @Test
    void besideABurnerTheNeighboursSwitchesCostLess() {
        // the burner's loop leaves the caches as they were: Dom0 and the measured guest switch in
        // after it for the switch alone, and spend less CPU a datagram
        RunResult whole = run("xen-burned", "0", 1470);
        RunResult light = run("xen-burned", "2500", 1470);
        double wholeCost = ioCpuPerMbit(whole);
        double lightCost = ioCpuPerMbit(light);
        assertTrue(lightCost < 0.97 * wholeCost, "Dom0 and domU2's CPU per Mbit/s: " + lightCost + " against "
                + wholeCost);
    }

    private static double ioCpuPerMbit(RunResult r) {
        return (r.cpuPercent().get("dom0") + r.cpuPercent().get("domU2")) / r.throughputMbps().get("domU2");
    }

    @Test
    void aRefillLongerThanTheWholeSwitchIsAnErrorNamingBothKeys() {
        Scenario s = LOADER.load("xen-single", List.of("model.xen.cache-refill-ns=6000")).scenario();
        ConfigError e = assertThrows(ConfigError.class, () -> new Testbed(s, 1));
        assertTrue(e.getMessage().contains("model.xen.cache-refill-ns (6000 ns)")
                && e.getMessage().contains("model.xen.vcpu-wake-ns (5000 ns)"), e.getMessage());
    }
}
