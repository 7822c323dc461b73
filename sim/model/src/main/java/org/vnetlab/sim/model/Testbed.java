package org.vnetlab.sim.model;

import org.vnetlab.config.ConfigError;
import org.vnetlab.sim.param.IperfReporting;
import org.vnetlab.sim.param.QueueSettings;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.param.Gso;
import org.vnetlab.sim.param.ContainerCosts;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.param.SplitDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vnetlab.core.model.Container;
import org.vnetlab.core.model.ContainerPlatform;
import org.vnetlab.core.model.Dom0;
import org.vnetlab.core.model.DomU;
import org.vnetlab.core.model.Host;
import org.vnetlab.core.model.KvmPlatform;
import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.core.model.NativePlatform;
import org.vnetlab.core.model.Nic;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.VServerContext;
import org.vnetlab.core.model.VServerPlatform;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.cpu.CfsScheduler;
import org.vnetlab.sim.cpu.CpuMasks;
import org.vnetlab.sim.cpu.CreditScheduler;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Executor;
import org.vnetlab.sim.cpu.HostCpu;
import org.vnetlab.sim.cpu.Irq;
import org.vnetlab.sim.cpu.LinuxScheduler;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.cpu.Vcpu;
import org.vnetlab.sim.kernel.Fidelity;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.kernel.Watchdog;
import org.vnetlab.sim.net.Bridge;
import org.vnetlab.sim.net.CpuBacklog;
import org.vnetlab.sim.net.EventChannel;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.net.HostStack;
import org.vnetlab.sim.net.Netback;
import org.vnetlab.sim.net.NetfrontRx;
import org.vnetlab.sim.net.NetfrontTx;
import org.vnetlab.sim.net.NicRx;
import org.vnetlab.sim.net.NicRxQueues;
import org.vnetlab.sim.net.NicTx;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.net.RoutedHop;
import org.vnetlab.sim.net.RssHash;
import org.vnetlab.sim.net.RxPath;
import org.vnetlab.sim.net.Uplink;
import org.vnetlab.sim.net.Veths;
import org.vnetlab.sim.net.Vif;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * The study's testbed as components for one run: machine 1 built for its platform (native,
 * Xen, VServer, Linux containers or KVM), machine 2 (native), and the link between them.
 */
public final class Testbed {

    /** The peer's one "guest": machine 2 itself. */
    public static final String PEER = "peer";

    private final Kernel kernel;
    private final Scenario scenario;
    private final Costs costs;
    private final QueueSettings queues;
    private final IperfReporting iperf;
    private final Flows flows = new Flows();
    private final long seed;
    private final Machine host;
    private final Machine peer;
    private final List<PacketQueue> traced = new ArrayList<>();
    private CreditScheduler xenScheduler;
    private final List<LinuxScheduler> kernels = new ArrayList<>();
    /** Machine 1's CPUs and kernel where it runs Linux itself: machine 2 shares them with link.same-machine. */
    private List<HostCpu> hostCpus;
    private LinuxScheduler hostLinux;
    private KvmHost kvmHost;

    /** The testbed for a run with trains. */
    public Testbed(Scenario scenario, long seed) {
        this(scenario, seed, Fidelity.TRAINS);
    }

