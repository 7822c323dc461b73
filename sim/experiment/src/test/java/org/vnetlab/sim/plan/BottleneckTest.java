package org.vnetlab.sim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.result.Point;

/**
 * The bottleneck read from a configuration's points; here the credit share: a Xen domain on the
 * packets' path held to what its weight gives it while packets are lost or the senders held back:
 * OVER and waiting ready where the points measured OVER, else read from the CPU figures.
 */
class BottleneckTest {

    private static Scenario scenario(String name, String... sets) {
        return new ScenarioLoader().load(name, List.of(sets)).scenario();
    }

    /** Two guests' rx points at 36 B with these CPU figures and drops (each guest 16 Mbit/s). */
    private static List<Point> points(Map<String, Double> cpu, Map<String, Double> drops, String... guests) {
        return Arrays.stream(guests).map(g -> Point.builder().transport("udp").protocol("ipv4")
                .direction("rx").payload(36).guest(g).throughputMbps(16.0).loss(drops.isEmpty() ? 0.0 : 0.8)
                .cpuPercent(cpu).drops(drops).build()).toList();
    }

    private static final Map<String, Double> XEN_DOUBLE_36 = Map.of("dom0", 67.0, "domU1", 35.0, "domU2", 35.0);
    private static final Map<String, Double> NIC_DROPS = Map.of("host.nic.rx.drop", 1_312_753.0);

    @Test
    void sentFasterThanMachine2ReceivesItIsMachine2sQueueNotTheSendersCpu() {
        // xen-single at twice the CPU speed sending 36 B: both domains saturated, 80 % lost at machine 2
        List<Point> sent = points(Map.of("dom0", 100.0, "domU1", 100.0), Map.of("peer.socket.rx.drop", 269_266.0),
                "domU1").stream().map(p -> p.toBuilder().direction("tx").build()).toList();
        Bottleneck b = Bottleneck.of(scenario("xen-single"), sent, 97);
        assertEquals("queue peer.socket.rx.drop (machine 2 receives less than it is sent)", b.what());
        // received, drops are machine 1's and its saturated CPU is the limit
        Bottleneck rx = Bottleneck.of(scenario("xen-single"), points(Map.of("dom0", 100.0, "domU1", 100.0),
                NIC_DROPS, "domU1"), 97);
        assertTrue(rx.what().startsWith("CPU of "), rx.what());
    }

    @Test
    void dom0AtTheShareItsWeightGivesIsTheBottleneckWhilePacketsAreDropped() {
        Bottleneck b = Bottleneck.of(scenario("xen-double"), points(XEN_DOUBLE_36, NIC_DROPS, "domU1", "domU2"), 32);
        assertEquals("CPU share of dom0 (67 % of a CPU, at or above the 67 % its weight 256 of 768 among the busy"
                + " domains gives: OVER, the others' wakes preempt it)", b.what());
    }

    @Test
    void whereTheReadyTimeIsKnownTheHeldDomainWaitedForACpu() {
        List<Point> waited = points(XEN_DOUBLE_36, NIC_DROPS, "domU1", "domU2").stream()
                .map(p -> p.toBuilder().cpuReadyPercent(Map.of("dom0", 32.7, "domU1", 0.0, "domU2", 0.0)).build())
                .toList();
        Bottleneck b = Bottleneck.of(scenario("xen-double"), waited, 32);
        assertEquals("CPU share of dom0 (67 % of a CPU, waiting ready 33 %, at or above the 67 % its weight 256 of"
                + " 768 among the busy domains gives: OVER, the others' wakes preempt it)", b.what());
        assertTrue(b.evidence().contains("ready dom0 33 %, domU1 0 %, domU2 0 %"), b.evidence());
        // at its share but never kept waiting: the share did not hold it back
        List<Point> served = points(XEN_DOUBLE_36, NIC_DROPS, "domU1", "domU2").stream()
                .map(p -> p.toBuilder().cpuReadyPercent(Map.of("dom0", 1.0, "domU1", 0.0, "domU2", 0.0)).build())
                .toList();
        assertEquals("queue host.nic.rx.drop", Bottleneck.of(scenario("xen-double"), served, 32).what());
    }

