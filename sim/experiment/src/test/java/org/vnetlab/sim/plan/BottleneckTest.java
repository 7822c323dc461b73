package org.vnetlab.sim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.result.Point;

/**
 * The bottleneck read from a configuration's points; here the credit share: a Xen domain on the
 * packets' path using what its weight gives it, below a whole CPU, while packets are lost.
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
