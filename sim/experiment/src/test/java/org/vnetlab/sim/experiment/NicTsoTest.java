package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.param.GuestStack;

/**
 * A NIC with TCP segmentation offload ({@code nic.tso}): Linux hands it TCP over IPv4 in skbs of 45
 * segments of 1448 B, so TCP and IP output and the driver's transmit run once per 45 segments; a
 * Xen guest's GSO skbs reach Dom0's driver whole. TCP over IPv6 is not offloaded in 2.6.16.
 */
class NicTsoTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final long MILLIS = 3000;
    private static final double SAVED_SHARE = 1 - 1.0 / 45;

    private static Scenario scenario(String name, boolean tso) {
        return LOADER.load(name, List.of("host.nic.tso=" + tso)).scenario();
    }

    private static RunResult send(Scenario s, IpVersion ip) {
        int mss = ip == IpVersion.IPV4 ? 1448 : 1428;
        return Experiment.run(s, new RunSpec(Transport.TCP, ip, mss, Direction.TX, 0, SimTime.millis(MILLIS)));
    }

    /** CPU, % of one, that {@code nanosSaved} per segment of 1448 B at {@code mbps} comes to. */
    private static double percentOf(double nanosSaved, double mbps, Scenario s) {
        double segmentsPerSecond = mbps * 1e6 / 8 / 1448;
        return segmentsPerSecond * nanosSaved / s.host().cpuSpeed() / 1e9 * 100;
    }

    @Test
    void nativeLinuxSavesItsTcpIpAndDriverWorkOn44Of45Segments() {
        Scenario withTso = scenario("native", true);
        RunResult on = send(withTso, IpVersion.IPV4);
        RunResult off = send(scenario("native", false), IpVersion.IPV4);
        double mbps = on.throughputMbps().get("host");
        assertEquals(off.throughputMbps().get("host"), mbps, 0.01 * mbps, "both fill the wire");
        Costs c = new Costs(withTso.parameters());
        double perSkb = GuestStack.nativeKernel(c).tx(PacketKind.of(IpVersion.IPV4, Transport.TCP).outwards())
                + c.driverTx;
        double expected = percentOf(perSkb * SAVED_SHARE, mbps, withTso);
        double saved = off.cpuPercent().get("host") - on.cpuPercent().get("host");
        assertEquals(expected, saved, 0.15 * expected, "the host's CPU, % of one: " + off.cpuPercent().get("host")
                + " without TSO, " + on.cpuPercent().get("host") + " with");
    }

    @Test
    void tcpOverIpv6IsNotOffloaded() {
        RunResult on = send(scenario("native", true), IpVersion.IPV6);
        RunResult off = send(scenario("native", false), IpVersion.IPV6);
        assertEquals(off.throughputMbps(), on.throughputMbps());
        assertEquals(off.cpuPercent(), on.cpuPercent());
    }

    @Test
    void dom0HandsAGuestsGsoSkbToTheDriverWhole() {
        Scenario withTso = scenario("xen-single", true);
        RunResult on = send(withTso, IpVersion.IPV4);
        RunResult off = send(scenario("xen-single", false), IpVersion.IPV4);
        double mbps = on.throughputMbps().get("domU1");
        assertEquals(off.throughputMbps().get("domU1"), mbps, 0.01 * mbps, "both fill the wire");
        double expected = percentOf(new Costs(withTso.parameters()).driverTx * SAVED_SHARE, mbps, withTso);
        double saved = off.cpuPercent().get("dom0") - on.cpuPercent().get("dom0");
        assertEquals(expected, saved, 0.3 * expected, "Dom0's CPU, % of one: " + off.cpuPercent().get("dom0")
                + " without TSO, " + on.cpuPercent().get("dom0") + " with");
    }
}
