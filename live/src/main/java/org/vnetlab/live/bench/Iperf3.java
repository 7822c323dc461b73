package org.vnetlab.live.bench;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vnetlab.core.json.JsonReader;
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

    static Run parse(String json, boolean udp) {
        Map<?, ?> top = (Map<?, ?>) JsonReader.parse(json);
        if (top.get("error") != null) {
            throw new IllegalStateException("iperf3: " + top.get("error"));
        }
        Map<?, ?> end = (Map<?, ?>) top.get("end");
        if (udp) {
            Map<?, ?> sum = (Map<?, ?>) end.get("sum");
            return new Run(num(sum, "bits_per_second"), (long) num(sum, "packets"), (long) num(sum, "lost_packets"),
                    num(sum, "seconds"));
        }
        Map<?, ?> received = (Map<?, ?>) end.get("sum_received");
        return new Run(num(received, "bits_per_second"), 0, 0, num(received, "seconds"));
    }

    private static double num(Map<?, ?> m, String key) {
        if (m == null || !(m.get(key) instanceof Number n)) {
            throw new IllegalStateException("iperf3's report has no " + key);
        }
        return n.doubleValue();
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
