package org.vnetlab.sim.net;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Nic;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.HostCpu;
import org.vnetlab.sim.cpu.LinuxScheduler;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.param.SplitDriver;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * Dom0's netback with guests on CPUs of their own, without a scheduler: Dom0 runs from the first
 * {@link #start()} or {@link #runUntil(long)} on, so what a test queues before it is there when
 * netback first looks, and a guest runs only once {@link Guest#powerOn()} is called, so a test
 * can hold a guest still while netback fills its ring. Frames reach the bridge as Dom0's NIC poll
 * would hand them over.
 */
final class SplitDriverRig {

    static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);
    static final PacketKind UDP4_OUT = UDP4.outwards();

    final Kernel kernel = new Kernel();
    final Costs costs;
    final SplitDriver driver;
    final Flows flows = new Flows();
    final Bridge bridge;
    final NicTx nic;
    final Netback netback;
    final Domain dom0 = new Domain("dom0");
    final HostCpu dom0Cpu;
    /** Frames that reached the far end of the wire. */
    long framesOut;
    private final List<Guest> guests = new ArrayList<>();
    private boolean started;

    /** One guest: its CPU (off until powered on), its netfront, its socket, its vif. */
    final class Guest {
        final String name;
        final Domain domain;
        final HostCpu cpu;
        final NetfrontRx front;
        final EventChannel channel;
        final NetfrontTx tx;
        final Vif vif;
        final PacketQueue socket;
        final Flows.Flow flow;
        private final Train frames = new Train();
        private long nextSeq;

        Guest(String name, int index) {
            this.name = name;
            this.domain = new Domain(name);
            this.cpu = cpu(name + ".cpu", domain);
            GuestStack stack = GuestStack.xenGuest(costs);
            MacAddress mac = MacAddress.xen(index + 1);
            this.flow = flows.add(name, mac, stack);
            this.socket = new PacketQueue(name + ".socket.rx.drop", 100_000);
            flows.bindGuest(flow, socket);
            flows.bindPeer(flow, PacketQueue.unbounded(name + ".peer.socket"));
            this.channel = new EventChannel();
            this.front = new NetfrontRx(name, domain, driver, flows, stack, channel, new RandomStream(1, name));
            this.tx = new NetfrontTx(name, domain, driver.ringSlots() + 1000, driver.txRingRequests(), mac,
                    channel, costs.netfrontNotify, 0, new RandomStream(2, name));
            cpu.add(front);
            cpu.add(tx.completions());
            this.vif = netback.connect(name, front, tx);
        }

        void powerOn() {
            cpu.powerOn();
        }

        /** {@code n} frames of {@code payload} bytes for this guest reach the bridge now, as one poll's. */
        void receive(int n, int payload) {
            PacketQueue batch = PacketQueue.unbounded("poll");
            batch.offer(frames.of(UDP4, payload, flow.id()).readyAt(kernel.now()).readyEvery(0).seq(nextSeq).count(n));
            nextSeq += n;
            bridge.deliver(batch, n, kernel.now(), 0);
        }

        /** The guest queues {@code n} frames of {@code payload} bytes for machine 2. */
        void send(int n, int payload) {
            tx.send(frames.of(UDP4_OUT, payload, flow.id()).readyAt(kernel.now()).readyEvery(0).seq(nextSeq).count(n));
            nextSeq += n;
        }
    }

    /** A rig with the bundled defaults changed by {@code overrides} ({@code model.KEY=VALUE}); no cost noise. */
    SplitDriverRig(String... overrides) {
        List<String> sets = new ArrayList<>(List.of("model.cost.jitter=0"));
        sets.addAll(List.of(overrides));
        Scenario s = new ScenarioLoader().load("xen-single", sets).scenario();
        this.costs = new Costs(s.parameters());
        this.driver = SplitDriver.of(s.parameters());
        Nic hw = s.host().nic();
        this.bridge = new Bridge(flows, costs.bridge);
        this.nic = new NicTx(kernel, "host", hw.txRing() + 1000, hw.lineRate(), hw.frameOverheadNanos(), 0,
                frames -> framesOut += frames.count());
        this.netback = new Netback(kernel, dom0, costs, driver, bridge, nic, hw, new RandomStream(3, "netback"));
        this.dom0Cpu = cpu("dom0.cpu", dom0);
        dom0Cpu.add(netback.rxTasklet());
        dom0Cpu.add(netback.txTasklet());
        dom0Cpu.add(netback.guestEvents());
        dom0Cpu.add(netback.backlog());
    }

    /** A CPU of its own kernel (Linux 2.6.16's defaults, a timer tick that costs nothing). */
    private HostCpu cpu(String name, Domain domain) {
        HostCpu cpu = new HostCpu(kernel, name, 1.0, domain);
        new LinuxScheduler(kernel, name, List.of(cpu), domain, new LinuxScheduler.Settings(100, 0, 400_000, 300, 10, 0));
        return cpu;
    }

    /** Dom0 starts running (once). */
    void start() {
        if (!started) {
            started = true;
            dom0Cpu.powerOn();
        }
    }

    Guest guest(String name) {
        Guest g = new Guest(name, guests.size());
        guests.add(g);
        return g;
    }

    void runUntil(long t) {
        start();
        kernel.runUntil(t);
    }

    /** Runs until netback's transmit tasklet has taken its first requests (Dom0 takes the guests' events first). */
    void runUntilRequestsTaken() {
        start();
        while (netback.pendingRequests() == 0 && kernel.nextEventTime() != Long.MAX_VALUE) {
            kernel.runUntil(kernel.nextEventTime());
        }
    }

    /** Runs Dom0's first job, begun now, to its end. */
    void runFirstJob() {
        start();
        kernel.runUntil(kernel.nextEventTime());
    }
}
