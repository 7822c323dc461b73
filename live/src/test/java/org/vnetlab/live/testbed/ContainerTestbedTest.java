package org.vnetlab.live.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.live.Requirements;

/**
 * The container testbed: the peer reaches every container through the host's bridge over IPv4 and
 * IPv6, and afterwards no namespace and no process started in one is left. Needs root, iproute2
 * and ping ({@link Requirements}: skipped without them, failed under CI).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ContainerTestbedTest {

    private String name;

    @BeforeEach
    void name() {
        Requirements.root();
        Requirements.tool("ip");
        Requirements.tool("ping");
        name = "vc" + (10000 + new Random().nextInt(89999));
    }

    private static boolean exists(String ns) {
        return Files.exists(Path.of("/run/netns", ns));
    }

    private static void ping(String ns, String address) {
        Shell.run(ContainerTestbed.exec(ns, List.of("ping", "-c", "1", "-W", "2", address)));
    }

    @Test
    void thePeerReachesEveryContainerThroughTheBridgeAndNothingIsLeftBehind() throws Exception {
        List<String> namespaces;
        ProcessHandle sleeper;
        try (ContainerTestbed t = ContainerTestbed.up(name, 2)) {
            namespaces = t.namespaces();
            assertEquals(List.of(name + "h", name + "p", name + "c1", name + "c2"), namespaces);
            namespaces.forEach(ns -> assertTrue(exists(ns), ns));
            for (int i = 1; i <= 2; i++) {
                ping(t.peer(), ContainerTestbed.containerIpv4(i));
                ping(t.peer(), ContainerTestbed.containerIpv6(i));
            }
            ping(t.container(1), ContainerTestbed.containerIpv4(2));
            String ports = Shell.run("ip", "-n", t.host(), "link", "show", "master", "br0");
            assertTrue(ports.contains("nic@") && ports.contains("veth1@") && ports.contains("veth2@"), ports);
            // a process left running in a container is ended with the testbed
            sleeper = new ProcessBuilder(ContainerTestbed.exec(t.container(1), List.of("sleep", "600"))).start()
                    .toHandle();
        }
        namespaces.forEach(ns -> assertFalse(exists(ns), ns + " left behind"));
        assertTrue(sleeper.onExit().get(10, TimeUnit.SECONDS) != null && !sleeper.isAlive());
    }

    @Test
    void aSecondTestbedOfTheSameNameIsRefusedAndTheFirstStays() {
        try (ContainerTestbed t = ContainerTestbed.up(name, 1)) {
            TestbedException e = assertThrows(TestbedException.class, () -> ContainerTestbed.up(name, 1));
            assertTrue(e.getMessage().contains(name + "h") && e.getMessage().contains("exists already"), e.getMessage());
            assertTrue(exists(t.host()) && exists(t.container(1)));
        }
        assertThrows(IllegalArgumentException.class, () -> ContainerTestbed.up(name, 0));
    }
}
