package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.CliRun;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.Requirements;
import org.vnetlab.live.bench.Iperf3;
import org.vnetlab.live.testbed.Shaping;
import org.vnetlab.live.testbed.Testbed;

/**
 * The truth checks: vnetlab's measurements against Linux's own traffic control on the
 * namespace testbed, the server and reflector in host 1 and the clients in host 2, each a real
 * {@code vnetlab} process. They need root and iproute2, and each check its tools: iperf3; nft for
 * the loss check by nftables; python3, iptables-legacy and ping for the delay check by a kernel
 * queue (a Python delay line on NFQUEUE, {@code src/test/resources/delayline.py}). Without them a
 * developer's run skips, and CI ({@code VNETLAB_CI=true}) fails ({@link Requirements}). The netem
 * checks skip where the kernel has no netem, and the kernel-queue check where it has no NFQUEUE
 * target, CI or not.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LiveTruthCheckTest {

    static Testbed bed;
    static final List<Process> daemons = new ArrayList<>();
    static final String HOST1 = Testbed.ipv4(1);

    @TempDir
    static Path dir;

    @BeforeAll
    static void up() throws Exception {
        Requirements.root();
        Requirements.tool("ip");
        Requirements.tool("tc");
        bed = Testbed.up("vt" + (10000 + new Random().nextInt(89999)), false, Shaping.NONE);
        daemons.add(daemon(bed.exec(1, vnetlab("measure", "server")), "listening"));
        daemons.add(daemon(bed.exec(1, vnetlab("measure", "reflect")), "listening"));
    }

    /** The reflector's port (the default), whose probes the kernel-queue check delays. */
    static final int REFLECT_PORT = 5202;

    @AfterAll
    static void down() throws Exception {
        for (Process p : daemons) {
            stop(p);
        }
        if (bed != null) {
            bed.close();
            assertFalse(Files.exists(Path.of("/run/netns", bed.namespace(1))), "namespace left behind");
        }
    }

    /** {@code java -cp TEST-CLASSPATH org.vnetlab.console.Main args...}. */
    static List<String> vnetlab(String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dvnetlab.live.client.rtt-warmup=" + WARMUP, "-cp", cp, Main.class.getName()));
        c.addAll(List.of(args));
        return c;
    }

    /** Starts a daemon and waits for the line that says it is ready. */
    static Process daemon(List<String> command, String ready) throws Exception {
        return daemon(command, ready, new CopyOnWriteArrayList<>());
    }

    /** Starts a daemon, its output lines in {@code lines}, and waits for the line that says it is ready. */
    static Process daemon(List<String> command, String ready, List<String> lines) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the daemon ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.contains(ready))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("daemon did not start: " + command + "\n" + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
        return p;
    }

    /** Asks a process to end (SIGTERM), and makes it after 10 s. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** Runs a vnetlab client in host 2 and returns the points of its JSON result. */
    static List<Point> client(String... args) throws Exception {
        Path json = Files.createTempFile(dir, "result", ".json");
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--json", json.toString()));
        Path log = Files.createTempFile(dir, "client", ".txt");
        Process p = new ProcessBuilder(bed.exec(2, vnetlab(full.toArray(String[]::new)))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "client hung: " + Files.readString(log));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        return ResultJson.read(Files.readString(json)).points();
    }

    @Test
    void aTokenBucketOf100MbitMeasures90To100ForTcpAndUdp() throws Exception {
        bed.shape(new Shaping(DataRate.parse("100M"), null, 0));
        double tcp = client("measure", "client", HOST1, "--tcp", "--duration", "4").get(0).throughputMbps();
        assertTrue(tcp >= 90 && tcp <= 100, "tcp " + tcp);
        Point udp = client("measure", "client", HOST1, "--udp", "--sizes", "1470", "--rate", "1000M",
                "--duration", "4").get(0);
        assertEquals(1470, udp.payload());
        assertTrue(udp.throughputMbps() >= 90 && udp.throughputMbps() <= 100, "udp " + udp.throughputMbps());
        assertTrue(udp.loss() > 0.5, "1000 Mbit/s offered to a 100 Mbit/s link must lose most: " + udp.loss());
    }

    @Test
    void tcpIsWithin10PercentOfIperf3OnTheSameShapedLink() throws Exception {
        Requirements.tool("iperf3");
        bed.shape(new Shaping(DataRate.parse("100M"), null, 0));
        Process server = Iperf3.server(bed.exec(1, List.of()), HOST1, 5301);
        double iperf;
        try {
            iperf = Iperf3.client(bed.exec(2, List.of()), HOST1, 5301, 4, List.of()).bitsPerSecond() / 1e6;
        } finally {
            Iperf3.stop(server);
        }
        double ours = client("measure", "client", HOST1, "--tcp", "--duration", "4").get(0).throughputMbps();
        assertTrue(Math.abs(ours - iperf) <= 0.10 * iperf, "vnetlab " + ours + " vs iperf3 " + iperf + " Mbit/s");
    }

    @Test
    void netemDelayOf1msEachSideGivesAnRttOf2msOverIpv4AndIpv6() throws Exception {
        Requirements.kernel(bed.hasNetem(), "netem qdisc (sch_netem)");
        bed.shape(new Shaping(null, Duration.ofMillis(1), 0));
        for (String host : List.of(HOST1, Testbed.ipv6(1))) {
            Point p = rtt(host);
            assertEquals(2.0, p.rttMs().median(), 0.3, host + " rtt " + p.rttMs());
        }
    }

    /** {@code vnetlab measure rtt} from host 2 to the reflector in host 1: {@value #PROBES} probes. */
    static Point rtt(String host) throws Exception {
        Point p = client("measure", "rtt", host, "--rate", RTT_RATE, "--count", Integer.toString(PROBES)).get(0);
        assertEquals("roundtrip", p.direction());
        assertEquals(host.contains(":") ? "ipv6" : "ipv4", p.protocol());
        assertTrue(p.rttMs().samples() >= PROBES * 0.99, "echoes of " + PROBES + ": " + p.rttMs().samples());
        return p;
    }

    /**
     * Probes 4 ms apart (1000 B at 2 Mbit/s): the client waits for each echo asleep, as ping does,
     * rather than spinning on a CPU this shared machine's other work wants, and a stall delays the
     * few probes it falls on, not the median. The warm-up is {@value #WARMUP} probes ({@link #vnetlab}
     * sets it) instead of 5000, which would take 20 s at this pace.
     */
    static final String RTT_RATE = "2M";
    static final int PROBES = 1000;
    static final int WARMUP = 500;

    /**
     * The delay check where the kernel has no netem: in each host a delay line (Python, standard
     * library only, no vnetlab code, at real-time priority) holds every IPv4 and IPv6 packet
     * arriving on the testbed link, which iptables queues to it, for 1 ms from the kernel's arrival
     * stamp. It delays arrivals, not departures as netem does, because only arriving packets carry
     * a kernel stamp; holding from the time the queue wakes the delay line would add its ~0.1 ms
     * wake-up each way. The rules queue only ping's echoes and the reflector's probes and their
     * echoes. {@code measure rtt} must see what the system ping sees, within 0.3 ms at the median,
     * the two run at once (ping as often, over a little longer): on this shared machine (load
     * average 10 and more) the delay line itself releases late by up to half a millisecond at the
     * median, and only a measurement over the same seconds sees the same delay line. Ping's median
     * must be 1.9 to 3 ms, which shows the delay line holds each packet 1 ms each way (never less:
     * it releases at the kernel's stamp plus 1 ms; later when this machine is busy).
     */
    @Test
    void kernelQueueDelayOf1msEachSideGivesAnRttOf2msOverIpv4AndIpv6() throws Exception {
        Requirements.tool("python3");
        Requirements.tool("iptables-legacy");
        Requirements.tool("ip6tables-legacy");
        Requirements.tool("ping");
        bed.shape(Shaping.NONE);
        String delayLine = Path.of(LiveTruthCheckTest.class.getResource("/delayline.py").toURI()).toString();
        List<List<String>> rules = new ArrayList<>();
        List<Process> delayLines = new ArrayList<>();
        List<List<String>> outputs = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        try {
            for (int host = 1; host <= 2; host++) {
                // host 1 holds what arrives for the delayed reflector and ping's requests, host 2 their answers
                String port = host == 1 ? "--dport" : "--sport";
                String echo = host == 1 ? "echo-request" : "echo-reply";
                for (List<String> match : List.of(List.of("iptables-legacy", "-p", "udp", port, "" + REFLECT_PORT),
                        List.of("ip6tables-legacy", "-p", "udp", port, "" + REFLECT_PORT),
                        List.of("iptables-legacy", "-p", "icmp", "--icmp-type", echo),
                        List.of("ip6tables-legacy", "-p", "ipv6-icmp", "--icmpv6-type", echo))) {
                    // --queue-bypass: while no delay line listens (before it starts, or should it end, which
                    // the check below reports) packets pass instead of being dropped
                    List<String> command = new ArrayList<>(List.of(match.get(0), "-A", "INPUT", "-i",
                            bed.device(host)));
                    command.addAll(match.subList(1, match.size()));
                    command.addAll(List.of("-j", "NFQUEUE", "--queue-num", "0", "--queue-bypass"));
                    List<String> rule = bed.exec(host, command);
                    addRule(rule, match.get(0).startsWith("ip6") ? "ip6" : "ip");
                    rules.add(rule);
                }
                delayLines.add(daemon(bed.exec(host, List.of("python3", delayLine, "0", "1")), "ready",
                        outputs.get(host - 1)));
            }
            for (String host : List.of(HOST1, Testbed.ipv6(1))) {
                Path pingLog = Files.createTempFile(dir, "ping", ".txt");
                Process pings = startPings(host, pingLog);
                Point p = rtt(host);
                double ping = pingMedianMs(pings, pingLog);
                for (int i = 0; i < 2; i++) {
                    assertTrue(delayLines.get(i).isAlive(), "the delay line in host " + (i + 1) + " ended: "
                            + String.join(" ", outputs.get(i)));
                }
                System.out.printf("%s: ping median %.3f ms, vnetlab rtt %s ms over the same seconds%n", host, ping,
                        p.rttMs());
                assertTrue(ping >= 1.9 && ping <= 3.0, "ping " + host + " median " + ping + " ms: the delay line does"
                        + " not hold packets 1 ms each way");
                assertEquals(ping, p.rttMs().median(), 0.3, host + " rtt " + p.rttMs() + " ms, ping " + ping + " ms");
            }
        } finally {
            try {
                for (List<String> rule : rules) {
                    List<String> delete = new ArrayList<>(rule);
                    delete.set(delete.indexOf("-A"), "-D");
                    run(delete);
                }
            } finally {
                for (Process p : delayLines) {
                    stop(p);
                }
            }
        }
    }

    /**
     * Runs an iptables command that appends a rule; skips the test if it fails because the kernel
     * has no NFQUEUE target (a failed rule would have loaded it where it is a module).
     */
    private static void addRule(List<String> command, String family) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            Path targets = Path.of("/proc/net/" + family + "_tables_targets");
            Requirements.kernel(Files.exists(targets) && Files.readString(targets).contains("NFQUEUE"),
                    "NFQUEUE target for " + family + "tables (xt_NFQUEUE)");
            throw new AssertionError(command + ": " + out);
        }
    }

    /**
     * Starts {@value #PINGS} pings from host 2 to {@code host}, timed user space to user space
     * ({@code -U}: by default ping takes a reply's arrival from the kernel's stamp, which comes
     * before the delay line holds it), their output to {@code log}.
     */
    private static Process startPings(String host, Path log) throws IOException {
        return new ProcessBuilder(bed.exec(2, List.of("ping", "-U", "-c", Integer.toString(PINGS), "-i",
                "0.004", "-w", "60", host))).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Pings every 4 ms for 8 s, the span of a {@link #rtt} run with its start and warm-up. */
    static final int PINGS = 2000;

    /** The median of the pings' round trips, once they are done. */
    private static double pingMedianMs(Process p, Path log) throws Exception {
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        p.destroyForcibly();
        String out = Files.readString(log);
        assertTrue(ended && p.exitValue() == 0, "ping: " + out);
        double[] ms = Pattern.compile("time=([0-9.]+) ms").matcher(out).results()
                .mapToDouble(m -> Double.parseDouble(m.group(1))).sorted().toArray();
        assertEquals(PINGS, ms.length, "replies to " + PINGS + " pings: " + out);
        return (ms[PINGS / 2 - 1] + ms[PINGS / 2]) / 2;
    }

    @Test
    void netemLossOf5PercentIsReportedAs3To7Percent() throws Exception {
        Requirements.kernel(bed.hasNetem(), "netem qdisc (sch_netem)");
        bed.shape(new Shaping(null, null, 5));
        Point p = client("measure", "client", HOST1, "--udp", "--rate", "100M", "--duration", "4").get(0);
        assertTrue(p.loss() >= 0.03 && p.loss() <= 0.07, "loss " + p.loss());
    }

    /**
     * The loss check where the kernel has no netem: nftables drops a random 5 % of the UDP
     * packets arriving at machine 1 (dropping them on the way out would fail the sender's
     * calls with EPERM), and machine 1's server must report that loss.
     */
    @Test
    void kernelRandomLossOf5PercentIsReportedAs3To7Percent() throws Exception {
        Requirements.tool("nft");
        bed.shape(Shaping.NONE);
        List<String> table = List.of("inet", "vnetlab_loss");
        nft(concat(List.of("add", "table"), table));
        try {
            nft(concat(List.of("add", "chain"), table, List.of("in",
                    "{ type filter hook input priority 0; }")));
            nft(concat(List.of("add", "rule"), table, List.of("in", "udp", "dport", "!=", "0", "numgen", "random",
                    "mod", "100", "<", "5", "drop")));
            Point p = client("measure", "client", HOST1, "--udp", "--rate", "100M", "--duration", "4").get(0);
            assertTrue(p.loss() >= 0.03 && p.loss() <= 0.07, "loss " + p.loss());
        } finally {
            nft(concat(List.of("delete", "table"), table));
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** nft in machine 1's namespace; fails the test if nft does. */
    private static void nft(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", bed.namespace(1), "nft"));
        command.addAll(args);
        run(command);
    }

    /** Runs a command to its end; fails the test with its output if it fails. */
    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + out);
    }

    @Test
    void testbedCommandsMakeAndRemoveABridgedShapedTestbed() throws Exception {
        String name = "vc" + (10000 + new Random().nextInt(89999));
        try {
            CliRun up = CliRun.of("testbed", "up", "--name", name, "--bridge", "--rate", "10M");
            assertEquals(0, up.code(), up.err());
            assertTrue(up.out().contains(name + "1") && up.out().contains("br0"), up.out());
            String links = new String(new ProcessBuilder("ip", "-n", name + "1", "link", "show", "veth1").start()
                    .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(links.contains("master br0"), links);
            CliRun again = CliRun.of("testbed", "up", "--name", name);
            assertEquals(1, again.code());
            assertTrue(again.err().contains("exists already"), again.err());
        } finally {
            CliRun down = CliRun.of("testbed", "down", "--name", name);
            assertEquals(0, down.code(), down.err());
        }
        assertFalse(Files.exists(Path.of("/run/netns", name + "1")));
        assertFalse(Files.exists(Path.of("/run/netns", name + "2")));
        assertEquals(1, CliRun.of("testbed", "down", "--name", name).code());
    }
}
