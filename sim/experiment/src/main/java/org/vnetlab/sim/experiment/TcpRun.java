package org.vnetlab.sim.experiment;

import java.util.LinkedHashMap;
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
 * One iperf-like TCP leg: a bulk transfer per measured guest from (rx) or to (tx) machine 2,
 * all at once, segment by segment through the same NICs, bridge, split driver and CPUs as UDP;
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
        Map<String, TcpSender> senders = streams.senders();
        Map<String, TcpReceiver> receivers = streams.receivers();
        h.runLeg();
        Map<String, Double> mbps = new LinkedHashMap<>();
        Map<String, Double> loss = new LinkedHashMap<>();
        long offered = 0;
        for (String g : senders.keySet()) {
            TcpSender s = senders.get(g);
            mbps.put(g, receivers.get(g).bytesRead() * 8e3 / spec.durationNanos());
            loss.put(g, s.sent() == 0 ? 0.0 : (double) s.retransmitted() / s.sent());
            offered += s.sent();
        }
        return RunResult.throughput(spec, mbps, loss, h.cpu(), h.drops(), offered, h.kernel.eventsFired());
    }

    /** The senders and receivers of the scenario's TCP streams, by guest. */
    record Streams(Map<String, TcpSender> senders, Map<String, TcpReceiver> receivers) {
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
        Map<String, TcpSender> senders = new LinkedHashMap<>();
        Map<String, TcpReceiver> receivers = new LinkedHashMap<>();
        GuestSite peer = h.peer();
        for (TcpStream stream : h.scenario.workloads(TcpStream.class)) {
            GuestSite guest = h.guest(stream.guest());
            Flows.Flow flow = h.bed.flows().add(guest.name(), guest.mac(), guest.stack());
            GuestSite from = outbound ? guest : peer;
            GuestSite to = outbound ? peer : guest;
            int window = (int) Math.max(2, stream.receiveWindow().bytes() / mss);
            TcpReceiver receiver = new TcpReceiver(to.name() + ".iperf-server", to.domain(), h.kernel, to.txPort(),
                    flow.id(), mss, data, window, to.stack(), settings, h.bed.random(stream.guest() + ".rcv"));
            to.spawn(receiver);
            TcpSender sender = new TcpSender(from.name() + ".iperf-client", from.domain(), h.kernel, from.txPort(),
                    new TcpSender.Segments(flow.id(), mss, data), from.stack(), from.deviceTxCost(), settings,
                    CongestionControl.of(stream.congestion()), window, h.bed.random(stream.guest() + ".snd"));
            from.spawn(sender);
            if (outbound) {
                h.bed.flows().bindPeer(flow, receiver.inbox());
                h.bed.flows().bindGuest(flow, sender.acks());
            } else {
                h.bed.flows().bindGuest(flow, receiver.inbox());
                h.bed.flows().bindPeer(flow, sender.acks());
            }
            sender.start(0, until);
            senders.put(stream.guest(), sender);
            receivers.put(stream.guest(), receiver);
        }
        return new Streams(senders, receivers);
    }
}
