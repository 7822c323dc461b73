package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;

/**
 * iperf 2.0's reporter thread and its ring ({@code model.iperf.report-ring-entries}): a data
 * thread that finds the ring full naps until its CPU's next tick, so an iperf process records
 * at most the ring's slots less two a tick. Natively that caps a small-datagram receiver at
 * 698 x HZ; in a Xen guest, whose busy VCPU takes timer events only at Xen's 10 ms ticks, it
 * keeps the sender from using its whole VCPU: which is why the study's iperf cannot have napped
 * so (its DomU sent at 100 % below 800 B).
 */
class IperfReportingTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final String RING = "model.iperf.report-ring-entries=700";
    private static final long MILLIS = 400;

    private static RunResult run(String scenario, Direction direction, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        Scenario s = LOADER.load(scenario, all).scenario();
        return Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, 36, direction, 0,
                SimTime.millis(MILLIS)));
    }

    /** Datagrams a second delivered to {@code guest}. */
    private static double perSecond(RunResult r, String guest) {
        return r.throughputMbps().get(guest) * 1e6 / (36 * 8);
    }

    @Test
    void aNativeReceiverRecordsAtMostARingATick() {
        double free = perSecond(run("native", Direction.RX), "host");
        double ringed = perSecond(run("native", Direction.RX, RING), "host");
        double cap = 698 * 250;
        assertTrue(ringed <= cap * 1.02, "at most 698 a tick of 250 Hz: " + ringed + " a second");
        assertTrue(ringed > cap * 0.8, "and about that many, offered more: " + ringed + " a second");
        assertTrue(free > cap * 1.3, "without the ring the receiver takes more: " + free + " a second");
    }

    @Test
    void theCapFollowsTheKernelsTick() {
        double at250 = perSecond(run("native", Direction.RX, RING), "host");
        double at1000 = perSecond(run("native", Direction.RX, RING, "model.linux.hz=1000"), "host");
        assertTrue(at1000 > at250 * 1.3, "a tick four times as often lets more through: " + at250 + " and "
                + at1000 + " a second");
    }

    @Test
    void aXenGuestThatNapsOnAFullRingCannotSendAtItsWholeCpu() {
        double free = run("xen-single", Direction.TX).cpuPercent().get("domU1");
        double ringed = run("xen-single", Direction.TX, RING, "model.xen.guest-hz=250").cpuPercent().get("domU1");
        assertTrue(free > 95, "without the ring the sending guest is CPU-bound, as the study saw: " + free + " %");
        assertTrue(ringed < 80, "with it the guest idles between its naps: " + ringed + " %");
    }

    @Test
    void offIsTheDefaultAndARingOfOneOrTwoSlotsIsRefused() {
        RunResult byDefault = run("native", Direction.RX);
        RunResult off = run("native", Direction.RX, "model.iperf.report-ring-entries=0");
        assertEquals(byDefault.throughputMbps(), off.throughputMbps());
        ConfigError e = assertThrows(ConfigError.class, () -> run("native", Direction.RX,
                "model.iperf.report-ring-entries=2"));
        assertTrue(e.getMessage().contains("model.iperf.report-ring-entries"), e.getMessage());
    }
}
