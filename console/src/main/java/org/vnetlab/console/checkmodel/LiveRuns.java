package org.vnetlab.console.checkmodel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.testbed.ContainerTestbed;
import org.vnetlab.live.testbed.TestbedException;

/**
 * vnetlab's own measurement server and client on the container testbed: a {@code measure server}
 * in every container, watching the CPU of the container's processes ({@code --cpu netns:NAME}), and for a configuration of N pairs, N {@code measure client --reverse} at
 * once in the peer's namespace, one towards each of the first N containers. Each is a process of
 * this JVM's Java and class path under {@code ip netns exec}: a namespace is a process's, not a
 * thread's. The clients' result files are read back; the processes end with the testbed.
 */
final class LiveRuns {

    private static final String MAIN = "org.vnetlab.console.Main";
    private static final long SERVER_START_SECONDS = 60;

    private final ContainerTestbed bed;
    private final Path work;
    private final DataRate rate;
    private final int seconds;
    private final int trials;

    /**
     * @param work    where the clients' result files and logs go
     * @param rate    what each client asks its server to send
     * @param seconds each payload's run, per trial
     */
    LiveRuns(ContainerTestbed bed, Path work, DataRate rate, int seconds, int trials) {
        this.bed = bed;
        this.work = work;
        this.rate = rate;
        this.seconds = seconds;
        this.trials = trials;
    }

    int trials() {
        return trials;
    }

    /** Starts a server in every container and waits until each listens. */
    void startServers() throws IOException, InterruptedException {
        for (int i = 1; i <= bed.containers(); i++) {
            Process p = start(bed.container(i), List.of("measure", "server", "--cpu", "netns:" + bed.container(i)),
                    null);
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVER_START_SECONDS);
            String line;
            while ((line = out.readLine()) != null && !line.contains("listening")) {
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            if (line == null || !line.contains("listening")) {
                throw new TestbedException("the measure server in " + bed.container(i) + " did not start: "
                        + errorOf(p));
            }
            // the server keeps printing a line per test: drain it so it never blocks
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "drain " + bed.container(i));
            drain.setDaemon(true);
            drain.start();
        }
    }

    /**
     * Measures UDP from the first {@code pairs} containers to the peer at once, every payload, each
     * trial: per payload, per container, its throughput in each trial. Trials are the outer loop and
     * each runs every payload once, in an order rotated by one from the trial before: a CPU-bound
     * sender's rate on a shared machine drifts by tens of percent over minutes, and payloads measured
     * one after the other would carry that drift as a difference between them.
     */
    List<Measured> measure(int pairs, List<Integer> payloads) throws IOException, InterruptedException {
        double[][][] mbps = new double[payloads.size()][pairs][trials];
        double[][][] cpu = new double[payloads.size()][pairs][trials];
        for (int trial = 0; trial < trials; trial++) {
            List<Integer> order = new ArrayList<>(payloads);
            Collections.rotate(order, -trial);
            List<Path> files = runClients(pairs, order, trial + 1);
            for (int s = 0; s < payloads.size(); s++) {
                for (int i = 0; i < pairs; i++) {
                    Point p = pointOf(ResultJson.read(Files.readString(files.get(i))), payloads.get(s), files.get(i));
                    mbps[s][i][trial] = p.throughputMbps();
                    cpu[s][i][trial] = p.cpuPercent() == null ? Double.NaN
                            : p.cpuPercent().getOrDefault("netns-" + bed.container(i + 1), Double.NaN);
                }
            }
        }
        List<Measured> out = new ArrayList<>();
        for (int s = 0; s < payloads.size(); s++) {
            double[] cpuByContainer = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                double[] sampled = Arrays.stream(cpu[s][i]).filter(c -> !Double.isNaN(c)).toArray();
                cpuByContainer[i] = sampled.length == 0 ? Double.NaN : Stats.median(sampled);
            }
            out.add(new Measured(pairs, payloads.get(s), mbps[s], cpuByContainer));
        }
        return out;
    }

    /** One trial: a client per container at once, each running {@code order}'s payloads once; their result files. */
    private List<Path> runClients(int pairs, List<Integer> order, int trial) throws IOException, InterruptedException {
        List<Process> clients = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        String sizes = order.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (int i = 1; i <= pairs; i++) {
            String stem = String.format(Locale.ROOT, "%dpairs-ct%d-trial%d", pairs, i, trial);
            Path json = work.resolve("measured-" + stem + ".json");
            Files.deleteIfExists(json);
            files.add(json);
            logs.add(work.resolve("client-" + stem + ".log"));
            clients.add(start(bed.peer(), List.of("measure", "client", ContainerTestbed.containerIpv4(i), "--udp",
                    "--reverse", "--rate", rate.bitsPerSecond() + "", "--sizes", sizes, "--duration", seconds + "",
                    "--trials", "1", "--json", json.toString()), logs.get(i - 1)));
        }
        long limit = (long) order.size() * (seconds + 10L) + 60;
        for (int i = 0; i < clients.size(); i++) {
            Process c = clients.get(i);
            if (!c.waitFor(limit, TimeUnit.SECONDS)) {
                clients.forEach(Process::destroyForcibly);
                throw new TestbedException("measure client towards ct" + (i + 1) + " did not finish in " + limit + " s");
            }
            if (c.exitValue() != 0) {
                throw new TestbedException("measure client towards ct" + (i + 1) + " failed (exit " + c.exitValue()
                        + "): " + lastLine(logs.get(i)));
            }
        }
        return files;
    }

    private static Point pointOf(Result r, int payload, Path file) {
        return r.points().stream().filter(q -> q.direction().equals("tx") && q.payload() == payload).findFirst()
                .orElseThrow(() -> new TestbedException(file + " has no tx point of " + payload + " B"));
    }

    private Process start(String namespace, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), MAIN));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(ContainerTestbed.exec(namespace, command));
        if (log != null) {
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            pb.redirectError(work.resolve("server-" + namespace + ".log").toFile());
        }
        return pb.start();
    }

    private String errorOf(Process p) {
        return p.isAlive() ? "no 'listening' line in " + SERVER_START_SECONDS + " s" : "it exited with "
                + p.exitValue() + " (its errors: " + work + ")";
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }
}
