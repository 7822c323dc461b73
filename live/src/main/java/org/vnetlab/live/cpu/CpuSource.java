package org.vnetlab.live.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Somewhere CPU time is accounted, read as cumulative nanoseconds of CPU used. Like xentop, a
 * sampler turns two readings a second apart into percent of one CPU (200 % is two CPUs busy).
 */
public sealed interface CpuSource permits CpuSource.ProcessCpu, CpuSource.CgroupCpu, CpuSource.ThreadsCpu,
        CpuSource.XenDomainCpu, NetnsCpu {

    /** The name this source has in {@code cpu_percent}. */
    String name();

    /** CPU time used so far, in nanoseconds. */
    long cpuNanos();

    /** A process, from utime + stime in {@code /proc/PID/stat} (all its threads). */
    record ProcessCpu(String name, long pid) implements CpuSource {

        /** Linux reports /proc times in USER_HZ ticks, 100 a second on every architecture it runs on. */
        private static final long NANOS_PER_TICK = 10_000_000L;

        public static ProcessCpu self() {
            return new ProcessCpu("server", ProcessHandle.current().pid());
        }

        @Override
        public long cpuNanos() {
            return statNanos(statFields(Path.of("/proc", Long.toString(pid), "stat")));
        }

        /** The fields of a {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} from field 3 (state) on. */
        static String[] statFields(Path stat) {
            String s = read(stat);
            // the command name (field 2) may hold spaces and parentheses: fields after its last ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            if (f.length < 20) {
                throw new IllegalStateException(stat + " has " + f.length + " fields after the name, not proc(5)'s");
            }
            return f;
        }

        /** utime + stime: fields 14 and 15 of proc(5), counted from field 3 (state). */
        static long statNanos(String[] fields) {
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        }
    }

    /** Some threads, such as a QEMU guest's vCPU threads, summed from their {@code /proc/PID/task/TID/stat}. */
    record ThreadsCpu(String name, List<Path> stats) implements CpuSource {

        public ThreadsCpu {
            stats = List.copyOf(stats);
        }

        @Override
        public long cpuNanos() {
            long sum = 0;
            for (Path stat : stats) {
                sum += ProcessCpu.statNanos(ProcessCpu.statFields(stat));
            }
            return sum;
        }
    }

    /** A Xen domain, as {@code xentop} accounts it (read through a running xentop). */
    record XenDomainCpu(String name, String domain, XentopFeed feed) implements CpuSource {

        @Override
        public long cpuNanos() {
            return feed.cpuNanos(domain);
        }
    }

    /**
     * A source whose numbers can no longer be trusted (its reader failed, its name became
     * ambiguous): unlike a source that vanished, which reads as idle, it leaves the report.
     */
    final class Unreadable extends RuntimeException {

        public Unreadable(String message) {
            super(message);
        }
    }

    /** A cgroup v2 directory, from {@code usage_usec} in its {@code cpu.stat}. */
    record CgroupCpu(String name, Path directory) implements CpuSource {

        @Override
        public long cpuNanos() {
            for (String line : read(directory.resolve("cpu.stat")).split("\n")) {
                if (line.startsWith("usage_usec ")) {
                    return Long.parseLong(line.substring("usage_usec ".length()).trim()) * 1000L;
                }
            }
            throw new IllegalStateException(directory.resolve("cpu.stat") + " has no usage_usec line");
        }
    }

    /** Checks that the source can be read now, with a one-line reason when not. */
    static CpuSource checked(CpuSource source) {
        try {
            source.cpuNanos();
            return source;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read CPU time of " + source.name() + ": " + e.getMessage());
        }
    }

    /** The process {@code pid}, checked. */
    static CpuSource pid(long pid) {
        return checked(new ProcessCpu("pid-" + pid, pid));
    }

    /** The cgroup v2 at {@code path}: a directory, or a path under the cgroup v2 mount ({@link CgroupTree}). */
    static CpuSource cgroup(String path) {
        return cgroup(path, CgroupTree.root());
    }

    /** The cgroup v2 at {@code path}: a directory, or a path under {@code root}. */
    static CpuSource cgroup(String path, Path root) {
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            p = root.resolve(p).normalize();
            if (!p.startsWith(root.normalize())) {
                // cgroup:../../etc read files outside the cgroup mount
                throw new IllegalArgumentException("cgroup '" + path + "' leaves " + root + "; give a path under it");
            }
        }
        String name = p.getFileName() == null ? "cgroup-root" : "cgroup-" + p.getFileName();
        return checked(new CgroupCpu(name, p));
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + " (" + IoReason.of(e) + ")", e);
        }
    }
}
