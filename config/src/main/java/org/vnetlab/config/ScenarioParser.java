package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vnetlab.core.model.Container;
import org.vnetlab.core.model.ContainerPlatform;
import org.vnetlab.core.model.KvmGuest;
import org.vnetlab.core.model.KvmPlatform;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Dom0;
import org.vnetlab.core.model.DomU;
import org.vnetlab.core.model.Host;
import org.vnetlab.core.model.Link;
import org.vnetlab.core.model.Method;
import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.core.model.NativePlatform;
import org.vnetlab.core.model.Nic;
import org.vnetlab.core.model.PayloadSizes;
import org.vnetlab.core.model.Platform;
import org.vnetlab.core.model.RttProbe;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.TcpStream;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.model.VServerContext;
import org.vnetlab.core.model.VServerPlatform;
import org.vnetlab.core.model.Vif;
import org.vnetlab.core.model.Workload;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpAddress;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.ByteSize;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.RunLimits;

/** Turns a merged, resolved scenario configuration into the core model, checking it on the way. */
final class ScenarioParser {

    static final Set<String> PLATFORMS = new LinkedHashSet<>(List.of("native", "xen", "vserver", "container", "kvm"));
    static final Set<String> WORKLOAD_TYPES = new LinkedHashSet<>(List.of("udp", "tcp", "rtt", "burner"));
    private static final Map<String, ContainerPlatform.Attach> ATTACH = new java.util.LinkedHashMap<>();

    static {
        for (ContainerPlatform.Attach a : ContainerPlatform.Attach.values()) {
            ATTACH.put(a.key(), a);
        }
    }

    /** The smallest RTT probe payload: a 4-byte sequence number and an 8-byte send time. */
    static final int RTT_MIN_PAYLOAD = 12;
    /** The longest an RTT probe's schedule may run: an hour of virtual time (the study's took 2 s). */
    static final long RTT_MAX_SCHEDULE_NANOS = 3600 * 1_000_000_000L;
    /** The longest one-way delay of the link between the machines. */
    static final long MAX_LINK_DELAY_NANOS = 1_000_000_000L;
    /** The coarsest clock an RTT probe may stamp with: a jiffy at HZ 100. */
    static final long MAX_CLOCK_RESOLUTION_NANOS = 10_000_000L;
    /** The largest TCP window: 65535 shifted by the window scale option's largest shift, 14 (RFC 1323). */
    static final long TCP_MAX_WINDOW = 65535L << 14;
    private static final String ALL = "all";

    private ScenarioParser() {
    }

    static Scenario parse(Config merged, ParameterSpecs specs) {
        Node root = new Node(merged, "");
        Link link = link(root.at("link"));
        Platform platform = switch (root.oneOf("platform", PLATFORMS)) {
            case "xen" -> xen(root.at("xen"));
            case "vserver" -> vserver(root.at("vserver"));
            case "container" -> container(root.at("container"));
            case "kvm" -> kvm(root.at("kvm"));
            default -> new NativePlatform(root.at("native").addresses("addresses"));
        };
        checkAddressesUnique(root, platform);
        // under Xen or KVM machine 1's NIC interrupt is taken as the hypervisor's model says, not by a Linux host
        boolean hypervisor = platform instanceof XenPlatform || platform instanceof KvmPlatform;
        Node hostNic = root.at("host").at("nic");
        if (hypervisor && hostNic.intValue("queues") > 1) {
            throw hostNic.error("queues", "must be 1 with platform xen or kvm (Dom0, or the KVM"
                    + " host's softirq, takes the NIC's one interrupt on one CPU; multi-queue NICs are modelled for"
                    + " native, vserver and container)");
        }
        if (hypervisor && hostNic.intValue("irq-cpu") != 0) {
            throw hostNic.error("irq-cpu", "must be 0 with platform xen or kvm (under Xen the"
                    + " interrupt goes where Dom0's VCPU xen.dom0.nic-vcpu runs; the KVM host's is not modelled apart)");
        }
        if (link.sameMachine() && hypervisor) {
            throw root.at("link").error("same-machine", "machine 2 can share machine 1's CPUs only where machine 1"
                    + " runs Linux itself (platform native, vserver or container), not under Xen or KVM");
        }
        if (platform instanceof XenPlatform xen) {
            checkDom0Bindings(root.at("model"), xen.dom0().vcpus());
            checkPinned(root.at("xen"), xen, root.at("host").positiveInt("cpus"));
        }
        List<Workload> workloads = workloads(root, platform, link);
        return new Scenario(root.name("name"), root.string("description"), host(root.at("host")),
                host(root.at("peer")), link, platform, workloads, method(root.at("method")), model(root, specs));
    }

