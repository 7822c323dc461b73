package org.vnetlab.live;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a test needs from the machine it runs on. On a developer's machine a missing tool or
 * privilege skips the test, with the reason. Under CI (the environment variable
 * {@code VNETLAB_CI=true}, which {@code .ci/run} exports, or {@code -Dvnetlab.ci=true}) it fails the
 * test instead: CI installs every tool and runs as root, so a
 * skip there would let the only checks against independent tools pass unnoticed. A kernel feature
 * the running kernel lacks skips the test in both, since no package installs it.
 */
public final class Requirements {

    /** The system property that says the tests run under CI. */
    public static final String CI = "vnetlab.ci";
    /** The environment variable that says so ({@code .ci/run} exports it and runs plain {@code mvn -B verify}). */
    public static final String CI_ENV = "VNETLAB_CI";

    private Requirements() {
    }

    public static boolean underCi() {
        return Boolean.getBoolean(CI) || "true".equalsIgnoreCase(System.getenv(CI_ENV));
    }

    /**
     * A program on the PATH, by the first of its names found (Debian's {@code chromium} is
     * {@code chromium-browser} elsewhere).
     *
     * @return the name found
     */
    public static String tool(String... names) {
        Optional<String> found = List.of(names).stream().filter(Requirements::onPath).findFirst();
        require(found.isPresent(), String.join(" or ", names) + " is not installed");
        return found.orElseThrow();
    }

    /** Root, for network namespaces, traffic control and firewall rules. */
    public static void root() {
        require(isRoot(), "this test needs root (network namespaces, tc, firewall rules)");
    }

    /** A feature of the running kernel (a qdisc, a netfilter target): skipped without it, CI or not. */
    public static void kernel(boolean present, String what) {
        assumeTrue(present, "this kernel has no " + what + " (skipped under CI too: no package installs it)");
    }

    /** Skips (on a developer's machine) or fails (under CI) the test when {@code met} is false. */
    public static void require(boolean met, String reason) {
        if (!met && underCi()) {
            fail(reason + ", and CI (" + CI_ENV + "=true) requires it (.ci/run installs the tools and runs as root)");
        }
        assumeTrue(met, reason);
    }

    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this process's effective user is root (the {@code Uid} line of /proc/self/status). */
    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst()
                    .map(l -> l.split("\\s+")[2].equals("0")).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }
}
