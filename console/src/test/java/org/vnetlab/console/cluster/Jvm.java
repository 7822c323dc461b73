package org.vnetlab.console.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@code vnetlab} command in its own JVM, started from the test's class path and logging as
 * shipped (console's logback.xml); its stderr goes to a file the test reads. Signalled by PID:
 * {@link #kill()} sends SIGKILL, {@link #signal} any other; {@link #close()} removes it if it is
 * still running.
 */
final class Jvm implements AutoCloseable {

    /** console's logback.xml, as the jar holds it. */
    private static final String SHIPPED_LOGGING = Objects.requireNonNull(Jvm.class.getResource("/logback.xml"),
            "logback.xml").toString();

    private final String name;
    private final Process process;
    private final Path err;

    private Jvm(String name, Process process, Path err) {
        this.name = name;
        this.process = process;
        this.err = err;
    }

    static Jvm start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                // logging as shipped: the test class path also holds live's logback-test.xml, which logback prefers
                "-Dlogback.configurationFile=" + SHIPPED_LOGGING,
                "-cp", System.getProperty("java.class.path"), "org.vnetlab.console.Main"));
        cmd.addAll(List.of(args));
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return new Jvm(name, pb.start(), err);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String stderr() throws IOException {
        return Files.exists(err) ? Files.readString(err) : "";
    }

    /** Waits until stderr holds {@code text}; false after {@code limit}. */
    boolean awaitErr(String text, Duration limit) throws IOException, InterruptedException {
        return awaitErr(text, 0, limit);
    }

    /** Waits until stderr holds {@code text} after its first {@code from} characters; false after {@code limit}. */
    boolean awaitErr(String text, int from, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (stderr().indexOf(text, from) >= 0) {
                return true;
            }
            if (!process.isAlive()) {
                return stderr().indexOf(text, from) >= 0;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The exit code; fails the test if the JVM is still running after {@code limit}. */
    int awaitExit(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + limit + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** SIGKILL by PID: the node dies without leaving the cluster. */
    void kill() throws IOException, InterruptedException {
        signal("KILL");
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Sends a signal by PID, e.g. {@code STOP} (the JVM hangs: no thread runs) or {@code CONT}. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Removes the JVM (by PID), also when it was stopped with SIGSTOP. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