    /** The model's bindings of Dom0's interrupts name one of Dom0's VCPUs. */
    private static void checkDom0Bindings(Node model, int dom0Vcpus) {
        for (String key : List.of("xen.dom0.nic-vcpu", "xen.dom0.netback-vcpu")) {
            if (!model.config().hasPath(key) || model.config().getValue(key).valueType() != ConfigValueType.NUMBER) {
                continue;
            }
            double v = model.config().getDouble(key);
            if (v != Math.rint(v) || v < 0 || v >= dom0Vcpus) {
                throw model.error(key, "must be one of Dom0's VCPUs, 0 to " + (dom0Vcpus - 1)
                        + " (xen.dom0.vcpus = " + dom0Vcpus + "), got " + model.config().getValue(key).render());
            }
        }
    }

    /** Physical CPUs a host may have: a VCPU's affinity is a 64-bit mask. */
    static final int MAX_CPUS = 64;
    /** The shortest CPU sampling interval: a thousand samples a simulated second. */
    static final long MIN_CPU_SAMPLE_INTERVAL_NANOS = 1_000_000L;

    private static Host host(Node n) {
        int cpus = n.positiveInt("cpus");
        if (cpus > MAX_CPUS) {
            throw n.error("cpus", "at most " + MAX_CPUS + ", got " + cpus);
        }
        double speed = n.positiveDouble("cpu-speed");
        if (speed < Host.MIN_CPU_SPEED || speed > Host.MAX_CPU_SPEED) {
            throw n.error("cpu-speed", Host.MIN_CPU_SPEED + " to " + (int) Host.MAX_CPU_SPEED
                    + " times the study's 2.4 GHz Opteron, got " + speed);
        }
        return new Host(n.name("name"), cpus, speed,
                new ByteSize(n.bytes("memory")), nic(n.at("nic"), cpus));
    }

    /** The most descriptors a NIC's ring, a coalescing count or a NAPI budget may name. */
    static final int MAX_RING = 65_536;

    private static Nic nic(Node n, int cpus) {
        return new Nic(n.rate("rate"), ring(n, "rx-ring"), ring(n, "tx-ring"),
                n.nanos("coalesce", true), ring(n, "coalesce-frames"), n.nanos("interrupt-gap", true),
                ring(n, "napi-budget"),
                n.nanos("frame-overhead", true), n.nanos("tx-coalesce", true), ring(n, "tx-coalesce-frames"),
                queues(n, cpus), irqCpu(n, cpus), n.bool("tso"));
    }

    private static int ring(Node n, String key) {
        return n.intBetween(key, 1, MAX_RING, "a NIC's rings hold at most " + MAX_RING + " descriptors");
    }

    /** A domain's VCPUs: each has an affinity mask of the machine's CPUs, 64 bits. */
    private static int vcpus(Node n) {
        return n.intBetween("vcpus", 1, MAX_CPUS, "a VCPU's affinity is a 64-bit mask of CPUs");
    }

    /** A credit-scheduler weight: Xen keeps it in 16 bits. */
    private static int weight(Node n) {
        return n.intBetween("weight", 1, 65_535, "Xen keeps a domain's weight in 16 bits");
    }

    /** A cap in percent of one CPU: at most every CPU of the largest machine. */
    private static int cap(Node n) {
        return n.intBetween("cap", 0, 100 * MAX_CPUS, "percent of one CPU, 0 for none");
    }

