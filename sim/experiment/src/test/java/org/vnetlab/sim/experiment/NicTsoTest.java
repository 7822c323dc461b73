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

    /** The same TCP over IPv4 transmit with and without TSO; both fill the wire. */
    private record Pair(Scenario withTso, RunResult on, RunResult off, double mbps) {
        static Pair of(String name, String guest) {
            Scenario withTso = scenario(name, true);
            RunResult on = send(withTso, IpVersion.IPV4);
            RunResult off = send(scenario(name, false), IpVersion.IPV4);
            double mbps = on.throughputMbps().get(guest);
            assertEquals(off.throughputMbps().get(guest), mbps, 0.01 * mbps, "both fill the wire");
            return new Pair(withTso, on, off, mbps);
        }

        /** CPU, % of one, that domain {@code cpu} saved with TSO. */
        double saved(String cpu) {
            return off.cpuPercent().get(cpu) - on.cpuPercent().get(cpu);
        }

        String cpus(String cpu) {
            return cpu + "'s CPU, % of one: " + off.cpuPercent().get(cpu) + " without TSO, " + on.cpuPercent().get(cpu)
                    + " with";
        }
    }

    @Test
    void nativeLinuxSavesItsTcpIpAndDriverWorkOn44Of45Segments() {
        Pair p = Pair.of("native", "host");
        Costs c = new Costs(p.withTso().parameters());
        double perSkb = GuestStack.nativeKernel(c).tx(PacketKind.of(IpVersion.IPV4, Transport.TCP).outwards())
                + c.driverTx;
        double expected = percentOf(perSkb * SAVED_SHARE, p.mbps(), p.withTso());
        assertEquals(expected, p.saved("host"), 0.15 * expected, p.cpus("host"));
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
        Pair p = Pair.of("xen-single", "domU1");
        double expected = percentOf(new Costs(p.withTso().parameters()).driverTx * SAVED_SHARE, p.mbps(),
                p.withTso());
        assertEquals(expected, p.saved("dom0"), 0.3 * expected, p.cpus("dom0"));
    }
}
