package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.KvmPlatform;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.IpAddress;

/** Scenarios of the KVM platform: generated and listed guests, the burned pair, mistakes. */
class KvmScenarioTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static KvmPlatform platform(String name, List<String> sets) {
        return (KvmPlatform) LOADER.load(name, sets).scenario().platform();
    }

    @Test
    void aNumberOfGuestsGivesNamedVirtualMachinesWithTheirOwnAddresses() {
        KvmPlatform p = platform("kvm-double", List.of());
        assertEquals("kvm", p.kind());
        assertEquals(List.of("vm1", "vm2"), p.guestNames());
        assertEquals(List.of("host", "vm1", "vm2"), p.domainNames());
        assertEquals(List.of(IpAddress.parse("198.18.0.41"), IpAddress.parse("fd00::29")), p.guests().get(0).addresses());
        assertEquals(1, platform("kvm-single", List.of()).guests().size());
        assertEquals(4, platform("kvm-single", List.of("kvm.guests=4")).guests().size());
    }

    @Test
    void theBurnedScenarioBurnsInOneGuestAndMeasuresTheOther() {
        Scenario s = LOADER.load("kvm-burned", List.of()).scenario();
        assertEquals(List.of("vm1"), s.workloads(CpuBurner.class).stream().map(CpuBurner::guest).toList());
        assertTrue(s.workloads(UdpStream.class).stream().allMatch(u -> u.guest().equals("vm2")));
    }

    @Test
    void aListOfGuestsNamesThemAndTheRenderedScenarioLoadsBack() {
        LoadedScenario s = LOADER.load("kvm-single", List.of(
                "kvm.guests=[{name = web, addresses = [\"198.18.1.1\"]}, {name = db, addresses = [\"198.18.1.2\"]}]"));
        assertEquals(List.of("web", "db"), s.scenario().platform().guestNames());
        assertTrue(s.render().contains("web"), s.render());
    }

    @Test
    void twoGuestsClaimingOneAddressIsOneLine() {
        ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load("kvm-single", List.of(
                "kvm.guests=[{name = a, addresses = [\"198.18.1.1\"]}, {name = b, addresses = [\"198.18.1.1\"]}]")));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("kvm.guests") && e.getMessage().contains("198.18.1.1"), e.getMessage());
    }

    @Test
    void aBadGuestCountIsOneLineNamingTheKey() {
        ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load("kvm-single", List.of("kvm.guests=yes")));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("kvm.guests"), e.getMessage());
    }

    @Test
    void aPeerOnTheSameMachineIsNotForKvm() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> LOADER.load("kvm-single", List.of("link.same-machine=true")));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("link.same-machine") && e.getMessage().contains("KVM"), e.getMessage());
    }
}
