package org.vnetlab.sim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;

class VariationsTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static List<String> keys(String scenario) {
        Scenario s = LOADER.load(scenario, List.of()).scenario();
        return Variations.unpinned(s, LOADER.parameterSpecs()).stream().map(Variation::key).toList();
    }

    @Test
    void thePriorsOfTheScenariosPlatformAreVariedAndNothingAFitOrTheSourcePins() {
        List<String> xen = keys("xen-single");
        assertTrue(xen.contains("model.xen.vcpu-wake-ns"), xen.toString());
        assertTrue(xen.contains("model.cost.netback.tlb-flush-ns"), xen.toString());
        assertTrue(xen.contains("model.linux.tick-cost-ns"), "every platform runs Linux somewhere");
        assertFalse(xen.stream().anyMatch(k -> k.startsWith("model.cost.kvm.") || k.startsWith("model.cost.container.")),
                "another platform's costs cannot move a Xen run: " + xen);
        assertFalse(xen.contains("model.cost.bridge.per-packet-ns"), "fitted");
        assertFalse(xen.contains("model.linux.hz"), "the source's constant");
        List<String> kvm = keys("kvm-single");
        assertTrue(kvm.contains("model.cost.kvm.exit-ns"), kvm.toString());
        assertFalse(kvm.stream().anyMatch(k -> k.startsWith("model.xen.") || k.startsWith("model.cost.netback.")),
                kvm.toString());
    }

    private static List<String> testbed(String scenario, String... sets) {
        LoadedScenario l = LOADER.load(scenario, List.of(sets));
        return Variations.testbed(l, LOADER.testbedUnknowns()).stream().map(Variation::key).toList();
    }

    @Test
    void eachScenarioGetsTheTestbedsUnknownsItReadsAndCanTakeBothEndsOf() {
        assertEquals(List.of("peer.cpu-speed", "host.nic.irq-cpu", "peer.nic.irq-cpu"), testbed("vserver-burned"));
        // under Xen Dom0 takes the NIC's interrupt: which of its VCPUs, not which CPU
        assertEquals(List.of("peer.cpu-speed", "peer.nic.irq-cpu", "model.xen.dom0.nic-vcpu",
                "model.xen.dom0.netback-vcpu"), testbed("xen-burned"));
        assertEquals(List.of("peer.cpu-speed", "peer.nic.irq-cpu"), testbed("kvm-single"));
        // a CPU's index at the high end needs a second CPU
        assertEquals(List.of("peer.cpu-speed", "peer.nic.irq-cpu"), testbed("native", "host.cpus=1"));
        assertEquals(List.of("peer.cpu-speed", "peer.nic.irq-cpu"), testbed("lit-boost-7burners"), "Dom0 has one VCPU");
    }

    @Test
    void theTestbedsUnknownsAreVariedAtEndsEachScenarioTakes() {
        for (String scenario : List.of("native", "vserver-burned", "xen-burned", "container-single", "kvm-single")) {
            LoadedScenario l = LOADER.load(scenario, List.of());
            List<Variation> testbed = Variations.testbed(l, LOADER.testbedUnknowns());
            assertEquals("peer.cpu-speed", testbed.get(0).key(), scenario + ": machine 2's speed first");
            for (Variation v : testbed) {
                for (String end : v.sets()) {
                    LoadedScenario at = LOADER.load(scenario, List.of(end));
                    assertEquals(Double.parseDouble(end.substring(end.indexOf('=') + 1)), at.config().getDouble(v.key()),
                            1e-9, scenario + " " + end);
                }
            }
        }
    }

    @Test
    void aUsersVariationIsKeyLowDotDotHigh() {
        Variation v = Variations.parse("peer.cpu-speed=0.45..0.8");
        assertEquals(List.of("peer.cpu-speed=0.45", "peer.cpu-speed=0.8"), v.sets());
        assertEquals("udp.rate=100 Mbit/s", Variations.parse("udp.rate = 100 Mbit/s..200 Mbit/s").lowSet());
        for (String bad : List.of("peer.cpu-speed", "peer.cpu-speed=0.45", "=1..2", "k=..2", "k=1..", "k=1..1")) {
            assertThrows(IllegalArgumentException.class, () -> Variations.parse(bad), bad);
        }
    }

    @Test
    void swingsAreLargestFirstAndTheNegligibleAreSetApart() {
        Variation a = new Variation("a", "1", "2", "--vary");
        Variation b = new Variation("b", "1", "2", "--vary");
        Variation c = new Variation("c", "1", "2", "--vary");
        Map<Variation, Map<String, Headlines.Headline>> low = Map.of(a, at(99), b, at(80), c, at(100));
        Map<Variation, Map<String, Headlines.Headline>> high = Map.of(a, at(101), b, at(120), c, at(100.05));
        Swings s = Swings.of("x", new Headlines.Headline(100, 3), List.of(a, b, c), low, high);
        assertEquals(List.of(b, a), s.moving().stream().map(Swings.Swing::variation).toList());
        assertEquals(List.of(c), s.still().stream().map(Swings.Swing::variation).toList());
        assertEquals(40, s.moving().get(0).size(), 1e-9);
        assertEquals(80, s.span().low(), 1e-9);
        assertEquals(120, s.span().high(), 1e-9);
        assertEquals(3, s.trialSpread(), 1e-9);
    }

    private static Map<String, Headlines.Headline> at(double v) {
        return Map.of("x", new Headlines.Headline(v, 0));
    }
}
