package org.vnetlab.live.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a libvirt/KVM guest by its name on the host: its QEMU process's vCPU threads (libvirt starts
 * QEMU with {@code -name guest=NAME,debug-threads=on}, which names them {@code CPU 0/KVM},
 * {@code CPU 1/KVM}, ...) and its systemd scope in the cgroup v2 tree,
 * {@code machine.slice/machine-qemu\x2dID\x2dNAME.scope}. The roots are parameters so that tests can
 * lay out a recorded tree.
 */
public final class LibvirtGuests {

    private static final Pattern VCPU_THREAD = Pattern.compile("CPU \\d+/KVM");
    private static final Pattern SCOPE = Pattern.compile("machine-(.*)\\.scope");
    private static final Pattern MACHINE = Pattern.compile("qemu-(\\d+)-.*");
    private static final Pattern ESCAPE = Pattern.compile("\\\\x([0-9a-fA-F]{2})");
    /** libvirt stops a machine name at 64 characters (virDomainMachineNameAppendValid). */
    private static final int MACHINE_NAME_MAX = 64;

    private final Path proc;
    private final Path cgroup;
    private final Path libvirtRun;

    /**
     * @param proc       the proc file system ({@code /proc})
     * @param cgroup     the cgroup v2 root ({@link CgroupTree#root()})
     * @param libvirtRun where libvirt's QEMU driver keeps its pid files ({@code /run/libvirt/qemu})
     */
    public LibvirtGuests(Path proc, Path cgroup, Path libvirtRun) {
        this.proc = proc;
        this.cgroup = cgroup;
        this.libvirtRun = libvirtRun;
    }

    /** The guest's vCPU threads' {@code stat} files. */
    public List<Path> vcpuThreads(String guest) {
        long pid = qemuPid(guest);
        List<Path> threads = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                String comm = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                if (VCPU_THREAD.matcher(comm).matches()) {
                    threads.add(task.resolve("stat"));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the threads of guest " + guest + "'s QEMU process " + pid
                    + " (" + IoReason.of(e) + ")");
        }
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("guest " + guest + "'s QEMU process " + pid
                    + " has no threads named 'CPU n/KVM' (started without -name ...,debug-threads=on?)");
        }
        threads.sort(null);
        return threads;
    }

    /** The guest's QEMU process: from libvirt's pid file, else the process started with {@code -name} NAME. */
    public long qemuPid(String guest) {
        Path pidFile = libvirtRun.resolve(guest + ".pid");
        if (Files.isRegularFile(pidFile)) {
            try {
                return Long.parseLong(Files.readString(pidFile).strip());
            } catch (IOException | NumberFormatException e) {
                throw new IllegalArgumentException("cannot read a process id from " + pidFile);
            }
        }
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .matches("\\d+"))) {
            for (Path pid : pids) {
                if (guest.equals(qemuName(cmdline(pid.resolve("cmdline"))))) {
                    found.add(Long.parseLong(pid.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + proc + " (" + IoReason.of(e) + ")");
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty()
                    ? "no QEMU process runs guest " + guest + " (no " + pidFile + ", no process with -name " + guest + ")"
                    : "several QEMU processes run a guest named " + guest + ": " + found);
        }
        return found.get(0);
    }

    /** The guest's machine scope: the cgroup of all its QEMU threads (vCPUs, emulator, I/O, vhost). */
    public Path scope(String guest) {
        Path slice = cgroup.resolve("machine.slice");
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> scopes = Files.newDirectoryStream(slice)) {
            for (Path scope : scopes) {
                Matcher m = SCOPE.matcher(scope.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                String machine = unescape(m.group(1));
                Matcher id = MACHINE.matcher(machine);
                if (id.matches() && machine.equals(machineName("qemu-" + id.group(1) + "-", guest))) {
                    found.add(scope);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + slice + " (" + IoReason.of(e)
                    + "): is libvirt running guests here?");
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty() ? "no scope of guest " + guest + " in " + slice
                    : "several scopes in " + slice + " fit guest " + guest + " (libvirt drops characters from names): "
                    + found.stream().map(p -> p.getFileName().toString()).toList());
        }
        return found.get(0);
    }

    /** A systemd unit name's {@code \xHH} escapes undone ({@code machine-qemu\x2d1\x2dweb.scope}). */
    static String unescape(String unit) {
        return ESCAPE.matcher(unit).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    /**
     * libvirt's machine name for a guest: {@code prefix} then the guest's letters, digits and single
     * dots or dashes (none leading or trailing), up to 64 characters in all.
     */
    static String machineName(String prefix, String guest) {
        StringBuilder sb = new StringBuilder(prefix);
        boolean skip = true;
        for (int i = 0; i < guest.length() && sb.length() < MACHINE_NAME_MAX; i++) {
            char c = guest.charAt(i);
            if (c == '.' || c == '-') {
                if (!skip) {
                    sb.append(c);
                    skip = true;
                }
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(c);
                skip = false;
            }
        }
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == '-' || sb.charAt(end - 1) == '.')) {
            end--;
        }
        return sb.substring(0, end);
    }

    /** The guest name in a QEMU command line's {@code -name}: {@code guest=NAME,...} or a bare {@code NAME,...}. */
    static String qemuName(List<String> args) {
        int i = args.indexOf("-name");
        if (i < 0 || i + 1 >= args.size()) {
            return null;
        }
        // QEMU's option syntax: commas separate keys, a doubled comma is a comma in a value
        String[] parts = args.get(i + 1).split("(?<!,),(?!,)");
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k].replace(",,", ",");
            if (part.startsWith("guest=")) {
                return part.substring("guest=".length());
            }
            if (k == 0 && !part.contains("=")) {
                return part;
            }
        }
        return null;
    }

    private static List<String> cmdline(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.isEmpty() ? List.of() : List.of(s.split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // a process gone since the listing, or a kernel thread
        }
    }
}
