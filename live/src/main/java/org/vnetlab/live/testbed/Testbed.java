package org.vnetlab.live.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two hosts as network namespaces of this machine, {@code NAME1} and {@code NAME2}, joined by a veth
 * pair: host 1 has 198.18.0.1/24 and fd00::1/64, host 2 198.18.0.2/24 and fd00::2/64 (RFC 2544's
 * benchmarking range and a unique-local prefix, so no real network is touched). With a bridge, host
 * 1's end is a port of a Linux bridge that holds its addresses, like Xen's Dom0 bridge. IPv6
 * addresses skip duplicate address detection so they work at once. Needs root.
 */
public final class Testbed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Testbed.class);
    public static final String DEFAULT_NAME = "vnl";
    private static final String[] V4 = {"198.18.0.1", "198.18.0.2"};
    private static final String[] V6 = {"fd00::1", "fd00::2"};
    private static final int MAX_NAME = 12;

    private final String name;
    private final boolean bridge;
    private Shaping shaping;

    private Testbed(String name, boolean bridge, Shaping shaping) {
        this.name = name;
        this.bridge = bridge;
        this.shaping = shaping;
    }

    /** Makes the testbed; on any failure removes what it made and throws naming the failed step. */
    public static Testbed up(String name, boolean bridge, Shaping shaping) {
        checkName(name);
        requireRoot();
        Testbed t = new Testbed(name, bridge, shaping);
        for (int host = 1; host <= 2; host++) {
            if (Files.exists(Path.of("/run/netns", t.namespace(host)))) {
                throw new TestbedException("namespace " + t.namespace(host) + " exists already (vnetlab testbed down"
                        + (name.equals(DEFAULT_NAME) ? "" : " --name " + name) + " removes a testbed)");
            }
        }
        try {
            t.create();
            return t;
        } catch (RuntimeException e) {
            t.remove();
            throw e;
        }
    }

    private void create() {
        for (int host = 1; host <= 2; host++) {
            Shell.run("ip", "netns", "add", namespace(host));
            ip(host, "link", "set", "lo", "up");
        }
        Shell.run("ip", "link", "add", device(1), "netns", namespace(1), "type", "veth", "peer", "name", device(2),
                "netns", namespace(2));
        for (int host = 1; host <= 2; host++) {
            String dev = device(host);
            if (host == 1 && bridge) {
                ip(1, "link", "add", "br0", "type", "bridge");
                ip(1, "link", "set", device(1), "master", "br0");
                ip(1, "link", "set", "br0", "up");
                dev = "br0";
            }
            ip(host, "addr", "add", V4[host - 1] + "/24", "dev", dev);
            ip(host, "addr", "add", V6[host - 1] + "/64", "dev", dev, "nodad");
            ip(host, "link", "set", device(host), "up");
        }
        shape(shaping);
        LOG.info("testbed {} up", name);
    }

    /** Replaces the traffic control on both hosts' egress. */
    public void shape(Shaping s) {
        for (int host = 1; host <= 2; host++) {
            List<String> qdisc = s.qdisc();
            if (qdisc.isEmpty()) {
                if (!shaping.none()) {
                    tc(host, List.of("qdisc", "del", "dev", device(host), "root"));
                }
            } else {
                List<String> args = new ArrayList<>(List.of("qdisc", "replace", "dev", device(host), "root"));
                args.addAll(qdisc);
                tc(host, args);
            }
        }
        shaping = s;
    }

    /** Whether this kernel has the netem qdisc (delay and loss need it). */
    public boolean hasNetem() {
        try {
            tc(1, List.of("qdisc", "add", "dev", "lo", "root", "netem", "delay", "0ms"));
            tc(1, List.of("qdisc", "del", "dev", "lo", "root"));
            return true;
        } catch (TestbedException e) {
            return false;
        }
    }

    /** Removes a testbed by name; false when none of its namespaces existed. */
    public static boolean down(String name) {
        checkName(name);
        requireRoot();
        return new Testbed(name, false, Shaping.NONE).remove();
    }

    private boolean remove() {
        boolean any = false;
        for (int host = 1; host <= 2; host++) {
            if (Files.exists(Path.of("/run/netns", namespace(host)))) {
                Shell.run("ip", "netns", "del", namespace(host));
                any = true;
            }
        }
        return any;
    }

    /** The command line that runs {@code command} inside host {@code host} (1 or 2). */
    public List<String> exec(int host, List<String> command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
        c.addAll(command);
        return c;
    }

    public String namespace(int host) {
        return name + host;
    }

    /**
     * Host {@code host}'s veth end (the bridge's port on host 1 with a bridge). Interface names are
     * per namespace and the pair is made inside its namespaces, so every testbed uses the same two.
     */
    public String device(int host) {
        return "veth" + host;
    }

    public static String ipv4(int host) {
        return V4[host - 1];
    }

    public static String ipv6(int host) {
        return V6[host - 1];
    }

    public String name() {
        return name;
    }

    public boolean bridged() {
        return bridge;
    }

    public Shaping shaping() {
        return shaping;
    }

    private void ip(int host, String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "-n", namespace(host)));
        c.addAll(List.of(args));
        Shell.run(c);
    }

    private void tc(int host, List<String> args) {
        List<String> c = new ArrayList<>(List.of("tc", "-n", namespace(host)));
        c.addAll(args);
        Shell.run(c);
    }

    /** Throws a one-line IllegalArgumentException unless {@code name} can name a testbed. */
    public static void checkName(String name) {
        if (!name.matches("[a-z][a-z0-9]*") || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("testbed name '" + name + "': 1-" + MAX_NAME
                    + " lower-case letters and digits, starting with a letter");
        }
    }

    /** Network namespaces need root (CAP_SYS_ADMIN and CAP_NET_ADMIN). */
    static void requireRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:") && !line.split("\\s+")[2].equals("0")) {
                    throw new TestbedException("the testbed needs root (network namespaces); run it with sudo");
                }
            }
        } catch (IOException e) {
            throw new TestbedException("cannot tell whether this is root: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        remove();
        LOG.info("testbed {} down", name);
    }
}