    public Testbed(Scenario scenario, long seed, Fidelity fidelity) {
        this.kernel = new Kernel(fidelity);
        this.scenario = scenario;
        this.seed = seed;
        ModelParameters p = scenario.parameters();
        kernel.watch(watchdog(p));
        kernel.releaseTrainsOf((int) p.get("engine.train-packets"));
        this.costs = new Costs(p);
        this.queues = QueueSettings.of(p);
        this.iperf = IperfReporting.of(p);
        this.host = new Machine(scenario.host().name());
        this.peer = new Machine(scenario.peer().name());
        DataRate wire = min(scenario.link().rate(), scenario.host().nic().lineRate(), scenario.peer().nic().lineRate());
        long delay = scenario.link().propagationNanos();
        peer.nicRx = receiveQueues(PEER, scenario.peer().nic(), peer.domain(PEER));
        switch (scenario.platform().kind()) {
            case "xen" -> buildXen((XenPlatform) scenario.platform(), wire, delay, p);
            case "vserver" -> buildHostKernel(wire, delay, true);
            case "container" -> buildContainers((ContainerPlatform) scenario.platform(), wire, delay, p);
            case "kvm" -> kvmHost = new KvmHost(kernel, (KvmPlatform) scenario.platform(), scenario.host(), host,
                    receiveQueues("host", scenario.host().nic(), host.domain(KvmPlatform.KERNEL)), new NicTx(kernel, "host", scenario.host().nic().txRing() + queues.qdiscPackets(), wire,
                            scenario.host().nic().frameOverheadNanos(), delay, peer.nicRx),
                    p, costs, flows, linux(p, (int) p.get("kvm.hz")).withLinux310Softirqs((long) p.get("kvm.softirq-time-ns")),
                    traced, this::random);
            default -> buildHostKernel(wire, delay, false);
        }
        peer.nicTx = new NicTx(kernel, PEER, txCapacity(scenario.peer().nic()), wire,
                scenario.peer().nic().frameOverheadNanos(), delay, host.nicRx);
        buildPeer();
        traceRings(host.nicRx);
        traceRings(peer.nicRx);
    }

    /** A NIC's receive queues, flows spread over them by an RSS hash seeded with the run's seed. */
    private NicRxQueues receiveQueues(String trace, Nic nic, Domain domain) {
        return new NicRxQueues(kernel, trace, nic, domain, new RssHash(nic.queues(), seed));
    }

    /**
     * Frames a NIC's transmit queues with their qdiscs hold. Each queue has its own ring and qdisc
     * and a sender uses its CPU's (XPS); the model pools them on the one wire, which takes frames
     * in the order they were ready, as the NIC's arbiter interleaves its queues.
     */
    private int txCapacity(Nic nic) {
        return nic.queues() * (nic.txRing() + queues.qdiscPackets());
    }

    private void traceRings(NicRxQueues nic) {
        for (int i = 0; i < nic.count(); i++) {
            traced.add(nic.queue(i).ring());
        }
    }

    private static Watchdog watchdog(ModelParameters p) {
        long atOneInstant = (long) p.get("engine.max-events-at-one-instant");
        long perMilli = (long) p.get("engine.max-events-per-ms");
        if (atOneInstant < 1 || perMilli < 1) {
            throw new IllegalArgumentException("model.engine.max-events-at-one-instant and model.engine.max-events-per-ms"
                    + " must be at least 1, got " + atOneInstant + " and " + perMilli);
        }
        return new Watchdog(atOneInstant, perMilli);
    }

    private static DataRate min(DataRate a, DataRate b, DataRate c) {
        DataRate m = a.compareTo(b) <= 0 ? a : b;
        return m.compareTo(c) <= 0 ? m : c;
    }

