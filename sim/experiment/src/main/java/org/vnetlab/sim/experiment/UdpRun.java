package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.DropTrace;
import org.vnetlab.sim.app.IperfReporter;
import org.vnetlab.sim.app.UdpSender;
import org.vnetlab.sim.app.UdpSink;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.param.IperfReporting;
import org.vnetlab.sim.param.QueueSettings;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.net.SendBuffer;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.PacketKind;

/**
 * One iperf-like UDP leg: every measured guest gets a stream of one payload size from (rx) or
 * to (tx) machine 2 (or {@code parallel} such streams, iperf -P), all at once; burners burn; CPU
 * is sampled like xentop.
 */
final class UdpRun {

    /**
     * After the senders stop, the run goes on this long so packets still queued are delivered
     * before loss is counted (iperf's server likewise waits for the stream's end).
     */
    static final long DRAIN_NANOS = 100_000_000L;

    private UdpRun() {
    }

    static RunResult run(RunHarness h) {
        RunSpec spec = h.spec;
        QueueSettings q = h.bed.queues();
        boolean outbound = spec.direction() == Direction.TX;
        PacketKind inwards = PacketKind.of(spec.ip(), Transport.UDP);
        PacketKind kind = outbound ? inwards.outwards() : inwards;
        Map<String, List<UdpSender>> senders = new LinkedHashMap<>();
        Map<String, List<UdpSink>> sinks = new LinkedHashMap<>();
        GuestSite peer = h.peer();
        for (UdpStream stream : h.scenario.workloads(UdpStream.class)) {
            GuestSite guest = h.guest(stream.guest());
            GuestSite from = outbound ? guest : peer;
            GuestSite to = outbound ? peer : guest;
            List<UdpSender> guestSenders = new ArrayList<>();
            List<UdpSink> guestSinks = new ArrayList<>();
            // one iperf process at each end, its parallel streams recording for one reporter thread
            IperfReporting reporting = h.bed.iperf();
            IperfReporter serverReports = reporting.enabled()
                    ? new IperfReporter(to.name() + ".iperf-server.reporter", to.domain(), reporting) : null;
            IperfReporter clientReports = reporting.enabled()
                    ? new IperfReporter(from.name() + ".iperf-client.reporter", from.domain(), reporting) : null;
            for (int i = 0; i < stream.parallel(); i++) {
                // the first pair keeps a single stream's names, so parallel = 1 is the study's run
                String pair = i == 0 ? "" : "-" + i;
                Flows.Flow flow = h.bed.flows().add(guest.name(), guest.mac(), guest.stack());
                PacketQueue socket = new PacketQueue(DropTrace.socketRx(to.name()),
                        q.socketCapacity(spec.payload()));
                if (outbound) {
                    h.bed.flows().bindPeer(flow, socket);
                } else {
                    h.bed.flows().bindGuest(flow, socket);
                }
                // the receiving socket's drops are reported either way: machine 2's too, where a
                // sender on machine 1 faster than machine 2's receiver loses what it sent
                h.bed.trace(socket);
                UdpSink sink = new UdpSink(to.name() + ".iperf-server" + pair, to.domain(), socket, to.stack(),
                        q.appBatch(), serverReports == null ? null : serverReports.newRing(), reporting.napNs(),
                        h.bed.random(stream.guest() + ".sink" + pair));
                to.spawn(sink);
                boolean spin = stream.pacing() == UdpStream.Pacing.SPIN;
                long gap = stream.rate().nanosFor(spec.payload());
                // iperf 2's delay_target is whole microseconds, truncated (0 for a datagram shorter than one)
                gap = spin ? gap / 1000 * 1000 : Math.max(1, gap);
                UdpSender sender = new UdpSender(from.name() + ".iperf-client" + pair, from.domain(), h.kernel,
                        from.txPort(), new UdpSender.Stream(flow.id(), spec.payload(), kind, gap),
                        new SendBuffer(q.socketBufferBytes(), q.truesize(spec.payload())), from.stack(),
                        from.deviceTxCost(), q.pacingWindowNanos(), q.appBatch() * 4, spin,
                        clientReports == null ? null : clientReports.newRing(), reporting.napNs(),
                        h.bed.random(stream.guest() + ".sender" + pair));
                from.spawn(sender);
                sender.start(0, spec.durationNanos());
                guestSenders.add(sender);
                guestSinks.add(sink);
            }
            if (reporting.enabled()) {
                to.spawnInUsleep(serverReports);
                from.spawnInUsleep(clientReports);
            }
            // a later UDP workload of the same guest is the one reported, as ever
            senders.put(stream.guest(), guestSenders);
            sinks.put(stream.guest(), guestSinks);
        }
        h.runLeg();
        Map<String, Double> mbps = new LinkedHashMap<>();
        sinks.forEach((g, list) -> mbps.put(g, list.stream().mapToLong(UdpSink::bytes).sum() * 8e3
                / spec.durationNanos()));
        SortedMap<String, Double> cpu = h.cpu();
        SortedMap<String, Double> ready = h.cpuReady();
        SortedMap<String, Double> over = h.cpuOver();
        h.kernel.runUntil(spec.durationNanos() + DRAIN_NANOS);
        Map<String, Double> loss = new LinkedHashMap<>();
        long offered = 0;
        for (String g : senders.keySet()) {
            long sent = senders.get(g).stream().mapToLong(UdpSender::sent).sum();
            long received = sinks.get(g).stream().mapToLong(UdpSink::packets).sum();
            offered += sent;
            if (sent > 0) { // a guest that sent nothing has no loss figure, not a loss of 0
                loss.put(g, Math.max(0, 1.0 - (double) received / sent));
            }
        }
        return RunResult.throughput(spec, mbps, loss, cpu, h.drops(), offered, h.kernel.eventsFired())
                .withScheduling(ready, over);
    }
}
