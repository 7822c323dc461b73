package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;

/**
 * Two guests sending 300 B datagrams through Dom0 at once (xen-double): the guest that wakes on the
 * CPU Dom0 is not on sends while Dom0 runs; the other wakes on Dom0's CPU, switches it out, fills
 * its ring and waits. Which guest gets which role follows the order Dom0's upcall serves their
 * pending channels in: Xen 3.0.4's scan goes lowest port first, so the guest that connected first
 * leads in every run; a round-robin scan (Ongaro et al.'s fix) lets either lead. And seven guests
 * receiving TCP on one CPU under a Dom0 kernel that disallows nested upcalls (2.6.18-xen): Dom0 serves
 * one pending channel per run of its softirqs, lowest port first, so the first guests take its turns.
 */
class EventScanTest {

    private static final int TRIALS = 5;

    /** domU1's rate over domU2's, one per trial. */
    private static List<Double> leads(boolean fairScan) {
        Scenario s = new ScenarioLoader().load("xen-double", List.of("model.xen.dom0.fair-event-scan=" + fairScan))
                .scenario();
        List<Double> ratios = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            RunResult r = Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, 300, Direction.TX, t,
                    SimTime.millis(2000)));
            ratios.add(r.throughputMbps().get("domU1") / r.throughputMbps().get("domU2"));
        }
        return ratios;
    }

    @Test
    void theLowestPortFirstScanGivesTheFirstGuestTheLead() {
        List<Double> ratios = leads(false);
        assertTrue(ratios.stream().allMatch(r -> r > 1.2), "domU1 / domU2 per trial: " + ratios);
    }

    /** lit-7streams for 1 s: each guest's TCP rate. */
    private static Map<String, Double> sevenStreams(boolean nestedUpcalls) {
        Scenario s = new ScenarioLoader().load("lit-7streams",
                List.of("model.xen.dom0.nested-upcalls=" + nestedUpcalls)).scenario();
        return Experiment.run(s, new RunSpec(Transport.TCP, IpVersion.IPV4, 1448, Direction.RX, 0,
                SimTime.millis(1000))).throughputMbps();
    }

    private static double lowestTwo(Map<String, Double> rates) {
        return Math.min(rates.get("domU1"), rates.get("domU2"));
    }

    private static double highestOfTheLastFour(Map<String, Double> rates) {
        return List.of("domU4", "domU5", "domU6", "domU7").stream().mapToDouble(rates::get).max().orElseThrow();
    }

    @Test
    void withoutNestedUpcallsTheLowestPortsTakeDom0sTurns() {
        Map<String, Double> rates = sevenStreams(false);
        assertTrue(lowestTwo(rates) > 10 * highestOfTheLastFour(rates), "Mbit/s per guest: " + rates);
    }

    @Test
    void nestedUpcallsServeEveryGuestsChannel() {
        Map<String, Double> rates = sevenStreams(true);
        assertTrue(highestOfTheLastFour(rates) > lowestTwo(rates) / 10, "Mbit/s per guest: " + rates);
    }

    @Test
    void aRoundRobinScanLetsEitherGuestLead() {
        List<Double> ratios = leads(true);
        assertTrue(ratios.stream().anyMatch(r -> r > 1.05) && ratios.stream().anyMatch(r -> r < 1 / 1.05),
                "domU1 / domU2 per trial: " + ratios);
    }
}
