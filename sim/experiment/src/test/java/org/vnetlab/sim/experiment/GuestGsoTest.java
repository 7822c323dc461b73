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
import org.vnetlab.sim.param.Costs;

/**
 * A Xen guest's TCP transmit in GSO skbs (Xen 3.0.4's netfront takes netback's feature-gso-tcpv4):
 * 45 segments of 1448 B per skb, on 18 ring slots. Dom0's bridge forwards the skb once and
 * netback's request work is per slot, so Dom0 saves, per segment, the bridge on 44 of 45 and the
 * request work on 27 of 45; the guest's TCP and IP output and netfront's request work shrink alike.
 */
class GuestGsoTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final int MSS = 1448;
    private static final long MILLIS = 3000;

    private static Scenario scenario(String name, boolean gso) {
        return LOADER.load(name, List.of("model.xen.netfront.gso=" + gso)).scenario();
    }

    private static RunResult send(Scenario s) {
        return Experiment.run(s, new RunSpec(Transport.TCP, IpVersion.IPV4, MSS, Direction.TX, 0,
                SimTime.millis(MILLIS)));
    }

    @Test
    void dom0SavesWhatTheSkbsSlotsAndItsOneBridgingSay() {
        Scenario withGso = scenario("xen-single", true);
        RunResult on = send(withGso);
        RunResult off = send(scenario("xen-single", false));
        double mbps = on.throughputMbps().get("domU1");
        // both fill the wire
        assertEquals(off.throughputMbps().get("domU1"), mbps, 0.01 * mbps);
        Costs c = new Costs(withGso.parameters());
        double savedPerSegment = c.netbackTx * (1 - 18.0 / 45) + c.bridge * (1 - 1.0 / 45);
        double segmentsPerSecond = mbps * 1e6 / 8 / MSS;
        double expected = segmentsPerSecond * savedPerSegment / withGso.host().cpuSpeed() / 1e9 * 100;
        double saved = off.cpuPercent().get("dom0") - on.cpuPercent().get("dom0");
        assertEquals(expected, saved, 0.15 * expected, "Dom0's CPU, % of one: " + off.cpuPercent().get("dom0")
                + " without GSO, " + on.cpuPercent().get("dom0") + " with");
        assertTrue(on.cpuPercent().get("domU1") < 0.7 * off.cpuPercent().get("domU1"),
                "the guest's CPU: " + off.cpuPercent().get("domU1") + " without GSO, " + on.cpuPercent().get("domU1"));
    }

    @Test
    void besideABurnerTheSenderKeepsMoreOfTheWireWithGso() {
        double on = send(scenario("xen-burned", true)).throughputMbps().get("domU2");
        double off = send(scenario("xen-burned", false)).throughputMbps().get("domU2");
        // without GSO Dom0 and the guest need more CPU than the burner leaves them
        assertTrue(on > 1.05 * off, "with GSO " + on + " Mbit/s, without " + off);
    }
}
