package org.vnetlab.live.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Somewhere CPU time is accounted, read as cumulative nanoseconds of CPU used. Like xentop, a
 * sampler turns two readings a second apart into percent of one CPU (200 % is two CPUs busy).
 */
public sealed interface CpuSource {

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
            String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: fields after its last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // fields 14 (utime) and 15 (stime) of proc(5), counted from field 3 (state)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
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

    /** The cgroup v2 at {@code path}: a directory, or a path under {@code /sys/fs/cgroup}. */
    static CpuSource cgroup(String path) {
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            p = Path.of("/sys/fs/cgroup").resolve(p);
        }
        String name = p.getFileName() == null ? "cgroup-root" : "cgroup-" + p.getFileName();
        return checked(new CgroupCpu(name, p));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