    /**
     * As simulated (one trial of 1 s), the 64 guests of xen-double each sending 1470 B as fast as it
     * can: 842 of 957 Mbit/s carried, nothing lost; Dom0 at 46 % of a CPU, waiting ready 23 %, OVER
     * all the time; each guest at 0.8 % of a CPU, too little to count among the busy domains.
     */
    private static List<Point> sixtyFourSenders(Map<String, Double> dom0Over) {
        Map<String, Double> cpu = new LinkedHashMap<>(Map.of("dom0", 46.1));
        Map<String, Double> ready = new LinkedHashMap<>(Map.of("dom0", 23.0));
        Map<String, Double> over = dom0Over == null ? null : new LinkedHashMap<>(dom0Over);
        List<String> guests = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            String g = "domU" + i;
            guests.add(g);
            cpu.put(g, 0.8);
            ready.put(g, 0.5);
            if (over != null) {
                over.put(g, 0.0);
            }
        }
        return guests.stream().map(g -> Point.builder().transport("udp").protocol("ipv4").direction("tx")
                .payload(1470).guest(g).throughputMbps(842.0 / 64).loss(0.0).cpuPercent(cpu).cpuReadyPercent(ready)
                .cpuOverPercent(over).drops(Map.of()).build()).toList();
    }

    private static final Scenario SIXTY_FOUR = scenario("xen-double", "xen.domUs=64", "udp.direction=tx");

    @Test
    void dom0OverItsCreditWhileManyLightGuestsShareItIsHeldToItsShare() {
        Bottleneck b = Bottleneck.ofCarried(SIXTY_FOUR, sixtyFourSenders(Map.of("dom0", 100.0)));
        assertEquals("CPU share of dom0 (46 % of a CPU, waiting ready 23 %, OVER 100 % of the time: its credit,"
                + " shared by weight among the 65 domains that ran, is spent, so the others' BOOSTed wakes preempt"
                + " it)", b.what());
        assertTrue(b.evidence().contains("; over dom0 100 %, domU1 0 %, domU2 0 %"), b.evidence());
        // the guests, each under BUSY_PERCENT, earn no share as the CPU figures read: Dom0 would have
        // the machine to itself, and the senders look held back by nothing
        assertEquals(Set.of("dom0"), CreditShares.of((XenPlatform) SIXTY_FOUR.platform(), 2,
                sixtyFourSenders(null).get(0).cpuPercent()).shares().keySet());
        assertTrue(Bottleneck.ofCarried(SIXTY_FOUR, sixtyFourSenders(null)).what().startsWith("sender: the guests"),
                "a result written before the OVER figure is read as before");
    }

    @Test
    void waitingReadyWithoutBeingOverIsNotACreditShare() {
        // Dom0 waited but had credit left: the share did not hold it back
        Bottleneck under = Bottleneck.ofCarried(SIXTY_FOUR, sixtyFourSenders(Map.of("dom0", 20.0)));
        assertTrue(under.what().startsWith("sender: the guests"), under.what());
        // OVER without waiting ready: nothing kept it from a CPU
        List<Point> served = sixtyFourSenders(Map.of("dom0", 100.0)).stream()
                .map(p -> p.toBuilder().cpuReadyPercent(Map.of("dom0", 1.0)).build()).toList();
        assertTrue(Bottleneck.ofCarried(SIXTY_FOUR, served).what().startsWith("sender: the guests"));
    }

    /** xen-double's points at 36 B received with Dom0 ready 33 % and OVER {@code dom0Over} % of the time. */
    private static List<Point> twoGuests(double dom0Over) {
        return points(XEN_DOUBLE_36, NIC_DROPS, "domU1", "domU2").stream()
                .map(p -> p.toBuilder().cpuReadyPercent(Map.of("dom0", 32.6, "domU1", 0.0, "domU2", 0.0))
                        .cpuOverPercent(Map.of("dom0", dom0Over, "domU1", 0.0, "domU2", 0.0)).build()).toList();
    }

    @Test
    void twoBusyGuestsHoldDom0ToItsShareWhateverItsOverTimeSwungTo() {
        // OVER all the time: its credit spent, measured
        assertEquals("CPU share of dom0 (67 % of a CPU, waiting ready 33 %, OVER 100 % of the time: its credit,"
                + " shared by weight among the 3 domains that ran, is spent, so the others' BOOSTed wakes preempt"
                + " it)", Bottleneck.of(scenario("xen-double"), twoGuests(100), 32).what());
        // at its share its credit hovers at zero and the OVER time swings (200 B received, a 1 s run: 9 %):
        // the share the CPU figures show names it still
        assertEquals("CPU share of dom0 (67 % of a CPU, waiting ready 33 %, at or above the 67 % its weight 256 of"
                + " 768 among the busy domains gives: OVER, the others' wakes preempt it)",
                Bottleneck.of(scenario("xen-double"), twoGuests(9), 32).what());
    }

    @Test
    void atItsShareWithoutLossNothingIsLimited() {
        Bottleneck b = Bottleneck.of(scenario("xen-double"), points(XEN_DOUBLE_36, Map.of(), "domU1", "domU2"), 32);
        assertTrue(b.what().startsWith("none"), b.what());
    }

    @Test
    void carriedBelowWhatTheGuestsAskedWithoutLossIsWhatHeldTheSendersBack() {
        // each guest asks for 1000 Mbit/s and carries 16 with nothing lost: their senders blocked
        // behind Dom0, which waited ready at its share
        List<Point> heldBack = points(XEN_DOUBLE_36, Map.of(), "domU1", "domU2").stream()
                .map(p -> p.toBuilder().cpuReadyPercent(Map.of("dom0", 32.7, "domU1", 0.0, "domU2", 0.0)).build())
                .toList();
        assertTrue(Bottleneck.ofCarried(scenario("xen-double"), heldBack).what().startsWith("CPU share of dom0"));
        // asked for no more than they carried: nothing held them back, whatever Dom0 waited
        Scenario asked16 = scenario("xen-double", "udp.rate=16 Mbit/s");
        assertTrue(Bottleneck.ofCarried(asked16, heldBack).what().startsWith("none"));
        // a bulk transfer asks for all it gets: what it carried
        List<Point> tcp = heldBack.stream().map(p -> p.toBuilder().transport("tcp").build()).toList();
        assertTrue(Bottleneck.ofCarried(scenario("xen-double"), tcp).what().startsWith("none"));
    }

    @Test
    void withMoreWeightDom0IsNoLongerHeldToAShare() {
        // weight 512 of 1024 gives Dom0 a whole CPU: the drops are then the queue's
        Bottleneck b = Bottleneck.of(scenario("xen-double", "xen.dom0.weight=512"),
                points(XEN_DOUBLE_36, NIC_DROPS, "domU1", "domU2"), 32);
        assertEquals("queue host.nic.rx.drop", b.what());
    }

    @Test
    void aBurningGuestIsNotOnThePacketsPath() {
        // the burner at its share (73 of 67 %) is not named; Dom0 is far below its share
        Bottleneck b = Bottleneck.of(scenario("xen-burned"),
                points(Map.of("dom0", 40.0, "domU1", 73.0, "domU2", 30.0), NIC_DROPS, "domU2"), 16);
        assertEquals("queue host.nic.rx.drop", b.what());
    }

    @Test
    void onlyXenSharesByWeight() {
        Bottleneck b = Bottleneck.of(scenario("vserver-double"),
                points(Map.of("host", 67.0, "ctx1", 35.0, "ctx2", 35.0), NIC_DROPS, "ctx1", "ctx2"), 32);
        assertEquals("queue host.nic.rx.drop", b.what());
    }

    @Test
    void aShareAboveWhatADomainCanUseGoesToTheOthers() {
        XenPlatform xen = (XenPlatform) scenario("xen-double", "xen.domUs=[{name=domU1, cap=20}, {name=domU2}]")
                .platform();
        CreditShares c = CreditShares.of(xen, 2, Map.of("dom0", 90.0, "domU1", 20.0, "domU2", 60.0));
        assertEquals(20.0, c.shares().get("domU1"), 1e-9);
        assertEquals(90.0, c.shares().get("dom0"), 1e-9);
        assertEquals(90.0, c.shares().get("domU2"), 1e-9);
    }

    @Test
    void aDomainThatHardlyRunsEarnsNoShare() {
        XenPlatform xen = (XenPlatform) scenario("xen-double").platform();
        CreditShares c = CreditShares.of(xen, 2, Map.of("dom0", 90.0, "domU1", 2.0, "domU2", 60.0));
        assertEquals(Map.of("dom0", 100.0, "domU2", 100.0), c.shares());
        assertEquals(512, c.weight());
    }
}
