package org.vnetlab.sim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vnetlab.config.ConfigError;
import org.vnetlab.core.model.Host;
import org.vnetlab.core.model.KvmGuest;
import org.vnetlab.core.model.KvmPlatform;
import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.sim.cpu.CfsScheduler;
import org.vnetlab.sim.cpu.CpuMasks;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.LinuxScheduler;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.cpu.Vcpu;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.Bridge;
import org.vnetlab.sim.net.BridgePort;
import org.vnetlab.sim.net.CpuBacklog;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.net.HostStack;
import org.vnetlab.sim.net.NicRxQueues;
import org.vnetlab.sim.net.NicTx;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.net.Uplink;
import org.vnetlab.sim.net.VhostNet;
import org.vnetlab.sim.net.VirtioRx;
import org.vnetlab.sim.net.VirtioTx;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.param.Gso;
import org.vnetlab.sim.param.KvmCosts;

/**
 * Machine 1 as a KVM host: the host's Linux 3.10 kernel with CFS over the physical CPUs
 * ({@link CfsScheduler}). Every thread of the host is a CFS thread: each guest's vCPU thread
 * (running the guest's kernel), each guest's vhost-net worker, any host process. The host's
 * softirq work (the NIC's NAPI poll, the bridge, the taps) is each CPU's interrupt context, the
 * NIC's interrupt on CPU 0. A guest's processes are threads of its own kernel on its one vCPU;
 * its virtio-net queues are on that vCPU too.
 */
final class KvmHost {

    private final Kernel kernel;
    private final Machine host;
    private final CfsScheduler cfs;
    private final LinuxScheduler.Settings threadKernel;
    private final double speed;
    private final long allCpus;
    private final List<LinuxScheduler> kernels = new ArrayList<>();

    /**
     * Builds the host into {@code host}: its NIC's receive side, {@code nicTx} towards machine 2,
     * the bridge, and each guest.
     *
     * @param linux   the constants of every kernel here (the host's, its one-thread kernels', the guests'), at the
     *                host's HZ with 3.10's softirq rules
     * @param traced  where the queues that can drop are registered
     * @param random  a random stream by component name
     */
    KvmHost(Kernel kernel, KvmPlatform platform, Host h, Machine host, NicRxQueues nicRx, NicTx nicTx,
            ModelParameters p, Costs costs,
            Flows flows, LinuxScheduler.Settings linux, List<PacketQueue> traced,
            Function<String, RandomStream> random) {
        this.kernel = kernel;
        this.host = host;
        KvmCosts kc = KvmCosts.of(p);
        this.cfs = new CfsScheduler(kernel, h.cpus(), cfsSettings(p));
        this.threadKernel = linux;
        this.speed = h.cpuSpeed();
        this.allCpus = CpuMasks.all(h.cpus());
        Domain hostDomain = host.domain(KvmPlatform.KERNEL);
        host.nicTx = nicTx;
        host.nicRx = nicRx;
        List<Vcpu> interrupts = new ArrayList<>();
        for (int i = 0; i < h.cpus(); i++) {
            Vcpu ctx = new Vcpu(kernel, "host.cpu" + i, speed, hostDomain, 0, 0, 1L << i);
            cfs.addInterrupt(ctx, i);
            kernels.add(new LinuxScheduler(kernel, "host.cpu" + i, List.of(ctx), hostDomain, linux));
            host.executors.add(ctx);
            interrupts.add(ctx);
        }
        Bridge bridge = new Bridge(flows, kc.bridge() + kc.tap());
        Uplink uplink = new Uplink("host", kernel, nicTx, kc.bridge() + costs.driverTx);
        traced.add(uplink.drops());
        host.nicRx.connect(bridge, costs.driverRx, costs.perInterrupt, costs.jitter, "host.nic", random);
        // the NIC's one queue (the parser refuses more under KVM) interrupts CPU 0, as the other platforms have it
        interrupts.get(0).add(host.nicRx.queue(0).napi());
        GuestStack stack = GuestStack.nativeKernel(costs);
        int i = 1;
        for (KvmGuest g : platform.guests()) {
            MacAddress mac = virtioMac(i++);
            Domain d = host.domain(g.name());
            Vcpu vcpu = hostThread(g.name() + ".vcpu0", d);
            LinuxScheduler guestKernel = new LinuxScheduler(kernel, g.name(), List.of(vcpu), d, linux);
            kernels.add(guestKernel);
            VirtioRx rx = new VirtioRx(kernel, g.name() + ".virtio.rx", d, kc.vringSize(), kc.napiWeight(),
                    kc.virtioRx(), kc.interrupt(), kc.exit(), HostStack.measured(flows), costs.jitter,
                    random.apply(g.name() + ".virtio.rx"));
            VirtioTx tx = new VirtioTx(g.name(), d, kc.vringSize(), kc.exit(), kc.interrupt(), costs.jitter,
                    random.apply(g.name() + ".virtio.tx"));
            vcpu.add(rx);
            vcpu.add(tx.kick());
            vcpu.add(tx.interrupt());
            PacketQueue tap = new PacketQueue(g.name() + ".tap.drop", kc.tapQueue());
            traced.add(tap);
            Vcpu worker = hostThread("vhost-" + g.name(), hostDomain);
            CpuBacklog backlog = new CpuBacklog(kernel, "vhost-" + g.name() + ".backlog", hostDomain,
                    (int) p.get("container.backlog-packets"), (int) p.get("container.backlog-weight"), kc.backlog(),
                    HostStack.measured(flows), uplink, costs.jitter, random.apply("vhost-" + g.name() + ".backlog"));
            traced.add(backlog.frames());
            worker.add(backlog);
            VhostNet vhost = new VhostNet(kernel, "vhost-" + g.name(), hostDomain, tap, tx, rx, backlog, uplink,
                    kc.vhostPerPacket(), kc.vhostPerByte(), kc.vhostWeightBytes(), costs.jitter,
                    random.apply("vhost-" + g.name()));
            kernelOf(worker).spawn(vhost);
            bridge.learn(mac, bridge.addPort(new TapPort(tap, vhost)));
            host.guests.put(g.name(), new Site(g.name(), d, stack, mac, tx, kc.virtioTx(), guestKernel));
        }
    }

