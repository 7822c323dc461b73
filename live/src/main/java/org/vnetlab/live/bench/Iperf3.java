package org.vnetlab.live.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Starts {@code iperf3 -s -1} (serves one test, then exits) on {@code port}; waits until it listens. */
    public static Process server(List<String> prefix, String bind, int port) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("iperf3", "-s", "-1", "-B", bind, "-p", Integer.toString(port)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (prefix.isEmpty()) {
            awaitListening(bind, port, p);
        } else {
            Thread.sleep(500);
        }
        return p;
    }

    private static void awaitListening(String host, int port, Process p) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        p.destroy();
        throw new IOException("iperf3 -s did not start listening on port " + port);
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
        Map<?, ?> end = (Map<?, ?>) ((Map<?, ?>) JsonReader.parse(json)).get("end");
        if (udp) {
            Map<?, ?> sum = (Map<?, ?>) end.get("sum");
            return new Run(num(sum, "bits_per_second"), (long) num(sum, "packets"), (long) num(sum, "lost_packets"),
                    num(sum, "seconds"));
        }
        Map<?, ?> received = (Map<?, ?>) end.get("sum_received");
        return new Run(num(received, "bits_per_second"), 0, 0, num(received, "seconds"));
    }

    private static double num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
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
