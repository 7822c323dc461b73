package org.vnetlab.sim.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.RttProbe;
import org.vnetlab.core.model.TcpStream;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.DropTrace;
import org.vnetlab.sim.app.ProbeGenerator;
import org.vnetlab.sim.app.ProbeReceiver;
import org.vnetlab.sim.app.Reflector;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.param.QueueSettings;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.PacketKind;

/**
 * The study's RTT and jitter experiment: an RTP-like generator on machine 2 sends probes paced
 * by its clock to a single-threaded reflector in a guest of machine 1, which sends each one back
 * to a receiver on machine 2. Generator and receiver are processes of machine 2's kernel: their
 * system calls cost its CPUs, its scheduler places and wakes them, and they stamp in user space.
 * Measurements are runs of probes separated by a pause.
 */
final class RttRun {

    private RttRun() {
    }

    /**
     * Simulated time the probe takes, its warm-up and pauses included; a closed loop's deadline
     * after its warm-up (it stops sooner when its measurements are done).
     */
    static long duration(RttProbe p) {
        return p.loop() == RttProbe.Loop.CLOSED ? p.warmUpNanos() + p.deadlineNanos()
                : (warmUpMeasurements(p) + p.count()) * period(p);
    }

    /** When a measurement of an open loop starts after the one before. */
    private static long period(RttProbe p) {
        return sending(p) + p.pauseNanos();
    }

    /** The open loop's measurements before the warm-up has passed: they are not reported. */
    private static long warmUpMeasurements(RttProbe p) {
        // measurement k starts at pause + k x period
        long before = p.warmUpNanos() - p.pauseNanos();
        return before <= 0 ? 0 : (before + period(p) - 1) / period(p);
    }

    /** How long the generator sends one measurement's probes. */
    private static long sending(RttProbe p) {
        return p.packets() * gap(p);
    }

    private static long gap(RttProbe p) {
        return Math.max(1, p.rate().nanosFor(p.payload()));
    }

    static RunResult run(RunHarness h) {
        RunSpec spec = h.spec;
        QueueSettings q = h.bed.queues();
        PacketKind kind = PacketKind.of(spec.ip(), Transport.UDP);
        Map<String, ProbeReceiver> receivers = new LinkedHashMap<>();
        // measurements whose replies are in or given up on, by guest: the lost are counted over them
        Map<String, IntSupplier> over = new LinkedHashMap<>();
        GuestSite peer = h.peer();
        List<RttProbe> probes = h.scenario.workloads(RttProbe.class);
        boolean allClosed = probes.stream().allMatch(p -> p.loop() == RttProbe.Loop.CLOSED);
        // when every probe is a closed loop the run ends with the last one's last measurement
        int[] loopsRunning = {probes.size()};
        Runnable loopFinished = () -> {
            if (--loopsRunning[0] == 0 && allClosed) {
                h.kernel.stop();
            }
        };
        for (RttProbe probe : probes) {
            GuestSite guest = h.guest(probe.guest());
            Flows.Flow flow = h.bed.flows().add(guest.name(), guest.mac(), guest.stack());
            int capacity = q.socketCapacity(probe.payload());
            PacketQueue reflectorSocket = new PacketQueue(DropTrace.socketRx(guest.name()), capacity);
            PacketQueue receiverSocket = new PacketQueue(DropTrace.socketRx(peer.name()), capacity);
            h.bed.flows().bindGuest(flow, reflectorSocket);
            h.bed.flows().bindPeer(flow, receiverSocket);
            h.bed.trace(reflectorSocket);
            guest.spawn(new Reflector(guest.name() + ".reflector", guest.domain(), reflectorSocket,
                    guest.txPort(), guest.stack(), guest.deviceTxCost(), h.bed.random(probe.guest() + ".reflector")));
            ProbeReceiver receiver = new ProbeReceiver("peer.probe-receiver", peer.domain(), receiverSocket,
                    peer.stack(), probe.count(), probe.packets(), probe.clockResolutionNanos(),
                    h.bed.random(probe.guest() + ".receiver"));
            peer.spawn(receiver);
            double sendCost = peer.stack().sendCall(probe.payload()) + peer.stack().tx(kind) + peer.deviceTxCost();
            ProbeGenerator generator = new ProbeGenerator("peer.probe-generator", peer.domain(), h.kernel,
                    peer.txPort(), kind, flow.id(), probe.payload(), probe.packets(), gap(probe),
                    probe.clockResolutionNanos(), peer.stack().costs().clockRead, sendCost,
                    peer.stack().costs().jitter, probe.pacing() == RttProbe.Pacing.SLEEP,
                    h.bed.random(probe.guest() + ".generator"));
            peer.spawn(generator);
            if (probe.loop() == RttProbe.Loop.CLOSED) {
                over.put(probe.guest(), ClosedProbeLoop.start(h.kernel, probe, generator, receiver,
                        sending(probe), loopFinished)::over);
            } else {
                int warm = (int) warmUpMeasurements(probe);
                receiver.countFrom(warm);
                scheduleMeasurements(h, probe, generator, warm + probe.count());
                over.put(probe.guest(), probe::count);
            }
            receivers.put(probe.guest(), receiver);
        }
        startStreams(h);
        h.runLeg();
        if (allClosed) {
            h.endedEarly();
        } else {
            h.kernel.runUntil(spec.durationNanos() + UdpRun.DRAIN_NANOS);
        }
        Map<String, double[]> rtt = new LinkedHashMap<>();
        Map<String, double[]> jitter = new LinkedHashMap<>();
        Map<String, Long> lost = new LinkedHashMap<>();
        receivers.forEach((g, r) -> {
            rtt.put(g, r.rttMillis());
            jitter.put(g, r.jitterMicros());
            lost.put(g, r.lost(over.get(g).getAsInt()));
        });
        return new RunResult(spec, Map.of(), Map.of(), h.cpu(), h.drops(), 0, h.kernel.eventsFired(), rtt, jitter,
                lost, h.cpuReady(), h.cpuOver());
    }

    /**
     * With {@code rtt.streams}, the scenario's TCP streams load the host for the probe's whole
     * run, in the first stream's direction (rx for tradeoff); their throughput is not reported.
     */
    private static void startStreams(RunHarness h) {
        List<TcpStream> tcp = h.scenario.workloads(TcpStream.class);
        if (tcp.isEmpty() || h.scenario.workloads(RttProbe.class).stream().noneMatch(RttProbe::withStreams)) {
            return;
        }
        TcpRun.start(h, tcp.get(0).direction() == Direction.TX, h.spec.durationNanos());
    }

    /** Starts the generator for each of {@code measurements} measurements in turn. */
    private static void scheduleMeasurements(RunHarness h, RttProbe probe, ProbeGenerator generator,
                                             int measurements) {
        long period = period(probe);
        h.kernel.scheduleAt(new Event("rtt.measurements") {
            private int started;

            @Override
            protected void fire() {
                long now = h.kernel.now();
                generator.startMeasurement(started, now);
                if (++started < measurements) {
                    h.kernel.scheduleAt(this, now + period);
                }
            }
        }, probe.pauseNanos());
    }
}
