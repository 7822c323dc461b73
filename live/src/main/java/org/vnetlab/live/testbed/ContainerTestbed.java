package org.vnetlab.live.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container platform as network namespaces of this machine, laid out as vnetlab's model of
 * it: a host namespace {@code NAMEh} whose Linux bridge {@code br0} has the host's "NIC" as a port
 * (a veth pair whose other end, {@code eth0}, is the peer namespace {@code NAMEp}, machine 2) and
 * each container's host end; containers {@code NAMEc1}..{@code NAMEcN}, each joined to the bridge
 * by a veth pair whose namespace end is {@code eth0}. The peer has 198.18.0.2/24 and fd00::2/64,
 * container i 198.18.0.(30+i)/24 and fd00::(30+i)/64 (the model's default addresses); the bridge
 * has none, as a bridge with the NIC enslaved. Needs root. {@link #close()} ends every process
 * left in its namespaces (only what was started in them) and removes them, also when the JVM
 * is stopped (Ctrl-C) while it is up.
 */
public final class ContainerTestbed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerTestbed.class);
    /** Containers a testbed may have: their addresses stay within 198.18.0.31 - .94. */
    public static final int MAX_CONTAINERS = 64;
    private static final String DEVICE = "eth0";

    private final String name;
    private final int containers;
    private final Thread onExit;
    private boolean removed;

    private ContainerTestbed(String name, int containers) {
        this.name = name;
        this.containers = containers;
        this.onExit = new Thread(this::remove, "testbed " + name + " removal");
    }

    /** Makes the testbed; on any failure removes what it made and throws naming the failed step. */
    public static ContainerTestbed up(String name, int containers) {
        Testbed.checkName(name);
        if (containers < 1 || containers > MAX_CONTAINERS) {
            throw new IllegalArgumentException("containers: 1 to " + MAX_CONTAINERS + ", got " + containers);
        }
        Testbed.requireRoot();
        ContainerTestbed t = new ContainerTestbed(name, containers);
        for (String ns : t.namespaces()) {
            if (Files.exists(Path.of("/run/netns", ns))) {
                throw new TestbedException("namespace " + ns + " exists already (another testbed of that name is up;"
                        + " `ip netns del " + ns + "` removes it)");
            }
        }
        Runtime.getRuntime().addShutdownHook(t.onExit);
        try {
            t.create();
            return t;
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    private void create() {
        for (String ns : namespaces()) {
            Shell.run("ip", "netns", "add", ns);
            ip(ns, "link", "set", "lo", "up");
        }
        ip(host(), "link", "add", "br0", "type", "bridge");
        ip(host(), "link", "set", "br0", "up");
        join(peer(), "nic", peerIpv4(), peerIpv6());
        for (int i = 1; i <= containers; i++) {
            join(container(i), "veth" + i, containerIpv4(i), containerIpv6(i));
        }
        LOG.info("container testbed {} up with {} containers", name, containers);
    }

    /** A veth pair from the bridge (port {@code port}) to {@code ns}'s {@code eth0}, which gets the addresses. */
    private void join(String ns, String port, String ipv4, String ipv6) {
        Shell.run("ip", "link", "add", port, "netns", host(), "type", "veth", "peer", "name", DEVICE, "netns", ns);
        ip(host(), "link", "set", port, "master", "br0");
        ip(host(), "link", "set", port, "up");
        ip(ns, "addr", "add", ipv4 + "/24", "dev", DEVICE);
        ip(ns, "addr", "add", ipv6 + "/64", "dev", DEVICE, "nodad");
        ip(ns, "link", "set", DEVICE, "up");
    }

    private static void ip(String ns, String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "-n", ns));
        c.addAll(List.of(args));
        Shell.run(c);
    }

    /** Every namespace of the testbed: host, peer, containers. */
    public List<String> namespaces() {
        List<String> out = new ArrayList<>(List.of(host(), peer()));
        for (int i = 1; i <= containers; i++) {
            out.add(container(i));
        }
        return out;
    }

    public String host() {
        return name + "h";
    }

    public String peer() {
        return name + "p";
    }

    /** Container {@code i}'s namespace, 1-based. */
    public String container(int i) {
        if (i < 1 || i > containers) {
            throw new IllegalArgumentException("container " + i + " of " + containers);
        }
        return name + "c" + i;
    }

    public int containers() {
        return containers;
    }

    public static String peerIpv4() {
        return "198.18.0.2";
    }

    public static String peerIpv6() {
        return "fd00::2";
    }

    public static String containerIpv4(int i) {
        return "198.18.0." + (30 + i);
    }

    public static String containerIpv6(int i) {
        return "fd00::" + Integer.toHexString(30 + i);
    }

    /** The command line that runs {@code command} inside namespace {@code ns}. */
    public static List<String> exec(String ns, List<String> command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(command);
        return c;
    }

    /** Ends the processes left in the testbed's namespaces and removes them; safe to call twice. */
    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs (or ran) remove() itself
        }
    }

    private synchronized void remove() {
        if (removed) {
            return;
        }
        removed = true;
        for (String ns : namespaces()) {
            if (!Files.exists(Path.of("/run/netns", ns))) {
                continue;
            }
            endProcesses(ns);
            try {
                Shell.run("ip", "netns", "del", ns);
            } catch (TestbedException e) {
                LOG.warn("could not remove namespace {}: {}", ns, e.getMessage());
            }
        }
        LOG.info("container testbed {} down", name);
    }

    /** Ends the processes in {@code ns} (only ever ones started there by whoever made the testbed). */
    private static void endProcesses(String ns) {
        String pids;
        try {
            pids = Shell.run("ip", "netns", "pids", ns);
        } catch (TestbedException e) {
            return;
        }
        pids.lines().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong)
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                }));
    }
}
