package org.vnetlab.live.emulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.forward.ForwardRun;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.packet.PacketKind;

/**
 * The accuracy check: UDP through the emulator, with the host's CPU slowed so the model
 * saturates far below what this machine forwards, carries within 10 % of what the same model
 * predicts in virtual time for the same scenario, rate and payload.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EmulatorAccuracyTest {

    private static final long SECONDS = 1;
    private static final int TRIALS = 5;
    /** Traffic flows this long before throughput is counted: the model's queues fill, the JIT compiles. */
    private static final long WARM_UP_MS = 500;

    // native is left out: since the host's Linux scheduler is modelled, a native relay offered more than it carries
    // is moved beside the NIC's softirq by wake-affine and gets what the softirq leaves, which depends on how the
    // arrivals bunch: the prediction's even pacing gives 0.46 Mbit/s at 200 B, the emulator's real sender 1.6 to 13
    // (docs/EMULATE.md, Limits)
    // the host's CPU slowed to 5 % of the study's (Xen), and offered 1.3-2x what the slowed model
    // carries: saturated, at rates this shared machine sends and receives without stalling (a real sender on a
    // busy machine sends in bursts, and bursts are what the model then drops). xen-burned is offered 12 k/s:
    // between about 3 and 3.5 k/s its virtual-time prediction collapses (1.07 Mbit/s at 1470 B and 3.5 k/s,
    // against ~23 at 2.5 k/s and at 5 k/s and more), which the emulator does not reproduce (docs/EMULATE.md)
    @ParameterizedTest(name = "{0} {2} B")
    @CsvSource({"xen-single,0.05,200,5000", "xen-single,0.05,800,5000", "xen-single,0.05,1470,5000",
            "xen-burned,0.05,200,12000", "xen-burned,0.05,800,12000", "xen-burned,0.05,1470,12000"})
    void relayedThroughputMatchesTheVirtualTimePrediction(String name, double cpuSpeed, int payload, double rate)
            throws Exception {
        Scenario s = new ScenarioLoader().load(name, List.of("host.cpu-speed=" + cpuSpeed)).scenario();
        String guest = ForwardingHost.defaultGuest(s);
        long duration = TimeUnit.SECONDS.toNanos(2);
        // trial t of the prediction and of the emulator run the model with the same seed: from one seed to the next
        // the model's saturated throughput differs by several per cent. Each side reports the median over its
        // trials, as the study's method does; the emulator's median also rides out a stall of this shared machine
        // (a stall bunches the arrivals, and a burst is what the model then drops)
        double[] trials = new double[TRIALS];
        double[] runs = new double[TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            ForwardRun.Spec spec = new ForwardRun.Spec(IpVersion.IPV4, payload, s.method().seed() + t, duration);
            trials[t] = ForwardRun.relayMbps(s, guest, spec, rate);
            runs[t] = emulate(s, spec.seed(), guest, payload, rate);
        }
        double predicted = Stats.median(trials);
        double measured = Stats.median(runs);
        System.out.printf("%s %d B at %.0f/s: emulated %.2f Mbit/s %s, predicted %.2f Mbit/s %s%n", name, payload,
                rate, measured, java.util.Arrays.toString(runs), predicted, java.util.Arrays.toString(trials));
        double offered = rate * payload * 8 / 1e6;
        assertTrue(predicted < 0.9 * offered, "the model must saturate: predicted " + predicted + " of " + offered);
        assertEquals(predicted, measured, 0.10 * predicted, name + " " + payload + " B");
    }

    private static double emulate(Scenario s, long seed, String guest, int payload, double rate) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        EmulatorSettings settings = Emulator.settings();
        try (UdpPeer client = new UdpPeer(new InetSocketAddress(lo, 0));
             UdpPeer server = new UdpPeer(new InetSocketAddress(lo, 0))) {
            IngressRing ring = new IngressRing(settings.slots(), settings.slotBytes());
            UdpEdge edge = new UdpEdge(new InetSocketAddress(lo, 0), server.address(), ring);
            InetSocketAddress listen = edge.localAddress();
            ForwardingHost host = new ForwardingHost(s, seed, guest, ForwardingHost.Mode.RELAY, payload);
            Emulator emulator = Emulator.start(host, ring, edge, PacketKind.of(IpVersion.IPV4, Transport.UDP),
                    settings, Listeners.silent());
            try {
                Thread sender = new Thread(() -> {
                    try {
                        client.send(listen, payload, rate, TimeUnit.SECONDS.toNanos(SECONDS)
                                + TimeUnit.MILLISECONDS.toNanos(WARM_UP_MS));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                sender.start();
                Thread.sleep(WARM_UP_MS);
                server.openWindow();
                Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
                double mbps = server.windowMbps();
                sender.join();
                return mbps;
            } finally {
                Counters c = emulator.finish().toCompletableFuture().get(10, TimeUnit.SECONDS);
                System.out.println("counters: in " + c.packetsIn() + " out " + c.packetsOut() + " drops " + c.drops()
                        + " pacer " + c.pacer() + " release " + c.release());
                emulator.awaitTermination(java.time.Duration.ofSeconds(5));
            }
        }
    }
}
