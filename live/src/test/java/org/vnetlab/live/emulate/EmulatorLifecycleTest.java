package org.vnetlab.live.emulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.packet.PacketKind;

/** IPv6 through the emulator, and supervision: a failing component stops it instead of hanging. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulatorLifecycleTest {

    private final Scenario nativeHost = new ScenarioLoader().load("native", List.of()).scenario();

    @Test
    void forwardsIpv6DatagramsIntact() throws Exception {
        InetAddress lo6 = InetAddress.getByName("::1");
        EmulatorSettings settings = Emulator.settings();
        try (UdpPeer client = new UdpPeer(new InetSocketAddress(lo6, 0));
             UdpPeer server = new UdpPeer(new InetSocketAddress(lo6, 0))) {
            IngressRing ring = new IngressRing(settings.slots(), settings.slotBytes());
            UdpEdge edge = new UdpEdge(new InetSocketAddress(lo6, 0), server.address(), ring);
            ForwardingHost host = new ForwardingHost(nativeHost, 1, ForwardingHost.defaultGuest(nativeHost),
                    ForwardingHost.Mode.RELAY, 1000);
            Emulator e = Emulator.start(host, ring, edge, PacketKind.of(IpVersion.IPV6, Transport.UDP), settings,
                    Listeners.silent());
            long sent = client.send(edge.localAddress(), 1000, 2000, TimeUnit.MILLISECONDS.toNanos(500));
            // the last ones are still in the model (or waiting for a CPU on this shared machine) for a while
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.packets.get() < sent && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Counters c = e.finish().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(e.awaitTermination(Duration.ofSeconds(5)), "the actor system ends after finish");
            assertEquals(sent, c.packetsIn());
            assertEquals(sent, c.packetsOut());
            assertEquals(sent, server.packets.get());
            assertEquals(sent * 1000, server.bytes.get());
        }
    }

    @Test
    void aFailingEdgeIsReportedAndStopsTheEmulator() throws Exception {
        EmulatorSettings settings = Emulator.settings();
        IngressRing ring = new IngressRing(settings.slots(), settings.slotBytes());
        GeneratorEdge source = new GeneratorEdge(ring, 100, 1000, 1);
        FailingEdge failing = new FailingEdge(source);
        ForwardingHost host = new ForwardingHost(nativeHost, 1, ForwardingHost.defaultGuest(nativeHost),
                ForwardingHost.Mode.RELAY, 100);
        AtomicReference<String> failure = new AtomicReference<>();
        Emulator e = Emulator.start(host, ring, failing, PacketKind.of(IpVersion.IPV4, Transport.UDP), settings,
                new Supervisor.Listener() {
                    @Override
                    public void second(Counters c) {
                    }

                    @Override
                    public void failed(String component, String message) {
                        failure.set(component + ": " + message);
                    }
                });
        assertTrue(e.awaitTermination(Duration.ofSeconds(10)), "the emulator stops by itself");
        assertEquals("model host: network unreachable", failure.get());
    }

    /** Takes in what its source generates; every send fails. */
    private record FailingEdge(GeneratorEdge source) implements Edge, Egress {
        @Override
        public void start(Runnable onArrival, BiConsumer<String, String> onFailure) {
            source.start(onArrival, onFailure);
        }

        @Override
        public void send(ByteBuffer datagram, SocketAddress from) throws IOException {
            throw new IOException("network unreachable");
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
