package org.vnetlab.live.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A host's /proc, cgroup tree, libvirt and netns directories laid out under a test's directory. */
final class RecordedHost {

    final Path proc;
    final Path cgroup;
    final Path libvirt;
    final Path netns;
    final Path docker;
    final Path podman;

    RecordedHost(Path dir) throws IOException {
        proc = Files.createDirectories(dir.resolve("proc"));
        cgroup = Files.createDirectories(dir.resolve("cgroup"));
        libvirt = Files.createDirectories(dir.resolve("run/libvirt/qemu"));
        netns = Files.createDirectories(dir.resolve("run/netns"));
        docker = dir.resolve("var/lib/docker");
        podman = dir.resolve("var/lib/containers/storage");
    }

    CpuWatch.Host host() {
        return new CpuWatch.Host(proc, cgroup, libvirt, netns, docker, podman, List.of("xentop-is-not-here"), Duration.ofSeconds(1));
    }

    /** A /proc/PID/stat (or task/TID/stat) line as proc(5) lays it out, with utime and stime in ticks. */
    static String stat(long pid, String comm, long utime, long stime, long start) {
        return pid + " (" + comm + ") S 1 1 1 0 -1 4194560 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 " + start
                + " 1000 100\n";
    }

    /** A process: its stat, comm, cmdline (arguments NUL-separated) and, when netInode > 0, its ns/net link. */
    Path process(long pid, String comm, long utime, long stime, long netInode, String... args) throws IOException {
        Path p = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(p.resolve("stat"), stat(pid, comm, utime, stime, 100));
        Files.writeString(p.resolve("comm"), comm + "\n");
        Files.writeString(p.resolve("cmdline"), args.length == 0 ? "" : String.join("\0", args) + "\0");
        if (netInode > 0) {
            Files.createDirectories(p.resolve("ns"));
            Files.createSymbolicLink(p.resolve("ns/net"), Path.of("net:[" + netInode + "]"));
        }
        return p;
    }

    /** A thread of process {@code pid}. */
    Path thread(long pid, long tid, String comm, long utime, long stime) throws IOException {
        Path t = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(t.resolve("stat"), stat(tid, comm, utime, stime, 100));
        Files.writeString(t.resolve("comm"), comm + "\n");
        return t;
    }

    /** A cgroup v2 directory with {@code usage_usec} in its cpu.stat. */
    Path cgroup(String path, long usageUsec) throws IOException {
        Path g = Files.createDirectories(cgroup.resolve(path));
        Files.writeString(g.resolve("cpu.stat"), "usage_usec " + usageUsec + "\nuser_usec 0\nsystem_usec 0\n");
        return g;
    }
}
