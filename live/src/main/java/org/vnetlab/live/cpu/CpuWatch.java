package org.vnetlab.live.cpu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU sources a server is told to watch with {@code --cpu KIND:WHAT}, and the xentop they may
 * hold open. Each is checked when made, so a wrong name is one line before the server starts.
 */
public final class CpuWatch implements AutoCloseable {

    /** Linux's largest process id on 64-bit machines ({@code PID_MAX_LIMIT}). */
    private static final long PID_MAX_LIMIT = 1L << 22;

    /** The kinds, as {@code --cpu} takes them. */
    public static final String KINDS =
            "pid:PID, cgroup:PATH, xen:DOMAIN, kvm:GUEST, kvm-scope:GUEST, netns:NAME, container:NAME";

    /** Where the host keeps what the sources read; tests lay out their own. */
    public record Host(Path proc, Path cgroup, Path libvirtRun, Path netns, Path docker, Path podman,
            List<String> xentop, Duration xentopWait) {

        /**
         * This machine: {@code /proc}, the cgroup v2 mount, {@code /run/libvirt/qemu}, {@code /run/netns},
         * {@code /var/lib/docker}, {@code /var/lib/containers/storage}, xentop.
         */
        public static Host local() {
            return new Host(Path.of("/proc"), CgroupTree.root(), Path.of("/run/libvirt/qemu"), Path.of("/run/netns"),
                    Path.of("/var/lib/docker"), Path.of("/var/lib/containers/storage"),
                    List.of("xentop", "-b", "-f", "-d", "1"), Duration.ofSeconds(10));
        }
    }

    private final List<CpuSource> sources;
    private final XentopFeed xentop;

    private CpuWatch(List<CpuSource> sources, XentopFeed xentop) {
        this.sources = List.copyOf(sources);
        this.xentop = xentop;
    }

    /**
     * The sources {@code specs} name, each checked readable.
     *
     * @throws IllegalArgumentException one line naming the spec and what is wrong
     */
    public static CpuWatch of(List<String> specs, Host host) throws InterruptedException {
        Map<String, CpuSource> byName = new LinkedHashMap<>();
        XentopFeed feed = null;
        try {
            for (String spec : specs) {
                int colon = spec.indexOf(':');
                String kind = colon < 0 ? spec : spec.substring(0, colon);
                String what = colon < 0 ? "" : spec.substring(colon + 1);
                if (what.isEmpty()) {
                    throw new IllegalArgumentException("--cpu " + spec + ": expected KIND:WHAT, one of " + KINDS);
                }
                if (kind.equals("xen") && feed == null) {
                    feed = xentop(host, spec);
                }
                CpuSource source = source(kind, what, host, feed, spec);
                if (byName.putIfAbsent(source.name(), source) != null) {
                    throw new IllegalArgumentException("--cpu " + spec + ": " + source.name() + " is watched already");
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            if (feed != null) {
                feed.close();
            }
            throw e;
        }
        return new CpuWatch(new ArrayList<>(byName.values()), feed);
    }

    private static CpuSource source(String kind, String what, Host host, XentopFeed feed, String spec) {
        try {
            return switch (kind) {
                case "pid" -> CpuSource.pid(pid(what));
                case "cgroup" -> CpuSource.cgroup(what, host.cgroup());
                case "xen" -> xen(what, feed);
                case "kvm" -> CpuSource.checked(new CpuSource.ThreadsCpu("kvm-" + name(what),
                        guests(host).vcpuThreads(what)));
                case "kvm-scope" -> CpuSource.checked(new CpuSource.CgroupCpu("kvm-scope-" + name(what),
                        guests(host).scope(what)));
                case "netns" -> CpuSource.checked(new NetnsCpu("netns-" + name(what),
                        host.netns().resolve(name(what)), host.proc()));
                case "container" -> CpuSource.checked(new CpuSource.CgroupCpu("container-" + what,
                        new ContainerCgroups(host.cgroup(), host.docker(), host.podman()).cgroup(what)));
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "', expected one of " + KINDS);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cpu " + spec + ": " + e.getMessage());
        }
    }

    private static XentopFeed xentop(Host host, String spec) throws InterruptedException {
        try {
            return XentopFeed.start(host.xentop(), Duration.ofSeconds(1), host.xentopWait());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cpu " + spec + ": " + e.getMessage());
        }
    }

    private static CpuSource xen(String domain, XentopFeed feed) {
        if (!feed.domains().contains(domain)) {
            throw new IllegalArgumentException("xentop lists no domain " + domain + " (it lists " + feed.domains()
                    + ")");
        }
        return CpuSource.checked(new CpuSource.XenDomainCpu("xen-" + domain, domain, feed));
    }

    private static LibvirtGuests guests(Host host) {
        return new LibvirtGuests(host.proc(), host.cgroup(), host.libvirtRun());
    }

    /** A guest's or namespace's name, which becomes a file name: no slashes, no NUL, not . or .. */
    private static String name(String what) {
        if (what.contains("/") || what.contains("\0") || what.equals(".") || what.equals("..")) {
            throw new IllegalArgumentException("'" + what + "' is not a name (no '/', not . or ..)");
        }
        return what;
    }

    /** A process id: 1 to Linux's largest ({@code PID_MAX_LIMIT}, 2^22). */
    private static long pid(String what) {
        long pid;
        try {
            pid = Long.parseLong(what);
        } catch (NumberFormatException e) {
            pid = -1;
        }
        if (pid < 1 || pid > PID_MAX_LIMIT) {
            throw new IllegalArgumentException("'" + what + "' is not a process id (1 to " + PID_MAX_LIMIT + ")");
        }
        return pid;
    }

    /** The sources, in the order given. */
    public List<CpuSource> sources() {
        return sources;
    }

    @Override
    public void close() {
        if (xentop != null) {
            xentop.close();
        }
    }
}
