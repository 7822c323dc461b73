package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.TcpStream;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.app.CongestionControl;
import org.vnetlab.sim.app.TcpReceiver;
import org.vnetlab.sim.app.TcpSender;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.param.TcpSettings;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.packet.PacketKind;

/**
 * One iperf-like TCP leg: a bulk transfer per measured guest (or {@code parallel} of them, iperf
 * -P) from (rx) or to (tx) machine 2, all at once, segment by segment through the same NICs, bridge, split driver and CPUs as UDP;
 * ACKs take the reverse path. Throughput is what the receiving application read.
 */
final class TcpRun {

    private TcpRun() {
    }

    /** The MSS of the link for this protocol (timestamps on). */
    static int mss(RunHarness h) {
        return Ethernet.maxPayload(h.scenario.link().mtu(), h.spec.ip(), Transport.TCP);
    }

    static RunResult run(RunHarness h) {
        RunSpec spec = h.spec;
        Streams streams = start(h, spec.direction() == Direction.TX, spec.durationNanos());
        Map<String, List<TcpSender>> senders = streams.senders();
        Map<String, List<TcpReceiver>> receivers = streams.receivers();
        h.runLeg();
        Map<String, Double> mbps = new LinkedHashMap<>();
        Map<String, Double> loss = new LinkedHashMap<>();
        long offered = 0;
        for (String g : senders.keySet()) {
            long sent = senders.get(g).stream().mapToLong(TcpSender::sent).sum();
            long retransmitted = senders.get(g).stream().mapToLong(TcpSender::retransmitted).sum();
            mbps.put(g, receivers.get(g).stream().mapToLong(TcpReceiver::bytesRead).sum() * 8e3
                    / spec.durationNanos());
            if (sent > 0) { // a guest that sent nothing has no loss figure, not a loss of 0
                loss.put(g, (double) retransmitted / sent);
            }
            offered += sent;
        }
        return RunResult.throughput(spec, mbps, loss, h.cpu(), h.drops(), offered, h.kernel.eventsFired())
                .withScheduling(h.cpuReady(), h.cpuOver());
    }

    /** The senders and receivers of the scenario's TCP streams (each its parallel connections), by guest. */
    record Streams(Map<String, List<TcpSender>> senders, Map<String, List<TcpReceiver>> receivers) {
    }

    /**
     * Sets up every TCP stream of the scenario, all from (rx) or all to ({@code outbound}) machine
     * 2, sending from time 0 until {@code until}.
     */
    static Streams start(RunHarness h, boolean outbound, long until) {
        TcpSettings settings = TcpSettings.of(h.scenario.parameters());
        int mss = mss(h);
        PacketKind inwards = PacketKind.of(h.spec.ip(), Transport.TCP);
        PacketKind data = outbound ? inwards.outwards() : inwards;
        Map<String, List<TcpSender>> senders = new LinkedHashMap<>();
        Map<String, List<TcpReceiver>> receivers = new LinkedHashMap<>();
        GuestSite peer = h.peer();
        for (TcpStream stream : h.scenario.workloads(TcpStream.class)) {
            GuestSite guest = h.guest(stream.guest());
            GuestSite from = outbound ? guest : peer;
            GuestSite to = outbound ? peer : guest;
            int window = (int) Math.max(2, stream.receiveWindow().bytes() / mss);
            List<TcpSender> guestSenders = new ArrayList<>();
            List<TcpReceiver> guestReceivers = new ArrayList<>();
            for (int i = 0; i < stream.parallel(); i++) {
                // the first connection keeps a single stream's names, so parallel = 1 is the study's run
                String pair = i == 0 ? "" : "-" + i;
                Flows.Flow flow = h.bed.flows().add(guest.name(), guest.mac(), guest.stack());
                TcpReceiver receiver = new TcpReceiver(to.name() + ".iperf-server" + pair, to.domain(), h.kernel,
                        to.txPort(), flow.id(), mss, data, window, to.stack(), settings,
                        h.bed.random(stream.guest() + ".rcv" + pair));
                to.spawn(receiver);
                TcpSender sender = new TcpSender(from.name() + ".iperf-client" + pair, from.domain(), h.kernel,
                        from.txPort(), new TcpSender.Segments(flow.id(), mss, data), from.stack(), from.deviceTxCost(),
                        from.tcpGso(), settings, CongestionControl.of(stream.congestion()), window,
                        h.bed.random(stream.guest() + ".snd" + pair));
                from.spawn(sender);
                if (outbound) {
                    h.bed.flows().bindPeer(flow, receiver.inbox());
                    h.bed.flows().bindGuest(flow, sender.acks());
                } else {
                    h.bed.flows().bindGuest(flow, receiver.inbox());
                    h.bed.flows().bindPeer(flow, sender.acks());
                }
                sender.start(0, until);
                guestSenders.add(sender);
                guestReceivers.add(receiver);
            }
            // a later TCP workload of the same guest is the one reported, as ever
            senders.put(stream.guest(), guestSenders);
            receivers.put(stream.guest(), guestReceivers);
        }
        return new Streams(senders, receivers);
    }
}
