package org.vnetlab.live.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@link ServerProcessMain} started from a test, asked for its figures, and stopped by its PID. */
final class ServerProcess implements AutoCloseable {

    /** A server's figures at one moment (heap after collections). */
    record Stats(long threads, long fds, long heap, long direct, long running, Map<String, Long> rejected) {

        static Stats parse(String line) {
            String[] w = line.split(" ");
            Map<String, Long> rejected = new HashMap<>();
            if (!w[12].equals("-")) {
                for (String kv : w[12].split(",")) {
                    rejected.put(kv.substring(0, kv.indexOf('=')), Long.parseLong(kv.substring(kv.indexOf('=') + 1)));
                }
            }
            return new Stats(Long.parseLong(w[2]), Long.parseLong(w[4]), Long.parseLong(w[6]), Long.parseLong(w[8]),
                    Long.parseLong(w[10]), rejected);
        }

        long rejected(String kind) {
            return rejected.getOrDefault(kind, 0L);
        }
    }

    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log) throws IOException, InterruptedException {
        this.process = process;
        this.log = log;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "server-process-output");
        reader.setDaemon(true);
        reader.start();
        this.port = Integer.parseInt(next("port ").substring(5));
    }

    /**
     * Starts a server JVM with {@code jvmOptions} and {@code settings} ({@code key=value} under
     * {@code vnetlab.live.server}); its log goes to a temporary file, quoted when it fails.
     */
    static ServerProcess start(List<String> jvmOptions, String... settings) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        for (String s : settings) {
            command.add("-Dvnetlab.live.server." + s);
        }
        command.addAll(List.of("-cp", classPath, ServerProcessMain.class.getName()));
        Path log = Files.createTempFile("vnetlab-server", ".log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            return new ServerProcess(p, log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    Stats stats() throws IOException, InterruptedException {
        commands.println("stats");
        return Stats.parse(next("stats "));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The next line of output that starts with {@code prefix}, within 30 s. */
    private String next(String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new IOException("the server process gave no '" + prefix.trim() + "' line; its log:\n" + logTail());
    }

    String logTail() throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }

    @Override
    public void close() throws IOException {
        try {
            commands.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
