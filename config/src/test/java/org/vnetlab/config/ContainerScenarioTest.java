package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.model.ContainerPlatform;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.IpAddress;

/** Scenarios of the container platform: generated and listed containers, the attachment, mistakes. */
class ContainerScenarioTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static ContainerPlatform platform(String name, List<String> sets) {
        return (ContainerPlatform) LOADER.load(name, sets).scenario().platform();
    }

    @Test
    void aNumberOfGuestsGivesNamedContainersWithTheirOwnAddressesOnABridge() {
        ContainerPlatform p = platform("container-double", List.of());
        assertEquals(List.of("ct1", "ct2"), p.guestNames());
        assertEquals(List.of("host", "ct1", "ct2"), p.domainNames());
        assertEquals(List.of(IpAddress.parse("198.18.0.31"), IpAddress.parse("fd00::1f")), p.containers().get(0)
                .addresses());
        assertEquals(ContainerPlatform.Attach.BRIDGE, p.attach());
        assertEquals(ContainerPlatform.Attach.ROUTED, platform("container-single", List.of("container.attach=routed"))
                .attach());
        assertEquals(4, platform("container-double", List.of("container.guests=4")).containers().size());
    }

    @Test
    void theBurnedScenarioBurnsInOneContainerAndMeasuresTheOther() {
        Scenario s = LOADER.load("container-burned", List.of()).scenario();
        assertEquals(List.of("ct1"), s.workloads(CpuBurner.class).stream().map(CpuBurner::guest).toList());
        assertTrue(s.workloads(UdpStream.class).stream().allMatch(u -> u.guest().equals("ct2")));
    }

    @Test
    void aListOfContainersNamesThem() {
        ContainerPlatform p = platform("container-single", List.of(
                "container.guests=[{name = web, addresses = [\"198.18.1.1\"]}, {name = db, addresses = [\"198.18.1.2\"]}]"));
        assertEquals(List.of("web", "db"), p.guestNames());
    }

    @Test
    void anUnknownAttachmentIsOneLineListingTheValidOnes() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> LOADER.load("container-single", List.of("container.attach=macvlan")));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("container.attach") && e.getMessage().contains("bridge, routed"),
                e.getMessage());
    }

    @Test
    void aPeerOnTheSameMachineIsNotForXen() {
        assertTrue(LOADER.load("container-double", List.of("link.same-machine=true")).scenario().link().sameMachine());
        ConfigError e = assertThrows(ConfigError.class,
                () -> LOADER.load("xen-single", List.of("link.same-machine=true")));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("link.same-machine") && e.getMessage().contains("not under Xen"),
                e.getMessage());
    }

    @Test
    void twoContainersClaimingOneAddressIsAnError() {
        ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load("container-single", List.of(
                "container.guests=[{name = a, addresses = [\"198.18.1.1\"]}, {name = b, addresses = [\"198.18.1.1\"]}]")));
        assertTrue(e.getMessage().contains("container.guests") && e.getMessage().contains("198.18.1.1"),
                e.getMessage());
    }
}