    /** A guest's tap on the host's bridge: its queue, read by the guest's vhost-net worker. */
    private record TapPort(PacketQueue tap, VhostNet vhost) implements BridgePort {

        @Override
        public void transmit(Train frames) {
            if (tap.offer(frames) > 0) {
                vhost.wake();
            }
        }

        /** The first frame wakes the worker (vhost_poll_wakeup), on a CPU of its own. */
        @Override
        public boolean wantsEachPacket() {
            return true;
        }
    }

    /** The host's CFS tunables (model.kvm.*). */
    private static CfsScheduler.Settings cfsSettings(ModelParameters p) {
        try {
            return new CfsScheduler.Settings((long) p.get("kvm.cfs-latency-ns"), (long) p.get("kvm.cfs-min-granularity-ns"),
                    (long) p.get("kvm.cfs-wakeup-granularity-ns"), (int) p.get("kvm.hz"),
                    p.get("kvm.cfs-gentle-fair-sleepers") != 0);
        } catch (IllegalArgumentException e) {
            throw new ConfigError("model.kvm.cfs-*: " + e.getMessage());
        }
    }

    /** A thread of the host at nice 0 with a kernel of its own to run its work. */
    private Vcpu hostThread(String name, Domain domain) {
        Vcpu v = new Vcpu(kernel, name, speed, domain, 0, 0, allCpus);
        cfs.add(v, 0);
        host.executors.add(v);
        return v;
    }

    private LinuxScheduler kernelOf(Vcpu thread) {
        LinuxScheduler k = new LinuxScheduler(kernel, thread.name(), List.of(thread), thread.domain(), threadKernel);
        kernels.add(k);
        return k;
    }

    /** Starts {@code process} as a process of the host itself, a thread of CFS. */
    void spawnOnHost(Task process) {
        kernelOf(hostThread(process.name(), process.domain())).spawn(process);
    }

    CfsScheduler scheduler() {
        return cfs;
    }

    void start() {
        cfs.start();
        kernels.forEach(LinuxScheduler::start);
    }

    /** Guest {@code i}'s virtio-net address: QEMU's prefix 52:54:00. */
    private static MacAddress virtioMac(int i) {
        return new MacAddress(0x52_54_00_00_00_00L | i);
    }

    private record Site(String name, Domain domain, GuestStack stack, MacAddress mac, PacketPort txPort,
                        double deviceTxCost, LinuxScheduler linux) implements GuestSite {
        @Override
        public void spawn(Task process) {
            linux.spawn(process);
        }

        @Override
        public void spawnInUsleep(Task thread) {
            linux.spawnInUsleep(thread);
        }

        /** virtio-net's offloads are not modelled: each segment goes to the ring alone. */
        @Override
        public Gso tcpGso() {
            return Gso.OFF;
        }
    }
}