    public Kernel kernel() {
        return kernel;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Costs costs() {
        return costs;
    }

    public QueueSettings queues() {
        return queues;
    }

    /** How the iperf endpoints report: a reporter thread each, or none. */
    public IperfReporting iperf() {
        return iperf;
    }

    public Flows flows() {
        return flows;
    }

    public Machine host() {
        return host;
    }

    /** The host's credit scheduler; null unless the platform is Xen. */
    public CreditScheduler xenScheduler() {
        return xenScheduler;
    }

    public Machine peer() {
        return peer;
    }

    /** A random stream for the named component, derived from this run's seed. */
    public RandomStream random(String component) {
        return new RandomStream(seed, component);
    }

    /** The guest kernel's periodic timer an idle VCPU still wakes for, at a phase of its own (its boot's). */
    private void idleTimer(Vcpu v, ModelParameters p) {
        long period = (long) p.get("xen.guest-idle-timer-ns");
        v.setIdleTimer(period, phase(v.name() + ".idle-timer", period));
    }

    /**
     * Dom0's bridge's forwarding-database collector, which an idle Dom0 also wakes for: 2.6.16's
     * {@code br_fdb_cleanup} (net/bridge/br_fdb.c) re-arms itself every HZ/10 jiffies
     * ({@code mod_timer(&br->gc_timer, jiffies + HZ/10)}, as in 2.6.18), from the bridge's
     * {@code br_dev_open} on, whether or not STP runs. {@code __mod_timer} keeps it on the CPU
     * its handler runs on, so on the Dom0 VCPU that brought the bridge up at boot: VCPU 0 here
     * (which one did is not known). Its first expiry is at an unknown phase (the bridge came up at boot).
     */
    private void bridgeGcTimer(Vcpu v, ModelParameters p) {
        long hz = (long) p.get("xen.guest-hz");
        long jiffy = 1_000_000_000L / hz;
        long period = hz / 10 * jiffy;
        if (period > 0) {
            v.setRearmedTimer(period, (phase(v.name() + ".bridge-gc-timer", period) / jiffy + 1) * jiffy);
        }
    }

    /** Where in its {@code period} something that began at an unknown time stands when the run starts. */
    private long phase(String component, long period) {
        return (long) (random(component).nextDouble() * period);
    }

    /** Packets dropped so far per traced queue's trace name (only queues that dropped). */
    public SortedMap<String, Long> drops() {
        SortedMap<String, Long> out = new TreeMap<>();
        for (PacketQueue q : traced) {
            if (q.drops() > 0) {
                out.merge(q.dropTrace(), q.drops(), Long::sum);
            }
        }
        return out;
    }

    /** Registers a queue whose drops are reported. */
    public void trace(PacketQueue q) {
        traced.add(q);
    }

    /** Starts the schedulers; call after the workloads are placed. */
    public void start() {
        if (xenScheduler != null) {
            xenScheduler.start();
        }
        kernels.forEach(LinuxScheduler::start);
        if (kvmHost != null) {
            kvmHost.start();
        }
    }

    /** The KVM host's CFS; null unless the platform is KVM. */
    public CfsScheduler kvmScheduler() {
        return kvmHost == null ? null : kvmHost.scheduler();
    }

    /** Starts {@code process} as a process of the KVM host itself, a thread of its CFS. */
    public void spawnOnKvmHost(Task process) {
        if (kvmHost == null) {
            throw new IllegalStateException("the platform is " + scenario.platform().kind() + ", not kvm");
        }
        kvmHost.spawnOnHost(process);
    }

    /** A Linux kernel named {@code name} over {@code cpus}, started with the testbed. */
    private LinuxScheduler kernel(String name, List<? extends Executor> cpus, Domain domain,
                                  LinuxScheduler.Settings settings) {
        LinuxScheduler k = new LinuxScheduler(kernel, name, cpus, domain, settings);
        kernels.add(k);
        return k;
    }

    /** The Linux kernel's constants (model.linux.*) at {@code hz}. */
    private static LinuxScheduler.Settings linux(ModelParameters p, int hz) {
        int budget = (int) p.get("linux.netdev-budget");
        int restarts = (int) p.get("linux.softirq-restarts");
        if (hz < 1 || budget < 1 || restarts < 1) {
            throw new IllegalArgumentException("model.linux.hz, model.xen.guest-hz, model.linux.netdev-budget and"
                    + " model.linux.softirq-restarts must be at least 1, got " + hz + ", " + budget + " and " + restarts);
        }
        return new LinuxScheduler.Settings(hz, p.get("linux.tick-cost-ns"), (long) p.get("linux.cache-hot-ns"), budget,
                restarts, (long) p.get("cost.process-wakeup-ns"));
    }

    private List<HostCpu> cpus(Machine m, Host h, Domain kernelDomain) {
        List<HostCpu> list = new ArrayList<>();
        for (int i = 0; i < h.cpus(); i++) {
            HostCpu c = new HostCpu(kernel, m.name() + ".cpu" + i, h.cpuSpeed(), kernelDomain);
            list.add(c);
            m.executors.add(c);
        }
        return list;
    }

    /** The VCPU of {@code dom0} that {@code key} names (model.xen.dom0.*). */
    private static Vcpu dom0Vcpu(List<Vcpu> dom0, ModelParameters p, String key) {
        double i = p.get(key);
        if (i != Math.rint(i) || i >= dom0.size()) {
            throw new IllegalArgumentException("model." + key + " must be a VCPU of Dom0, 0 to " + (dom0.size() - 1)
                    + ", got " + (i == Math.rint(i) ? String.valueOf((long) i) : String.valueOf(i)));
        }
        return dom0.get((int) i);
    }

    /**
     * Machine 2, on CPUs of its own, or (link.same-machine) as a namespace of machine 1: its
     * processes are threads of machine 1's kernel and its NIC's softirq runs on machine 1's CPU 0.
     */
    private void buildPeer() {
        Domain d = peer.domain(PEER);
        boolean shared = scenario.link().sameMachine();
        if (shared && hostLinux == null) {
            throw new IllegalArgumentException("link.same-machine needs a machine 1 that runs Linux itself");
        }
        List<HostCpu> cpus = shared ? hostCpus : cpus(peer, scenario.peer(), d);
        GuestStack stack = GuestStack.nativeKernel(costs);
        peer.nicRx.connect(HostStack.peer(flows, stack), costs.driverRx, costs.perInterrupt, costs.jitter,
                "peer.nic", this::random);
        // physflat APIC routing sends every device interrupt to CPU 0 (nic.irq-cpu moves it); queue i
        // to the i-th CPU after
        peer.nicRx.bindInterrupts(cpus);
        ModelParameters p = scenario.parameters();
        LinuxScheduler linux = shared ? hostLinux : kernel(PEER, cpus, d, linux(p, (int) p.get("linux.hz")));
        if (!shared) {
            cpus.forEach(HostCpu::powerOn);
        }
        peer.guests.put(PEER, new Site(PEER, d, stack, MacAddress.parse("00:00:5e:00:53:02"), peer.nicTx,
                costs.driverTx, Gso.nic(scenario.peer().nic().tso()), linux));
    }

    private void buildHostKernel(DataRate wire, long delay, boolean vserver) {
        Host h = scenario.host();
        Domain kernelDomain = host.domain(VServerPlatform.KERNEL);
        host.nicRx = receiveQueues("host", h.nic(), kernelDomain);
        host.nicRx.connect(HostStack.measured(flows), costs.driverRx, costs.perInterrupt, costs.jitter,
                "host.nic", this::random);
        host.nicTx = new NicTx(kernel, "host", txCapacity(h.nic()), wire, h.nic().frameOverheadNanos(),
                delay, peer.nicRx);
        List<HostCpu> cpus = cpus(host, h, kernelDomain);
        // physflat APIC routing sends every device interrupt to CPU 0 (nic.irq-cpu moves it); queue i
        // to the i-th CPU after
        host.nicRx.bindInterrupts(cpus);
        ModelParameters p = scenario.parameters();
        LinuxScheduler linux = kernel(host.name(), cpus, kernelDomain, linux(p, (int) p.get("linux.hz")));
        cpus.forEach(HostCpu::powerOn);
        hostCpus = cpus;
        hostLinux = linux;
        if (vserver) {
            GuestStack stack = GuestStack.vserverContext(costs);
            int i = 1;
            for (VServerContext ctx : ((VServerPlatform) scenario.platform()).contexts()) {
                host.guests.put(ctx.name(), new Site(ctx.name(), host.domain(ctx.name()), stack, MacAddress.xen(i++),
                        host.nicTx, costs.driverTx, Gso.nic(h.nic().tso()), linux));
            }
        } else {
            host.guests.put(NativePlatform.GUEST, new Site(NativePlatform.GUEST, kernelDomain,
                    GuestStack.nativeKernel(costs), MacAddress.xen(0), host.nicTx, costs.driverTx,
                    Gso.nic(h.nic().tso()), linux));
        }
    }

    /**
     * Linux containers: the host kernel with the NIC's interrupt on CPU 0, every CPU's backlog
     * that the veth pairs queue on, and the bridge (or the host's routing) between the NIC and
     * the veths. A container's processes are threads of the host's scheduler.
     */
    private void buildContainers(ContainerPlatform platform, DataRate wire, long delay, ModelParameters p) {
        Host h = scenario.host();
        ContainerCosts cc = ContainerCosts.of(p);
        Domain kernelDomain = host.domain(ContainerPlatform.KERNEL);
        host.nicRx = receiveQueues("host", h.nic(), kernelDomain);
        host.nicTx = new NicTx(kernel, "host", txCapacity(h.nic()), wire, h.nic().frameOverheadNanos(),
                delay, peer.nicRx);
        List<HostCpu> cpus = cpus(host, h, kernelDomain);
        boolean bridged = platform.attach() == ContainerPlatform.Attach.BRIDGE;
        double hop = bridged ? cc.bridge() : cc.route();
        // a frame leaves by the NIC's driver, or, machine 2 being a namespace, by the veth into it
        double out = scenario.link().sameMachine() ? cc.veth() : costs.driverTx;
        Uplink uplink = new Uplink("host", kernel, host.nicTx, hop + out);
        traced.add(uplink.drops());
        List<CpuBacklog> backlogs = new ArrayList<>();
        for (HostCpu c : cpus) {
            CpuBacklog b = new CpuBacklog(kernel, c.name() + ".backlog", kernelDomain, cc.backlogFrames(),
                    cc.backlogWeight(), cc.backlog(), HostStack.measured(flows), uplink, costs.jitter,
                    random(c.name() + ".backlog"));
            backlogs.add(b);
            traced.add(b.frames());
        }
        Veths veths = new Veths(cpus, backlogs, uplink);
        if (scenario.link().sameMachine()) {
            // machine 2 is a namespace: its "NIC" is a veth pair, whose frames its stack takes from
            // the backlog of the CPU that sent them (veth_xmit, netif_rx, process_backlog)
            Domain peerDomain = peer.domain(PEER);
            RxPath peerStack = HostStack.peer(flows, GuestStack.containerNamespace(costs, cc.namespace()));
            List<CpuBacklog> peerBacklogs = new ArrayList<>();
            for (HostCpu c : cpus) {
                CpuBacklog b = new CpuBacklog(kernel, c.name() + ".peer-backlog", peerDomain, cc.backlogFrames(),
                        cc.backlogWeight(), cc.backlog(), peerStack, peerStack, costs.jitter,
                        random(c.name() + ".peer-backlog"));
                peerBacklogs.add(b);
                traced.add(b.frames());
                c.add(b);
            }
            uplink.intoPeer(new Veths(cpus, peerBacklogs, null));
        }
        List<MacAddress> macs = new ArrayList<>();
        for (int i = 1; i <= platform.containers().size(); i++) {
            macs.add(vethMac(i));
        }
        RxPath toContainers;
        if (bridged) {
            Bridge bridge = new Bridge(flows, hop + cc.veth());
            // each veth's address is learnt before the run (a container sends ARP before it is reached)
            macs.forEach(mac -> bridge.learn(mac, bridge.addPort(veths::enqueue)));
            toContainers = bridge;
        } else {
            toContainers = new RoutedHop(hop + cc.veth(), veths);
        }
        host.nicRx.connect(toContainers, costs.driverRx, costs.perInterrupt, costs.jitter, "host.nic", this::random);
        // physflat APIC routing sends every device interrupt to CPU 0 (nic.irq-cpu moves it); queue i
        // to the i-th CPU after;
        // a queue's softirq queues frames for the veths on its own CPU's backlog
        host.nicRx.bindInterrupts(cpus);
        for (int i = 0; i < cpus.size(); i++) {
            cpus.get(i).add(backlogs.get(i));
        }
        LinuxScheduler linux = kernel(host.name(), cpus, kernelDomain, linux(p, (int) p.get("linux.hz")));
        cpus.forEach(HostCpu::powerOn);
        hostCpus = cpus;
        hostLinux = linux;
        GuestStack stack = GuestStack.containerNamespace(costs, cc.namespace());
        for (int i = 0; i < platform.containers().size(); i++) {
            Container ct = platform.containers().get(i);
            host.guests.put(ct.name(), new Site(ct.name(), host.domain(ct.name()), stack, macs.get(i), veths,
                    cc.veth(), linux));
        }
    }

    /** The namespace end of container {@code i}'s veth pair: a locally administered address. */
    private static MacAddress vethMac(int i) {
        return new MacAddress(0x02_00_00_00_00_00L | i);
    }

    /** How long a VCPU takes to be switched in: Xen's switch, its caches' refill, its lazy resume. */
    private static void switchLatencies(Vcpu v, ModelParameters p) {
        long wake = (long) p.get("xen.vcpu-wake-ns");
        long refill = (long) p.get("xen.cache-refill-ns");
        if (refill > wake) {
            throw new ConfigError("model.xen.cache-refill-ns (" + refill + " ns) must not exceed"
                    + " model.xen.vcpu-wake-ns (" + wake + " ns): it is the part of that switch spent refilling"
                    + " caches");
        }
        v.setWakeLatency(wake);
        v.setCacheRefill(refill);
        v.setLazyWakeLatency((long) p.get("xen.vcpu-lazy-wake-ns"));
    }

    private void buildXen(XenPlatform xen, DataRate wire, long delay, ModelParameters p) {
        Host h = scenario.host();
        xenScheduler = new CreditScheduler(kernel, h.cpus(), new CreditScheduler.Settings(
                (long) p.get("xen.scheduler.tick-ns"), (long) p.get("xen.scheduler.slice-ns"),
                (int) p.get("xen.scheduler.ticks-per-accounting"), (int) p.get("xen.scheduler.credits-per-tick"),
                p.get("xen.scheduler.boost") != 0, p.get("xen.scheduler.tickle") != 0));
        for (int i = 0; i < h.cpus(); i++) {
            // the host has run for an unknown time: each CPU's tick at a phase of its own
            xenScheduler.setTickPhase(i, phase("xen.cpu" + i + ".tick", (long) p.get("xen.scheduler.tick-ns")));
        }
        Dom0 d0 = xen.dom0();
        Domain dom0 = host.domain(Dom0.NAME);
        List<Vcpu> dom0Vcpus = new ArrayList<>();
        for (int i = 0; i < d0.vcpus(); i++) {
            Vcpu v = new Vcpu(kernel, "dom0.vcpu" + i, h.cpuSpeed(), dom0, d0.weight(), d0.cap(),
                    mask(d0.pinned(), h.cpus()));
            switchLatencies(v, p);
            idleTimer(v, p);
            if (i == 0) {
                bridgeGcTimer(v, p);
            }
            dom0Vcpus.add(v);
            host.executors.add(v);
        }
        xenScheduler.addDom0(dom0Vcpus);
        // one queue (the parser allows no more under Xen)
        host.nicRx = receiveQueues("host", h.nic(), dom0);
        Bridge bridge = new Bridge(flows, costs.bridge);
        host.nicTx = new NicTx(kernel, "host", txCapacity(h.nic()), wire, h.nic().frameOverheadNanos(),
                delay, peer.nicRx);
        SplitDriver driver = SplitDriver.of(p);
        Netback netback = new Netback(kernel, dom0, costs, driver, bridge, host.nicTx, h.nic(), random("netback"));
        host.nicRx.connect(netback.freeingSentFrames(bridge), costs.driverRx, costs.perInterrupt, costs.jitter,
                "host.nic", this::random);
        LinuxScheduler.Settings guestKernel = linux(p, (int) p.get("xen.guest-hz"));
        kernel(Dom0.NAME, dom0Vcpus, dom0, guestKernel);
        // the NIC's interrupt (its NAPI poll and the bridge), and the guests' event channels with
        // the transmit work they schedule: Dom0's VCPU 0 by default, as 2.6.16-xen binds them
        Vcpu nicVcpu = dom0Vcpu(dom0Vcpus, p, "xen.dom0.nic-vcpu");
        NicRx nic = host.nicRx.queue(0);
        nicVcpu.add(nic.napi());
        // a tasklet runs on the CPU that scheduled it: the bridge's netif_be_start_xmit schedules
        // the receive tasklet for every frame it admits, from the NIC's poll (a guest's event
        // does so only when it restarts a stopped queue)
        nicVcpu.add(netback.rxTasklet());
        // its interrupt, bound by that VCPU at boot, is taken by the physical CPU it was on then
        Irq nicIrq = xenScheduler.bindIrq(nicVcpu);
        nic.interruptOn(nicIrq);
        host.nicTx.interruptOn(nicIrq);
        netback.interruptOn(nicIrq);
        Vcpu netbackVcpu = dom0Vcpu(dom0Vcpus, p, "xen.dom0.netback-vcpu");
        netbackVcpu.add(netback.txTasklet());
        // the guests' event channels' Dom0 end, bound there too
        netbackVcpu.add(netback.guestEvents());
        // netif_rx queues the guests' frames on the backlog of the CPU that ran net_tx_action
        netbackVcpu.add(netback.backlog());
        traced.add(netback.backlogQueue());
        GuestStack stack = GuestStack.xenGuest(costs);
        for (DomU u : xen.domUs()) {
            Domain d = host.domain(u.name());
            List<Vcpu> vcpus = new ArrayList<>();
            for (int i = 0; i < u.vcpus(); i++) {
                Vcpu v = new Vcpu(kernel, u.name() + ".vcpu" + i, h.cpuSpeed(), d, u.weight(), u.cap(),
                        mask(u.pinned(), h.cpus()));
                switchLatencies(v, p);
                idleTimer(v, p);
                vcpus.add(v);
                host.executors.add(v);
            }
            xenScheduler.addGuest(vcpus);
            EventChannel channel = new EventChannel();
            NetfrontRx front = new NetfrontRx(u.name(), d, driver, flows, stack, channel,
                    random(u.name() + ".netfront"));
            NetfrontTx tx = new NetfrontTx(u.name(), d, driver.ringSlots() + queues.qdiscPackets(),
                    driver.txRingRequests(), u.vif().mac(), channel, costs.netfrontNotify, costs.jitter,
                    random(u.name() + ".netfront.tx"));
            // the guest's one event channel is bound to its first VCPU
            vcpus.get(0).add(front);
            vcpus.get(0).add(tx.completions());
            Vif vif = netback.connect(u.name(), front, tx);
            traced.add(vif.qdisc());
            traced.add(vif.admissionDrops());
            host.guests.put(u.name(), new Site(u.name(), d, stack, u.vif().mac(), tx, costs.netfrontTx,
                    driver.tcpGso(), kernel(u.name(), vcpus, d, guestKernel)));
        }
    }

    private static long mask(List<Integer> pinned, int cpus) {
        long all = CpuMasks.all(cpus);
        if (pinned.isEmpty()) {
            return all;
        }
        long m = 0;
        for (int c : pinned) {
            if (c >= cpus) {
                throw new IllegalArgumentException("pinned to CPU " + c + " but the host has " + cpus);
            }
            m |= 1L << c;
        }
        return m;
    }

    private record Site(String name, Domain domain, GuestStack stack, MacAddress mac, PacketPort txPort,
                        double deviceTxCost, Gso tcpGso, LinuxScheduler linux) implements GuestSite {
        /** A site whose TCP hands each segment to its device alone (a container's veth: no offload is modelled). */
        Site(String name, Domain domain, GuestStack stack, MacAddress mac, PacketPort txPort, double deviceTxCost,
             LinuxScheduler linux) {
            this(name, domain, stack, mac, txPort, deviceTxCost, Gso.OFF, linux);
        }

        @Override
        public void spawn(Task process) {
            linux.spawn(process);
        }

        @Override
        public void spawnInUsleep(Task thread) {
            linux.spawnInUsleep(thread);
        }
    }
}