    /** The CPU a NIC's (first) interrupt goes to: one of the machine's. */
    private static int irqCpu(Node n, int cpus) {
        int cpu = n.intValue("irq-cpu");
        if (cpu < 0 || cpu >= cpus) {
            throw n.error("irq-cpu", "must be a CPU of the machine, 0 to " + (cpus - 1) + " (cpus = " + cpus
                    + "), got " + cpu);
        }
        return cpu;
    }

    /** A NIC's queues: each takes its interrupt on a CPU of its own, so at most one per CPU. */
    private static int queues(Node n, int cpus) {
        int queues = n.intValue("queues");
        if (queues < 1 || queues > cpus) {
            throw n.error("queues", "must be 1 to " + cpus + " (one queue per CPU at most; cpus = " + cpus
                    + "), got " + queues);
        }
        return queues;
    }

    private static Link link(Node n) {
        int mtu = n.positiveInt("mtu");
        if (mtu < 1280 || mtu > 65535) {
            throw n.error("mtu", "must be between 1280 (the IPv6 minimum) and 65535, got " + mtu);
        }
        long delay = n.nanos("delay", true);
        if (delay > MAX_LINK_DELAY_NANOS) {
            // a run shorter than the delay delivers nothing and reported 100 % loss (24 h was taken)
            throw n.error("delay", "at most 1 s one way (a geostationary hop is 0.27 s), got " + delay / 1e9 + " s");
        }
        return new Link(n.rate("rate"), delay, mtu, n.bool("same-machine"));
    }

    private static XenPlatform xen(Node n) {
        Node d0 = n.at("dom0");
        Dom0 dom0 = new Dom0(vcpus(d0), weight(d0), cap(d0),
                d0.nonNegativeInts("pinned"));
        Node template = n.at("domU");
        List<DomU> guests = new ArrayList<>();
        ConfigValue domUs = n.value("domUs");
        if (domUs.valueType() == ConfigValueType.NUMBER) {
            int count = generatedCount(n, "domUs", 10, "guest");
            for (int i = 1; i <= count; i++) {
                guests.add(domU(template, "domU" + i, MacAddress.xen(i), guestAddresses(10 + i)));
            }
        } else if (domUs.valueType() == ConfigValueType.LIST) {
            Set<String> allowed = new LinkedHashSet<>(List.of("name", "mac", "addresses"));
            allowed.addAll(template.config().root().keySet());
            List<Node> list = n.objects("domUs");
            for (int i = 0; i < list.size(); i++) {
                Node g = list.get(i);
                g.onlyKeys(allowed);
                Node merged = g.over(template);
                MacAddress mac = g.has("mac") ? mac(g) : MacAddress.xen(i + 1);
                List<IpAddress> addresses = g.has("addresses") ? g.addresses("addresses") : guestAddresses(11 + i);
                guests.add(domU(merged, g.name("name"), mac, addresses));
            }
        } else {
            throw n.error("domUs", "expected a number of guests or a list of guest objects");
        }
        checkUniqueNames(n, "domUs", guests.stream().map(DomU::name).toList());
        Map<MacAddress, String> macs = new HashMap<>();
        for (DomU g : guests) {
            String before = macs.putIfAbsent(g.vif().mac(), g.name());
            if (before != null) {
                // Dom0's bridge learns its ports by MAC: one of the two would get the other's frames
                throw n.error("domUs", g.name() + " and " + before + " both have MAC " + g.vif().mac()
                        + "; a bridge tells its ports apart by MAC, so each guest needs its own");
            }
        }
        return new XenPlatform(dom0, guests);
    }

