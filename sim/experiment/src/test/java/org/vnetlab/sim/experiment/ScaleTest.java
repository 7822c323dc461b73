package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.bench.SimBenchmark;

/**
 * The simulator's range: 1 to 64 guests on 1 to 64 physical CPUs, NICs of 1 to 100 Gbit/s,
 * Xen and VServer, each guest offered its share of twice the wire. Every combination ends,
 * nothing exceeds the wire or the CPUs, and traffic gets through. (Speed is measured by
 * `vnetlab bench sim --guests`, not here.)
 */
class ScaleTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final int PAYLOAD = 1470;

    @ParameterizedTest(name = "{0}, {1} guests, {2} CPUs, {3} Gbit/s")
    @CsvSource({
        "xen-single, 1, 1, 1", "xen-single, 64, 1, 1", "xen-single, 1, 64, 1", "xen-single, 64, 64, 1",
        "xen-single, 1, 2, 10", "xen-single, 64, 64, 10", "xen-single, 8, 8, 25", "xen-single, 64, 64, 100",
        "vserver-single, 1, 1, 1", "vserver-single, 64, 1, 1", "vserver-single, 1, 64, 1",
        "vserver-single, 64, 64, 1", "vserver-single, 1, 2, 10", "vserver-single, 64, 64, 10",
        "vserver-single, 8, 8, 25", "vserver-single, 64, 64, 100"
    })
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void guestsCpusAndNicsFromSmallToLarge(String platform, int guests, int cpus, int gbps) {
        Scenario base = SimBenchmark.scenario(LOADER, platform, guests);
        String rate = "\"" + gbps + " Gbit/s\"";
        long perGuest = 2L * gbps * 1_000_000_000L / guests;
        // one CPU sample, the same for every domain: a median per domain of several samples may
        // sum above the CPUs when the shares move between samples
        Scenario s = LOADER.load(platform, List.of(key(platform) + "=" + guests, "host.cpus=" + cpus,
                "host.nic.rate=" + rate, "peer.nic.rate=" + rate, "link.rate=" + rate,
                "udp.rate=\"" + perGuest + " bit/s\"", "udp.pacing=timer", "method.cpu-samples-kept=1")).scenario();
        assertEquals(base.platform().guestNames(), s.platform().guestNames());
        for (Direction leg : List.of(Direction.RX, Direction.TX)) {
            RunResult r = Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, PAYLOAD, leg, 0,
                    SimTime.millis(20)));
            double wire = Ethernet.maxGoodputMbps(DataRate.gbps(gbps), PAYLOAD, IpVersion.IPV4, Transport.UDP);
            double sum = r.throughputMbps().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(guests, r.throughputMbps().size());
            assertTrue(sum <= wire, leg.key() + ": " + sum + " Mbit/s above the wire's " + wire);
            // at 100 Gbit/s Dom0's one VCPU doing all network work, not the wire, is the bound
            assertTrue(sum > Math.min(0.05 * wire, 500), leg.key() + ": only " + sum + " Mbit/s got through");
            double cpu = r.cpuPercent().values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(cpu <= 100.0 * cpus + 1e-6, leg.key() + ": domains at " + cpu + " % on " + cpus + " CPUs");
        }
    }

    private static String key(String platform) {
        return platform.startsWith("xen") ? "xen.domUs" : "vserver.contexts";
    }
}
