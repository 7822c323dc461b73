package org.vnetlab.live.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's network tools (ip, tc) and turns a failure into one line naming the command. */
public final class Shell {

    private static final long TIMEOUT_SECONDS = 20;

    private Shell() {
    }

    /** Runs {@code command}; returns its output, or throws naming the command and its first line of error. */
    public static String run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new TestbedException("cannot run " + command.get(0) + " (" + hint(command.get(0)) + ")");
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TestbedException("`" + String.join(" ", command) + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                String first = out.lines().findFirst().orElse("exit code " + p.exitValue());
                throw new TestbedException("`" + String.join(" ", command) + "` failed: " + first + missingModule(first));
            }
            return out;
        } catch (IOException e) {
            throw new TestbedException("`" + String.join(" ", command) + "` failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new TestbedException("interrupted while running " + command.get(0));
        }
    }

    public static String run(String... command) {
        return run(List.of(command));
    }

    /** Whether {@code tool} can be started at all (installed and on the PATH). */
    public static boolean available(String tool, String versionFlag) {
        try {
            Process p = new ProcessBuilder(tool, versionFlag).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What a qdisc the kernel does not know needs: tc says only "Specified qdisc kind is unknown". */
    private static String missingModule(String tcError) {
        return tcError.contains("Specified qdisc kind is unknown")
                ? " (the kernel lacks the qdisc's module: modprobe sch_netem for --delay and --loss, sch_tbf for --rate)"
                : "";
    }

    private static String hint(String tool) {
        return switch (tool) {
            case "ip", "tc" -> "install iproute2";
            case "iperf3" -> "install iperf3";
            default -> "is it installed?";
        };
    }
}
