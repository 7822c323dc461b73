package org.vnetlab.live.emulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Transport;

/** The facade: what a spec refuses, a relay started from a spec alone, a taken listen port. */
class EmulatorsTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private final Scenario xen = LOADER.load("xen-single", List.of()).scenario();
    private final InetSocketAddress lo4 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void aSpecRefusesWhatCannotBeEmulated() throws Exception {
        InetSocketAddress lo6 = new InetSocketAddress(InetAddress.getByName("::1"), 9);
        assertThrows(IllegalArgumentException.class, () -> new Emulators.Spec(xen, 1, "domU7", Transport.UDP, lo4, null));
        assertThrows(IllegalArgumentException.class, () -> new Emulators.Spec(xen, 1, "domU1", Transport.TCP, lo4, null));
        assertThrows(IllegalArgumentException.class, () -> new Emulators.Spec(xen, 1, "domU1", Transport.UDP, lo4, lo6));
        Scenario rtt = LOADER.load("rtt", List.of()).scenario();
        IllegalArgumentException noTcp = assertThrows(IllegalArgumentException.class,
                () -> new Emulators.Spec(rtt, 1, "host", Transport.TCP, lo4, lo4));
        assertTrue(noTcp.getMessage().contains("no tcp workload"), noTcp.getMessage());
    }

    @Test
    void relaysIpv6DatagramsFromASpecAlone() throws Exception {
        InetAddress lo6 = InetAddress.getByName("::1");
        try (UdpPeer client = new UdpPeer(new InetSocketAddress(lo6, 0));
             UdpPeer server = new UdpPeer(new InetSocketAddress(lo6, 0))) {
            Emulators.Started started = Emulators.start(new Emulators.Spec(xen, 1, "domU1", Transport.UDP,
                    new InetSocketAddress(lo6, 0), server.address()), Emulator.settings(), Listeners.silent());
            assertTrue(started.route().endsWith("(ipv6, UDP, datagrams of at most 1452 B)"), started.route());
            long sent = client.send(started.bound(), 500, 1000, TimeUnit.MILLISECONDS.toNanos(300));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.packets.get() < sent && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Counters c = started.emulator().finish().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(started.emulator().awaitTermination(Duration.ofSeconds(5)));
            assertEquals(sent, c.packetsIn());
            assertEquals(sent, server.packets.get(), "every datagram crossed the modelled guest");
        }
    }

    /**
     * The emulator carries what the modelled path's MTU carries: a datagram the model could not
     * send whole is dropped as oversize (it once went through at 1473-1520 B on a 1500 B path),
     * and a larger MTU lets larger ones through (it once dropped 2048 B at link.mtu = 9000).
     */
    @Test
    void datagramsAreCarriedUpToTheModelledMtuAndNoFurther() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        Scenario jumbo = LOADER.load("xen-single", List.of("link.mtu=9000")).scenario();
        for (Object[] c : List.of(new Object[] {xen, 1473, 0L}, new Object[] {xen, 1472, -1L},
                new Object[] {jumbo, 8972, -1L}, new Object[] {jumbo, 8973, 0L})) {
            try (UdpPeer client = new UdpPeer(new InetSocketAddress(lo, 0));
                 UdpPeer server = new UdpPeer(new InetSocketAddress(lo, 0))) {
                Emulators.Started started = Emulators.start(new Emulators.Spec((Scenario) c[0], 1, "domU1",
                        Transport.UDP, new InetSocketAddress(lo, 0), server.address()), Emulator.settings(),
                        Listeners.silent());
                long sent = client.send(started.bound(), (int) c[1], 200, TimeUnit.MILLISECONDS.toNanos(100));
                Thread.sleep(300);
                Counters counters = started.emulator().finish().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertTrue(started.emulator().awaitTermination(Duration.ofSeconds(5)));
                long carried = (long) c[2] < 0 ? sent : 0;
                assertEquals(carried, server.packets.get(), c[1] + " B: " + counters.drops());
                assertEquals(sent - carried, counters.drops().getOrDefault(IngressRing.OVERSIZE, 0L).longValue(),
                        c[1] + " B");
            }
        }
    }

    @Test
    void aTakenListenPortIsListenFailed() throws Exception {
        try (DatagramChannel taken = DatagramChannel.open().bind(lo4)) {
            InetSocketAddress busy = (InetSocketAddress) taken.getLocalAddress();
            Emulators.ListenFailed e = assertThrows(Emulators.ListenFailed.class, () -> Emulators.start(
                    new Emulators.Spec(xen, 1, "domU1", Transport.UDP, busy, null), Emulator.settings(),
                    Listeners.silent()));
            assertTrue(e.getMessage().startsWith("cannot listen on "), e.getMessage());
        }
    }
}
