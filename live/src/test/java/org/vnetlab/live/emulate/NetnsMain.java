package org.vnetlab.live.emulate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.forward.TcpForwardingHost;
import org.vnetlab.sim.packet.PacketKind;

/**
 * The three roles of the namespace test, one per process (a process lives in one namespace):
 * {@code sink ADDR PORT SECONDS}, {@code emulate SCENARIO LISTEN_ADDR PORT FORWARD_ADDR PORT SECONDS},
 * {@code send ADDR PORT PAYLOAD RATE SECONDS}; for TCP {@code tcp-sink ADDR PORT SECONDS} (until the stream ended),
 * {@code tcp-emulate SCENARIO LISTEN_ADDR PORT FORWARD_ADDR PORT SECONDS} and {@code tcp-send ADDR PORT BYTES}.
 * Each prints one result line after "ready".
 */
public final class NetnsMain {

    private NetnsMain() {
    }

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "sink" -> {
                try (UdpPeer sink = new UdpPeer(address(a[1], a[2]))) {
                    System.out.println("ready");
                    Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(a[3])));
                    System.out.println("received " + sink.packets.get() + " " + sink.bytes.get());
                }
            }
            case "emulate" -> {
                Scenario s = new ScenarioLoader().load(a[1], List.of()).scenario();
                EmulatorSettings settings = Emulator.settings();
                IngressRing ring = new IngressRing(settings.slots(), settings.slotBytes());
                UdpEdge edge = new UdpEdge(address(a[2], a[3]), address(a[4], a[5]), ring);
                ForwardingHost host = new ForwardingHost(s, 1, ForwardingHost.defaultGuest(s),
                        ForwardingHost.Mode.RELAY, 1470);
                Counters c = run(Emulator.start(host, ring, edge, PacketKind.of(IpVersion.IPV4, Transport.UDP),
                        settings, Listeners.silent()), a[6]);
                if (c != null) {
                    System.out.println("emulated " + c.packetsIn() + " " + c.packetsOut());
                }
            }
            case "send" -> {
                try (UdpPeer client = new UdpPeer(new InetSocketAddress(0))) {
                    long sent = client.send(address(a[1], a[2]), Integer.parseInt(a[3]), Double.parseDouble(a[4]),
                            TimeUnit.SECONDS.toNanos(Long.parseLong(a[5])));
                    System.out.println("sent " + sent);
                }
            }
            case "tcp-sink" -> {
                try (TcpPeers.Server sink = new TcpPeers.Server(address(a[1], a[2]))) {
                    System.out.println("ready");
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(a[3]));
                    while (!sink.streams.containsKey(1L) && System.nanoTime() < end) {
                        Thread.sleep(100);
                    }
                    long[] stream = sink.streams.getOrDefault(1L, new long[] {-1, -1});
                    System.out.println("received " + stream[0] + " " + stream[1]);
                }
            }
            case "tcp-emulate" -> {
                Scenario s = new ScenarioLoader().load(a[1], List.of()).scenario();
                EmulatorSettings settings = Emulator.settings();
                TcpForwardingHost host = new TcpForwardingHost(s, 1, ForwardingHost.defaultGuest(s), IpVersion.IPV4);
                TcpCarrier carrier = new TcpCarrier(host, settings.tcpReadAhead());
                TcpEdge edge = new TcpEdge(address(a[2], a[3]), address(a[4], a[5]), carrier, settings);
                Counters c = run(Emulator.start(host, carrier, edge, settings, Listeners.silent()), a[6]);
                if (c != null) {
                    System.out.println("emulated " + c.packetsIn() + " " + c.packetsOut() + " " + c.bytesOut());
                }
            }
            case "tcp-send" -> {
                CRC32 crc = new CRC32();
                long answer = TcpPeers.send(address(a[1], a[2]), 1, Long.parseLong(a[3]), crc);
                System.out.println("sent " + answer + " " + crc.getValue());
            }
            default -> throw new IllegalArgumentException("unknown role " + a[0]);
        }
    }

    /** Says "ready", lets the emulator run for {@code seconds}, stops it; its counters, or null (said) if it failed. */
    private static Counters run(Emulator e, String seconds) throws Exception {
        System.out.println("ready");
        if (e.awaitTermination(Duration.ofSeconds(Long.parseLong(seconds)))) {
            System.out.println("failed");
            return null;
        }
        Counters c = e.finish().toCompletableFuture().get(10, TimeUnit.SECONDS);
        e.awaitTermination(Duration.ofSeconds(5));
        return c;
    }

    private static InetSocketAddress address(String host, String port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(port));
    }
}
