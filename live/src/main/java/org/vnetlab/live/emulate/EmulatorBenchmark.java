package org.vnetlab.live.emulate;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.packet.PacketKind;

/**
 * The emulator's own limits: packets per second it forwards with a model whose CPU costs are all
 * zero (so only the realtime clock and the components' bookkeeping limit it), and how late its
 * pacer runs the model's events and releases datagrams against their modelled times.
 */
public final class EmulatorBenchmark {

    /** The IP version of the offered datagrams: a payload must fit the scenario's MTU over it. */
    public static final IpVersion IP = IpVersion.IPV4;

    private EmulatorBenchmark() {
    }

    /** What one benchmark run measured. */
    public record Figures(double offeredPerSecond, double forwardedPerSecond, long dropped, Counters counters) {
    }

    /** The scenario with every modelled CPU cost (and wake-up latency) set to zero. */
    public static Scenario zeroCost(Scenario s) {
        Map<String, Double> zeros = new TreeMap<>();
        s.parameters().values().forEach((k, v) -> {
            if (k.startsWith("cost.")) {
                zeros.put(k, 0.0);
            }
        });
        zeros.put("xen.vcpu-wake-ns", 0.0);
        zeros.put("xen.vcpu-lazy-wake-ns", 0.0);
        zeros.put("linux.tick-cost-ns", 0.0);
        return new Scenario(s.name(), s.description(), s.host(), s.peer(), s.link(), s.platform(), s.workloads(),
                s.method(), s.parameters().with(zeros));
    }

    /**
     * Offers {@code rate} datagrams per second of {@code payload} bytes for {@code duration} to
     * the zero-cost model of {@code s} through a socket-free edge.
     *
     * @throws IngressRing.TooLarge when the ring for datagrams of {@code payload} bytes does not fit in memory
     */
    public static Figures run(Scenario s, int payload, double rate, Duration duration) throws Exception {
        EmulatorSettings settings = Emulator.settings();
        IngressRing ring = new IngressRing(settings.slots(), Math.max(settings.slotBytes(), payload + 1));
        GeneratorEdge edge = new GeneratorEdge(ring, payload, rate, 16);
        ForwardingHost host = new ForwardingHost(zeroCost(s), 1, ForwardingHost.defaultGuest(s),
                ForwardingHost.Mode.RELAY, payload);
        String[] failure = new String[1];
        Emulator emulator = Emulator.start(host, ring, edge, PacketKind.of(IP, Transport.UDP), settings,
                new Supervisor.Listener() {
                    @Override
                    public void second(Counters c) {
                    }

                    @Override
                    public void failed(String component, String message) {
                        failure[0] = component + ": " + message;
                    }
                });
        if (emulator.awaitTermination(duration)) {
            throw new IllegalStateException("emulator stopped: " + failure[0]);
        }
        Counters c = emulator.finish().toCompletableFuture().get(10, TimeUnit.SECONDS);
        emulator.awaitTermination(Duration.ofSeconds(5));
        double seconds = c.elapsedNanos() / 1e9;
        long dropped = c.drops().values().stream().mapToLong(Long::longValue).sum();
        return new Figures(c.packetsIn() / seconds, edge.sent() / seconds, dropped, c);
    }
}
