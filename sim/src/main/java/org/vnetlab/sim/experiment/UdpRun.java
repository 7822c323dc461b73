package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.app.UdpSender;
import org.vnetlab.sim.app.UdpSink;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.model.QueueSettings;
import org.vnetlab.sim.model.Testbed;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Packets;

/**
 * One iperf-like UDP leg: every measured guest gets a stream of one payload size from (rx) or
 * to (tx) machine 2, all at once; burners burn; CPU is sampled like xentop.
 */
public final class UdpRun {

    /**
     * After the senders stop, the run goes on this long so packets still queued are delivered
     * before loss is counted (iperf's server likewise waits for the stream's end).
     */
    static final long DRAIN_NANOS = 100_000_000L;

    private UdpRun() {
    }

    public static RunResult run(Scenario scenario, RunSpec spec) {
        if (spec.transport() != Transport.UDP) {
            throw new IllegalArgumentException("UdpRun runs UDP only");
        }
        Testbed bed = new Testbed(scenario, spec.seed(scenario.method().seed()));
        Kernel kernel = bed.kernel();
        QueueSettings q = bed.queues();
        startBurners(scenario, bed);
        boolean outbound = spec.direction() == Direction.TX;
        int flags = Packets.flags(spec.ip(), Transport.UDP) | (outbound ? Packets.OUTBOUND : 0);
        Map<String, UdpSender> senders = new LinkedHashMap<>();
        Map<String, UdpSink> sinks = new LinkedHashMap<>();
        GuestSite peer = bed.peer().guest(Testbed.PEER);
        for (UdpStream stream : scenario.workloads(UdpStream.class)) {
            GuestSite guest = bed.host().guest(stream.guest());
            Flows.Flow flow = bed.flows().add(guest.name(), guest.mac(), guest.stack());
            GuestSite from = outbound ? guest : peer;
            GuestSite to = outbound ? peer : guest;
            PacketQueue socket = new PacketQueue(to.name() + ".socket.rx.drop",
                    UdpSink.socketCapacity(q.socketBufferBytes(), spec.payload(), q.skbOverheadBytes()));
            if (outbound) {
                bed.flows().bindPeer(flow, socket);
            } else {
                bed.flows().bindGuest(flow, socket);
                bed.trace(socket);
            }
            UdpSink sink = new UdpSink(to.name() + ".iperf-server", to.domain(), socket, to.stack(), q.appBatch(),
                    bed.random(stream.guest() + ".sink"));
            to.place(false).add(sink);
            long gap = Math.max(1, stream.rate().nanosFor(spec.payload()));
            UdpSender sender = new UdpSender(from.name() + ".iperf-client", from.domain(), kernel, from.txPort(),
                    new UdpSender.Stream(flow.id(), spec.payload(), flags, gap), from.stack(), from.deviceTxCost(),
                    q.pacingWindowNanos(), q.appBatch() * 4, bed.random(stream.guest() + ".sender"));
            from.place(false).add(sender);
            sender.start(0, spec.durationNanos());
            senders.put(stream.guest(), sender);
            sinks.put(stream.guest(), sink);
        }
        CpuSampler sampler = new CpuSampler(kernel, scenario.method().cpuSampleNanos(), spec.durationNanos(), bed.host().executors(),
                bed.host().domains().values());
        sampler.start();
        bed.start();
        kernel.runUntil(spec.durationNanos());
        Map<String, Double> mbps = new LinkedHashMap<>();
        sinks.forEach((g, sink) -> mbps.put(g, sink.bytes() * 8e3 / spec.durationNanos()));
        SortedMap<String, Double> cpu = sampler.load(scenario.method().cpuSampleMiddle());
        kernel.runUntil(spec.durationNanos() + DRAIN_NANOS);
        Map<String, Double> loss = new LinkedHashMap<>();
        long offered = 0;
        for (String g : senders.keySet()) {
            long sent = senders.get(g).sent();
            UdpSink sink = sinks.get(g);
            offered += sent;
            loss.put(g, sent == 0 ? 0.0 : Math.max(0, 1.0 - (double) sink.packets() / sent));
        }
        return new RunResult(spec, mbps, loss, cpu, drops(bed), offered, kernel.eventsFired());
    }

    static void startBurners(Scenario scenario, Testbed bed) {
        for (CpuBurner b : scenario.workloads(CpuBurner.class)) {
            GuestSite site = bed.host().guest(b.guest());
            org.vnetlab.sim.app.CpuBurner burner = new org.vnetlab.sim.app.CpuBurner(b.guest() + ".burner",
                    site.domain(), bed.kernel(), b.load());
            site.place(true).add(burner);
            burner.start(0);
        }
    }

    static SortedMap<String, Long> drops(Testbed bed) {
        SortedMap<String, Long> out = new TreeMap<>();
        List<PacketQueue> queues = new ArrayList<>(bed.tracedQueues());
        for (PacketQueue pq : queues) {
            if (pq.drops() > 0) {
                out.merge(pq.dropTrace(), pq.drops(), Long::sum);
            }
        }
        return out;
    }
}
