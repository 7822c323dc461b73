package org.vnetlab.live.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the cgroup v2 hierarchy is mounted: {@code /sys/fs/cgroup} on a unified host,
 * {@code /sys/fs/cgroup/unified} on a hybrid one (systemd's v1 controllers beside a v2 tree).
 */
public final class CgroupTree {

    private static final Path DEFAULT = Path.of("/sys/fs/cgroup");

    private CgroupTree() {
    }

    /** The first {@code cgroup2} mount in {@code /proc/self/mounts}, or {@code /sys/fs/cgroup} when none is listed. */
    public static Path root() {
        try {
            return root(Files.readAllLines(Path.of("/proc/self/mounts")));
        } catch (IOException e) {
            return DEFAULT;
        }
    }

    static Path root(List<String> mounts) {
        for (String line : mounts) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].equals("cgroup2")) {
                return Path.of(unescape(f[1]));
            }
        }
        return DEFAULT;
    }

    /** The kernel writes a space, tab, newline or backslash in a mount point as an octal escape. */
    private static String unescape(String field) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
