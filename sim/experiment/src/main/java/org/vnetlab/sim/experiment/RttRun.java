package org.vnetlab.sim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vnetlab.core.model.RttProbe;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.DropTrace;
import org.vnetlab.sim.app.ProbeReceiver;
import org.vnetlab.sim.app.Reflector;
import org.vnetlab.sim.app.UdpSender;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.param.QueueSettings;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.PacketKind;

/**
 * The study's RTT and jitter experiment: an RTP-like generator on machine 2 sends paced probes
 * to a single-threaded reflector in a guest of machine 1, which sends each one back to a
 * receiver on machine 2. Measurements are bursts of probes separated by a pause.
 */
final class RttRun {

    private RttRun() {
    }

    /** Simulated time the probe's measurements take, pauses included. */
    static long duration(RttProbe p) {
        return (long) p.count() * (p.packets() * gap(p) + p.pauseNanos());
    }

    private static long gap(RttProbe p) {
        return Math.max(1, p.rate().nanosFor(p.payload()));
    }

    static RunResult run(RunHarness h) {
        RunSpec spec = h.spec;
        QueueSettings q = h.bed.queues();
        PacketKind kind = PacketKind.of(spec.ip(), Transport.UDP);
        Map<String, ProbeReceiver> receivers = new LinkedHashMap<>();
        GuestSite peer = h.peer();
        for (RttProbe probe : h.scenario.workloads(RttProbe.class)) {
            GuestSite guest = h.guest(probe.guest());
            Flows.Flow flow = h.bed.flows().add(guest.name(), guest.mac(), guest.stack());
            int capacity = q.socketCapacity(probe.payload());
            PacketQueue reflectorSocket = new PacketQueue(DropTrace.socketRx(guest.name()), capacity);
            PacketQueue receiverSocket = new PacketQueue(DropTrace.socketRx(peer.name()), capacity);
            h.bed.flows().bindGuest(flow, reflectorSocket);
            h.bed.flows().bindPeer(flow, receiverSocket);
            h.bed.trace(reflectorSocket);
            guest.place(false).add(new Reflector(guest.name() + ".reflector", guest.domain(), reflectorSocket,
                    guest.txPort(), guest.stack(), guest.deviceTxCost(), h.bed.random(probe.guest() + ".reflector")));
            ProbeReceiver receiver = new ProbeReceiver("peer.probe-receiver", peer.domain(), receiverSocket,
                    peer.stack(), probe.count(), probe.packets(), probe.toolLatencyNanos(),
                    h.bed.random(probe.guest() + ".receiver"));
            peer.place(false).add(receiver);
            UdpSender generator = new UdpSender("peer.probe-generator", peer.domain(), h.kernel, peer.txPort(),
                    new UdpSender.Stream(flow.id(), probe.payload(), kind, gap(probe)), peer.stack(),
                    peer.deviceTxCost(), 0, 1, h.bed.random(probe.guest() + ".generator"));
            peer.place(false).add(generator);
            scheduleMeasurements(h, probe, generator);
            receivers.put(probe.guest(), receiver);
        }
        h.runLeg();
        h.kernel.runUntil(spec.durationNanos() + UdpRun.DRAIN_NANOS);
        Map<String, double[]> rtt = new LinkedHashMap<>();
        Map<String, double[]> jitter = new LinkedHashMap<>();
        receivers.forEach((g, r) -> {
            rtt.put(g, r.rttMillis());
            jitter.put(g, r.jitterMicros());
        });
        return new RunResult(spec, Map.of(), Map.of(), h.cpu(), h.drops(), 0, h.kernel.eventsFired(), rtt, jitter);
    }

    /** Starts the generator for each measurement in turn. */
    private static void scheduleMeasurements(RunHarness h, RttProbe probe, UdpSender generator) {
        long burst = probe.packets() * gap(probe);
        long period = burst + probe.pauseNanos();
        h.kernel.scheduleAt(new Event("rtt.measurements") {
            private int started;

            @Override
            protected void fire() {
                long now = h.kernel.now();
                generator.start(now, now + burst);
                if (++started < probe.count()) {
                    h.kernel.scheduleAt(this, now + period);
                }
            }
        }, probe.pauseNanos());
    }
}