    /** Every CPU a domain is pinned to must be one of machine 1's. */
    private static void checkPinned(Node xen, XenPlatform p, int cpus) {
        String valid = "host.cpus is " + cpus + ", so 0 to " + (cpus - 1);
        for (int c : p.dom0().pinned()) {
            if (c >= cpus) {
                throw xen.at("dom0").error("pinned", "CPU " + c + " does not exist: " + valid);
            }
        }
        boolean listed = xen.value("domUs").valueType() == ConfigValueType.LIST;
        for (DomU g : p.domUs()) {
            for (int c : g.pinned()) {
                if (c >= cpus) {
                    throw xen.error(listed ? "domUs" : "domU.pinned", g.name() + " is pinned to CPU " + c
                            + ", which does not exist: " + valid);
                }
            }
        }
    }

    private static DomU domU(Node t, String name, MacAddress mac, List<IpAddress> addresses) {
        return new DomU(name, vcpus(t), new ByteSize(t.bytes("memory")), weight(t), cap(t), t.nonNegativeInts("pinned"),
                new Vif(mac, addresses));
    }

    private static MacAddress mac(Node g) {
        try {
            return MacAddress.parse(g.string("mac"));
        } catch (IllegalArgumentException e) {
            throw g.error("mac", e.getMessage());
        }
    }

    private static VServerPlatform vserver(Node n) {
        List<VServerContext> contexts = addressedGuests(n, "contexts", "ctx", 20, "context", VServerContext::new);
        checkUniqueNames(n, "contexts", contexts.stream().map(VServerContext::name).toList());
        return new VServerPlatform(contexts);
    }

    private static ContainerPlatform container(Node n) {
        List<Container> containers = addressedGuests(n, "guests", "ct", 30, "container", Container::new);
        checkUniqueNames(n, "guests", containers.stream().map(Container::name).toList());
        String attach = n.oneOf("attach", ATTACH.keySet());
        return new ContainerPlatform(containers, ATTACH.get(attach));
    }

    private static KvmPlatform kvm(Node n) {
        List<KvmGuest> guests = addressedGuests(n, "guests", "vm", 40, "guest", KvmGuest::new);
        checkUniqueNames(n, "guests", guests.stream().map(KvmGuest::name).toList());
        return new KvmPlatform(guests);
    }

    /**
     * Guests that are a name and addresses (VServer contexts, containers, KVM guests): {@code key} is a number N,
     * giving PREFIX1..PREFIXN at the default addresses from {@code firstHost} + 1 on, or a list of
     * objects with {@code name} and {@code addresses}.
     */
    private static <G> List<G> addressedGuests(Node n, String key, String prefix, int firstHost, String what,
                                               java.util.function.BiFunction<String, List<IpAddress>, G> make) {
        List<G> guests = new ArrayList<>();
        ConfigValue v = n.value(key);
        if (v.valueType() == ConfigValueType.NUMBER) {
            int count = generatedCount(n, key, firstHost, what);
            for (int i = 1; i <= count; i++) {
                guests.add(make.apply(prefix + i, guestAddresses(firstHost + i)));
            }
        } else if (v.valueType() == ConfigValueType.LIST) {
            for (Node c : n.objects(key)) {
                c.onlyKeys(Set.of("name", "addresses"));
                guests.add(make.apply(c.name("name"), c.addresses("addresses")));
            }
        } else {
            throw n.error(key, "expected a number of " + what + "s or a list of " + what + " objects");
        }
        return guests;
    }

    /**
     * A number of generated guests: their addresses 198.18.0.(firstHost + 1) on run out at .254, so
     * more is a one-line error that says how to name them instead.
     */
    private static int generatedCount(Node n, String key, int firstHost, String what) {
        int count = n.nonNegativeInt(key);
        int most = 254 - firstHost;
        if (count > most) {
            throw n.error(key, "at most " + most + " " + what + "s get generated addresses (198.18.0." + (firstHost + 1)
                    + " to .254), got " + count + "; for more, give a list of " + what + " objects with their own"
                    + " addresses");
        }
        return count;
    }

    /** The default addresses of generated guest number {@code host}: 198.18.0.host and fd00::host. */
    private static List<IpAddress> guestAddresses(int host) {
        return List.of(IpAddress.parse("198.18.0." + host), IpAddress.parse("fd00::" + Integer.toHexString(host)));
    }

