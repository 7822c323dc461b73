package org.vnetlab.live.bench;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vnetlab.core.text.JsonInput;
import org.vnetlab.live.testbed.Shell;

/**
 * Debian's iperf3 as the reference: a one-off server and a client whose {@code -J} report is read
 * for the receiver's figures. Commands may be prefixed (e.g. {@code ip netns exec NS}) to run them
 * on a testbed host.
 */
public final class Iperf3 {

    /**
     * The receiver's side of an iperf3 run.
     *
     * @param bitsPerSecond payload rate received
     * @param packets       datagrams sent (UDP), 0 for TCP
     * @param lost          datagrams lost (UDP)
     * @param seconds       the run's length
     */
    public record Run(double bitsPerSecond, long packets, long lost, double seconds) {

        public double receivedPacketsPerSecond() {
            return (packets - lost) / seconds;
        }
    }

    private Iperf3() {
    }

    public static boolean installed() {
        return Shell.available("iperf3", "--version");
    }

    /**
     * Starts {@code iperf3 -s -1} (serves one test, then exits) on {@code port} and waits for its
     * "Server listening" line (a probe connection would use up its one test).
     */
    public static Process server(List<String> prefix, String bind, int port) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("iperf3", "-s", "-1", "--forceflush", "-B", bind, "-p", Integer.toString(port)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("listening")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // the server ended
            }
        }, "iperf3-server-output");
        reader.setDaemon(true);
        reader.start();
        if (!listening.await(10, TimeUnit.SECONDS)) {
            stop(p);
            throw new IOException("iperf3 -s did not start listening on port " + port);
        }
        return p;
    }

    /** Runs {@code iperf3 -c host -p port -t seconds -J} with {@code extra} arguments. */
    public static Run client(List<String> prefix, String host, int port, int seconds, List<String> extra) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("iperf3", "-c", host, "-p", Integer.toString(port), "-t", Integer.toString(seconds), "-J"));
        cmd.addAll(extra);
        String out = Shell.run(cmd);
        return parse(out, extra.contains("-u"));
    }

    /**
     * The figures of the report's {@code end.sum} (UDP) or {@code end.sum_received} (TCP).
     *
     * @throws IllegalStateException when iperf3 reported an error or the figures are missing
     */
    static Run parse(String json, boolean udp) {
        Report report = JsonInput.read(json, in -> new Report(in, udp ? "sum" : "sum_received").read());
        if (report.error != null) {
            throw new IllegalStateException("iperf3: " + report.error);
        }
        Map<String, Double> sum = report.figures;
        return udp ? new Run(num(sum, "bits_per_second"), (long) num(sum, "packets"), (long) num(sum, "lost_packets"),
                num(sum, "seconds")) : new Run(num(sum, "bits_per_second"), 0, 0, num(sum, "seconds"));
    }

    /** The parts of a {@code -J} report that matter: its error, and the numbers of one section of {@code end}. */
    private static final class Report {
        private final JsonInput in;
        private final String section;
        private final Map<String, Double> figures = new HashMap<>();
        private String error;

        Report(JsonInput in, String section) {
            this.in = in;
            this.section = section;
        }

        Report read() {
            in.object("iperf3's report", key -> {
                if (key.equals("error") && in.isString()) {
                    error = in.string(key);
                } else if (key.equals("end")) {
                    in.object(key, this::end);
                } else {
                    in.skip();
                }
            });
            return this;
        }

        private void end(String part) {
            if (!part.equals(section)) {
                in.skip();
                return;
            }
            in.object(part, figure -> {
                if (in.isNumber()) {
                    figures.put(figure, in.number(figure));
                } else {
                    in.skip();
                }
            });
        }
    }

    private static double num(Map<String, Double> m, String key) {
        Double v = m.get(key);
        if (v == null) {
            throw new IllegalStateException("iperf3's report has no " + key);
        }
        return v;
    }

    /** Stops a server started here (it exits by itself after one test; this is for failures). */
    public static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
