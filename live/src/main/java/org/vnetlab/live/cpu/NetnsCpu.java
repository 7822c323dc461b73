package org.vnetlab.live.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The processes in a network namespace made with {@code ip netns add NAME}, summed: those whose
 * {@code /proc/PID/ns/net} names the namespace's inode ({@code net:[INODE]}), found anew at each
 * reading. A process that exits keeps the time it had, so the sum never goes backwards; a
 * process is told from a later one with its PID by its start time. The kernel's own work for the
 * namespace (softirqs) is not any process's and is not counted.
 */
public final class NetnsCpu implements CpuSource {

    private final String name;
    private final Path proc;
    private final long inode;
    /** The last reading of each process in the namespace, keyed "PID/start time". */
    private final Map<String, Long> seen = new HashMap<>();
    private long exited;

    /**
     * @param namespace the namespace's file ({@code /run/netns/NAME}), whose inode is the namespace's
     * @param proc      the proc file system's root
     */
    public NetnsCpu(String name, Path namespace, Path proc) {
        this.name = name;
        this.proc = proc;
        try {
            this.inode = ((Number) Files.getAttribute(namespace, "unix:ino")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot read network namespace " + namespace + " ("
                    + IoReason.of(e) + ")");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized long cpuNanos() {
        Map<String, Long> now = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isNumber(p.getFileName().toString()))) {
            for (Path pid : pids) {
                read(pid, now);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc + " (" + IoReason.of(e) + ")");
        }
        seen.forEach((key, nanos) -> {
            if (!now.containsKey(key)) {
                exited += nanos;
            }
        });
        seen.clear();
        seen.putAll(now);
        long sum = exited;
        for (long nanos : now.values()) {
            sum += nanos;
        }
        return sum;
    }

    private void read(Path pid, Map<String, Long> into) {
        try {
            String link = Files.readSymbolicLink(pid.resolve("ns/net")).toString();
            if (!link.equals("net:[" + inode + "]")) {
                return;
            }
            String[] f = ProcessCpu.statFields(pid.resolve("stat"));
            // field 22 (starttime) of proc(5), counted from field 3
            into.put(pid.getFileName() + "/" + f[19], ProcessCpu.statNanos(f));
        } catch (IOException | RuntimeException e) {
            // a process that exited while listed, or one this user may not inspect: not in the sum
        }
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