    private static void checkUniqueNames(Node n, String key, List<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (name.equals(ALL) || name.equals(Dom0.NAME) || name.equals(VServerPlatform.KERNEL)) {
                throw n.error(key, "the guest name '" + name + "' is reserved");
            }
            if (!seen.add(name)) {
                throw n.error(key, "two guests are named '" + name + "'; guest names must be unique");
            }
        }
    }

    private static void checkAddressesUnique(Node root, Platform platform) {
        String key;
        List<Map.Entry<String, List<IpAddress>>> claims = new ArrayList<>();
        if (platform instanceof XenPlatform x) {
            key = "xen.domUs";
            x.domUs().forEach(d -> claims.add(Map.entry(d.name(), d.vif().addresses())));
        } else if (platform instanceof VServerPlatform v) {
            key = "vserver.contexts";
            v.contexts().forEach(c -> claims.add(Map.entry(c.name(), c.addresses())));
        } else if (platform instanceof ContainerPlatform c) {
            key = "container.guests";
            c.containers().forEach(ct -> claims.add(Map.entry(ct.name(), ct.addresses())));
        } else if (platform instanceof KvmPlatform k) {
            key = "kvm.guests";
            k.guests().forEach(g -> claims.add(Map.entry(g.name(), g.addresses())));
        } else {
            return;
        }
        Map<IpAddress, String> owner = new HashMap<>();
        for (var claim : claims) {
            for (IpAddress a : claim.getValue()) {
                String previous = owner.putIfAbsent(a, claim.getKey());
                if (previous != null) {
                    throw root.error(key, claim.getKey() + " and " + previous + " both claim address " + a
                            + "; each address belongs to one guest");
                }
            }
        }
    }

    private static List<Workload> workloads(Node root, Platform platform, Link link) {
        List<Node> nodes = root.objects("workloads");
        List<String> guests = platform.guestNames();
        Set<String> burning = new LinkedHashSet<>();
        for (Node w : nodes) {
            if (w.oneOf("type", WORKLOAD_TYPES).equals("burner")) {
                burning.add(guest(w, guests));
            }
        }
        List<Workload> out = new ArrayList<>();
        for (Node w : nodes) {
            String type = w.string("type");
            Node block = root.at(type);
            Set<String> allowed = new LinkedHashSet<>(List.of("type", "guest"));
            allowed.addAll(block.config().root().keySet());
            w.onlyKeys(allowed);
            Node merged = w.over(block);
            String guest = guest(w, guests);
            List<String> targets = !guest.equals(ALL) ? List.of(guest)
                    : guests.stream().filter(g -> type.equals("burner") || !burning.contains(g)).toList();
            for (String g : targets) {
                out.add(workload(type, g, merged, link));
            }
        }
        return out;
    }

    private static String guest(Node w, List<String> guests) {
        String g = w.string("guest");
        if (!g.equals(ALL) && !guests.contains(g)) {
            throw w.error("guest", "no guest named '" + g + "'; this scenario has: "
                    + String.join(", ", guests) + " (or 'all')" + Suggest.hint(g, guests));
        }
        return g;
    }

    private static Workload workload(String type, String guest, Node n, Link link) {
        return switch (type) {
            case "udp" -> udp(guest, n, link);
            case "tcp" -> new TcpStream(guest, direction(n), n.nanos("duration", false),
                    tcpWindow(n, link), n.oneOf("congestion", new LinkedHashSet<>(TcpStream.CONGESTION)),
                    parallel(n));
            case "rtt" -> rtt(guest, n, link);
            default -> new CpuBurner(guest, n.fraction("load"));
        };
    }

    /** A UDP stream that sends at least one datagram of its smallest payload a second (1 bit/s was taken). */
    private static UdpStream udp(String guest, Node n, Link link) {
        DataRate rate = n.rate("rate");
        PayloadSizes sizes = sizes(n, link);
        int smallest = Integer.MAX_VALUE;
        for (IpVersion ip : IpVersion.values()) {
            for (int size : sizes.of(ip)) {
                smallest = Math.min(smallest, size);
            }
        }
        if (smallest < Integer.MAX_VALUE && rate.bitsPerSecond() < 8L * smallest) {
            throw n.error("rate", "sends a datagram of " + smallest + " B less than once a second; at least "
                    + 8L * smallest + " bit/s");
        }
        return new UdpStream(guest, rate, sizes, direction(n), n.nanos("duration", false), parallel(n),
                n.oneOf("pacing", UdpStream.Pacing.class));
    }

    /**
     * An RTT probe whose run fits: at most {@link RttProbe#MAX_PROBES} probes (the run keeps every
     * measurement), and at most {@link #RTT_MAX_SCHEDULE_NANOS} of virtual time with the warm-up: an
     * open loop's measurements take at least their probes' payload bits at the stream's rate and
     * their pauses; a closed loop ends at its deadline.
     */
    private static RttProbe rtt(String guest, Node n, Link link) {
        DataRate rate = n.rate("rate");
        int payload = rttPayload(n, link);
        int count = n.positiveInt("count");
        int packets = n.positiveInt("packets");
        long probes = (long) count * packets;
        if (probes > RttProbe.MAX_PROBES) {
            throw n.error(n.givenOf("count", "packets"), "count x packets must be at most " + RttProbe.MAX_PROBES
                    + " probes, got " + count + " x " + packets + " = " + probes);
        }
        long pause = n.nanos("pause", true);
        long warmUp = n.nanos("warm-up", true);
        long deadline = n.nanos("deadline", false);
        RttProbe.Loop loop = n.oneOf("loop", RttProbe.Loop.class);
        double run = warmUp + (loop == RttProbe.Loop.CLOSED ? deadline
                : count * ((double) packets * rate.nanosFor(payload) + pause));
        if (run > RTT_MAX_SCHEDULE_NANOS) {
            String what = loop == RttProbe.Loop.CLOSED ? "warm-up and deadline"
                    : "warm-up, then " + count + " measurements of " + packets + " probes of " + payload + " B at "
                    + rate + " and a pause each";
            String[] involved = loop == RttProbe.Loop.CLOSED ? new String[] {"deadline", "warm-up"}
                    : new String[] {"rate", "warm-up", "count", "packets", "pause", "payload"};
            throw n.error(n.givenOf(involved), String.format(Locale.ROOT,
                    "the probe would run %.3g s of virtual time (%s); at most %d s fit a run", run / 1e9, what,
                    RTT_MAX_SCHEDULE_NANOS / 1_000_000_000L));
        }
        long resolution = n.nanos("clock-resolution", false);
        if (resolution > MAX_CLOCK_RESOLUTION_NANOS) {
            // a coarser clock reads every round trip as 0 (1 h was taken, and reported 0.0000 ms)
            throw n.error("clock-resolution", "at most 10 ms (a jiffy at HZ 100, the coarsest clock a probe"
                    + " could read), got " + resolution / 1e6 + " ms");
        }
        return new RttProbe(guest, rate, payload, count, packets, pause, resolution,
                n.oneOf("pacing", RttProbe.Pacing.class), n.bool("streams"), loop, n.nanos("timeout", false),
                deadline, warmUp);
    }

    /**
     * A TCP window TCP can advertise: RFC 1323's scale of at most 14 over 16 bits, about 1 GiB, and
     * at least the two whole segments the model counts a window in (below, it ran with two).
     */
    private static ByteSize tcpWindow(Node n, Link link) {
        long window = n.bytes("window");
        long twoSegments = 2L * Ethernet.maxPayload(link.mtu(), IpVersion.IPV4, Transport.TCP);
        if (window < twoSegments) {
            throw n.error("window", "must be at least " + twoSegments + " B (two segments of the link's MTU "
                    + link.mtu() + "; a window is counted in whole segments), got " + window + " B");
        }
        if (window > TCP_MAX_WINDOW) {
            throw n.error("window", "must be at most " + TCP_MAX_WINDOW + " B (65535 << 14, the largest window"
                    + " TCP's window scale option can advertise), got " + window + " B");
        }
        return new ByteSize(window);
    }

    /** Flows one UDP or TCP workload runs side by side: at most one per CPU of the largest host. */
    private static int parallel(Node n) {
        int parallel = n.intValue("parallel");
        if (parallel < 1 || parallel > MAX_CPUS) {
            throw n.error("parallel", "must be 1 to " + MAX_CPUS + ", got " + parallel);
        }
        return parallel;
    }

    private static Direction direction(Node n) {
        return Direction.fromKey(n.oneOf("direction", new LinkedHashSet<>(List.of("rx", "tx", "tradeoff"))));
    }

    private static PayloadSizes sizes(Node n, Link link) {
        Node s = n.at("sizes");
        return new PayloadSizes(fitting(s, "ipv4", IpVersion.IPV4, link), fitting(s, "ipv6", IpVersion.IPV6, link));
    }

    private static List<Integer> fitting(Node s, String key, IpVersion ip, Link link) {
        List<Integer> sizes = s.positiveInts(key);
        for (int size : sizes) {
            Ethernet.udpPayloadTooLarge(size, link.mtu(), ip).ifPresent(why -> {
                // the study's sizes are the defaults: a smaller link.mtu needs sizes of its own
                throw s.error(key, why + "; give sizes the link carries, e.g. --set 'udp.sizes." + key + "=[36, "
                        + Ethernet.maxPayload(link.mtu(), ip, Transport.UDP) + "]'");
            });
        }
        return sizes;
    }

    private static int rttPayload(Node n, Link link) {
        int payload = n.positiveInt("payload");
        int max = Ethernet.maxPayload(link.mtu(), IpVersion.IPV6, Transport.UDP);
        if (payload < RTT_MIN_PAYLOAD || payload > max) {
            throw n.error("payload", "must be between " + RTT_MIN_PAYLOAD + " B (sequence number and timestamp)"
                    + " and " + max + " B (MTU " + link.mtu() + " over ipv6/udp), got " + payload);
        }
        return payload;
    }

    private static Method method(Node n) {
        long sampleInterval = n.nanos("cpu-sample-interval", false);
        if (sampleInterval < MIN_CPU_SAMPLE_INTERVAL_NANOS) {
            throw n.error("cpu-sample-interval", "must be at least 1 ms (xentop and top sample once a second or"
                    + " less often; every sample is kept in memory), got '" + n.value("cpu-sample-interval").unwrapped()
                    + "'");
        }
        return new Method(n.intBetween("trials", 1, RunLimits.MAX_TRIALS, ""), n.longValue("seed"), sampleInterval,
                n.positiveInt("cpu-samples-kept"));
    }

    private static ModelParameters model(Node root, ParameterSpecs specs) {
        Node model = root.at("model");
        TreeMap<String, Double> values = new TreeMap<>();
        for (var e : model.config().entrySet()) {
            String key = e.getKey();
            if (e.getValue().valueType() == ConfigValueType.BOOLEAN) {
                // a switch of the model (e.g. xen.scheduler.boost): 1 for true, 0 for false
                values.put(key, model.config().getBoolean(key) ? 1.0 : 0.0);
                continue;
            }
            if (e.getValue().valueType() != ConfigValueType.NUMBER) {
                throw model.error(key, "expected a number (or true/false for a switch), got " + e.getValue().render());
            }
            ParameterSpec spec = specs.get(key).orElse(null);
            if (spec != null && spec.flag()) {
                // 0.25 would read as true: a switch is a switch
                throw model.error(key, "a switch: true or false, got " + e.getValue().render());
            }
            double v = model.config().getDouble(key);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw model.error(key, "out of range: " + e.getValue().render()
                        + " (model parameters are costs, sizes and factors: finite and >= 0)");
            }
            if (spec != null && !spec.contains(v)) {
                throw model.error(key, "out of range: " + e.getValue().render() + " (valid: " + spec.range()
                        + "; `vnetlab params` lists every parameter's range)");
            }
            values.put(key, v);
        }
        return new ModelParameters(values);
    }
}
