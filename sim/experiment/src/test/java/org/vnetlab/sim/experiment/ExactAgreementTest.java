package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * Trains against the exact oracle: the same scenario and seeds simulated packet by packet must
 * give the same throughput per guest and in sum (within 2 %) and the same CPU load per domain
 * (within 3 points), UDP at 36, 300 and 1470 B and TCP, both ways, for every bundled platform; and the same
 * RTT and jitter medians. Where they disagree, the trains are wrong.
 *
 * <p>Each figure is the median of three trials (three seeds) of 0.3 s. Some figures of the
 * Xen platforms with several domains move between seeds far more than the tolerance, in either
 * timing: the credit scheduler settles in one of two regimes (a guest woken while OVER queues
 * behind Dom0 and is stolen by the other CPU, or it is not), so a figure takes one of two values
 * by seed. For those the tolerance grows by half the range the exact trials span, which is what
 * the model itself can tell apart, and a point that still disagrees on three seeds is run again
 * on nine and judged on those: three seeds can put the two timings' medians in different regimes
 * where nine sample both alike. A trains artefact, a bias, stays on nine seeds. The sum over the
 * guests and every figure of the other platforms vary far less than the tolerance.
 */
class ExactAgreementTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final long DURATION = SimTime.seconds(0.3);
    private static final int TRIALS = 3;
    private static final int MORE_TRIALS = 9;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "xen-single", "vserver-single", "xen-double", "vserver-double", "xen-burned",
            "vserver-burned", "kvm-single", "kvm-double", "kvm-burned", "container-single", "container-double",
            "container-burned"})
    void trainsAgreeWithExactTiming(String platform) throws InterruptedException {
        Scenario s = LOADER.load(platform, List.of()).scenario();
        List<RunSpec> points = new ArrayList<>();
        int mss = Ethernet.maxPayload(s.link().mtu(), IpVersion.IPV4, Transport.TCP);
        for (Direction leg : List.of(Direction.RX, Direction.TX)) {
            for (int payload : new int[] {36, 300, 1470}) {
                points.add(new RunSpec(Transport.UDP, IpVersion.IPV4, payload, leg, 0, DURATION));
            }
            points.add(new RunSpec(Transport.TCP, IpVersion.IPV4, mss, leg, 0, DURATION));
        }
        List<RunResult> results = run(s, points, TRIALS);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            RunSpec spec = points.get(i);
            String at = platform + " " + spec.transport().key() + " " + spec.payload() + " B " + spec.direction().key();
            List<String> here = disagreements(at, figures(results.subList(i * 2 * TRIALS, (i + 1) * 2 * TRIALS), TRIALS));
            if (!here.isEmpty()) {
                here = disagreements(at, figures(run(s, List.of(spec), MORE_TRIALS), MORE_TRIALS));
            }
            disagreements.addAll(here);
        }
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    /** Each point in both timings, {@code trials} seeds each, in the order of {@code points}. */
    private static List<RunResult> run(Scenario s, List<RunSpec> points, int trials) throws InterruptedException {
        List<Job> jobs = new ArrayList<>();
        for (RunSpec p : points) {
            for (Fidelity timing : Fidelity.values()) {
                for (int trial = 0; trial < trials; trial++) {
                    jobs.add(new Job(s, new RunSpec(p.transport(), p.ip(), p.payload(), p.direction(), trial,
                            p.durationNanos(), timing)));
                }
            }
        }
        try (RunPool pool = RunPool.allCores()) {
            return pool.runJobs(jobs, (done, total) -> { }, () -> false);
        }
    }

    /** The figures of a point whose trains median is further from exact's than the tolerance. */
    private static List<String> disagreements(String at, Map<String, double[][]> figures) {
        List<String> here = new ArrayList<>();
        figures.forEach((name, byTiming) -> {
            double trains = Stats.median(byTiming[0]);
            double exact = Stats.median(byTiming[1]);
            double[] e = byTiming[1].clone();
            Arrays.sort(e);
            boolean cpu = name.startsWith("cpu ");
            double tolerance = (cpu ? 3 : 0.02 * exact) + (e[e.length - 1] - e[0]) / 2;
            if (Math.abs(trains - exact) > tolerance) {
                here.add(String.format(Locale.ROOT, "%s %s: trains %.2f, exact %.2f (exact trials %s)",
                        at, name, trains, exact, Arrays.toString(byTiming[1])));
            }
        });
        return here;
    }

    /** Per figure (guest Mbit/s, "sum", "cpu DOMAIN"): trains' trials and exact's. */
    private static Map<String, double[][]> figures(List<RunResult> point, int trials) {
        Map<String, double[][]> out = new TreeMap<>();
        for (int i = 0; i < point.size(); i++) {
            RunResult r = point.get(i);
            int timing = r.spec().fidelity().ordinal();
            int trial = r.spec().trial();
            double sum = 0;
            for (Map.Entry<String, Double> g : r.throughputMbps().entrySet()) {
                out.computeIfAbsent(g.getKey(), k -> new double[2][trials])[timing][trial] = g.getValue();
                sum += g.getValue();
            }
            if (r.throughputMbps().size() > 1) {
                out.computeIfAbsent("sum", k -> new double[2][trials])[timing][trial] = sum;
            }
            r.cpuPercent().forEach((d, v) -> out.computeIfAbsent("cpu " + d, k -> new double[2][trials])[timing][trial] = v);
        }
        return out;
    }

    @ParameterizedTest(name = "reflector {0}")
    @ValueSource(strings = {"native", "domU", "domU-burned"})
    void rttAndJitterAgree(String reflector) {
        Scenario s = LOADER.load("rtt", List.of("rtt.reflector=" + reflector, "rtt.count=40")).scenario();
        RunResult trains = Experiment.run(s, Experiment.plan(s, SimOptions.defaults()).get(0));
        RunResult exact = Experiment.run(s, Experiment.plan(s, SimOptions.defaults().with(Fidelity.EXACT)).get(0));
        for (String g : trains.rttMs().keySet()) {
            double rtt = Stats.median(exact.rttMs().get(g));
            double jitter = Stats.median(exact.jitterUs().get(g));
            assertEquals(rtt, Stats.median(trains.rttMs().get(g)), 0.02 * rtt, reflector + " RTT median, ms");
            assertEquals(jitter, Stats.median(trains.jitterUs().get(g)), 0.03 * jitter,
                    reflector + " jitter median, us");
        }
    }

    /**
     * A guest's ACKs leave as the softirq takes each segment, not when a train of segments is
     * handed over: with them late and bunched, xen-burned's TCP receive lost 44 frames at the
     * vif in exact timing against 1 in trains (seed 4) and carried 906 Mbit/s against 828. And the
     * sender takes each ACK at its own time: handed over at a part's end, the last ACK before a
     * retransmission timeout restarted the timer up to a part late, the retransmission left 2.6 us
     * later and trial 1 carried 410 Mbit/s against 639.
     */
    @Test
    void tcpAcksLeaveAsTheirSegmentsAreDone() {
        Scenario s = LOADER.load("xen-burned", List.of()).scenario();
        int mss = Ethernet.maxPayload(s.link().mtu(), IpVersion.IPV4, Transport.TCP);
        assertTimingsAgree(s, Transport.TCP, mss, Direction.RX, 1, 4, RunResult::throughputMbps);
    }

    /**
     * A frame for a guest short of posted buffers is admitted, queued or dropped by what the guest
     * has posted by the time Dom0's poll is done with it: handed over at the end of a train it saw
     * buffers posted later (xen-double receiving 36 B: 32.7 Mbit/s in sum in trains against 38.1).
     */
    @Test
    void framesForAGuestShortOfBuffersGoWhenDone() {
        Scenario s = LOADER.load("xen-double", List.of()).scenario();
        assertTimingsAgree(s, Transport.UDP, 36, Direction.RX, 0.5, 2, r -> Map.of("sum",
                r.throughputMbps().values().stream().mapToDouble(Double::doubleValue).sum()));
    }

    /**
     * A frame for a guest goes when it is done while another guest's vif queue is stopped, and
     * while its own guest has buffers free for fewer than two trains: the other guest's event
     * restarts its queue in the middle of Dom0's poll, and whether its waiting frames join
     * netback's one receive queue before or after this frame decides how many of each guest's
     * frames a run of net_rx_action takes. Handed over at a train's end, xen-double receiving
     * 300 B gave 337.6 Mbit/s in sum in trial 6 against 320.8 exact, and with one train's buffers
     * domU1 172.4 in trial 2 against 176.3.
     */
    @Test
    void framesForAGuestGoWhenDoneWhileAQueueIsStopped() {
        Scenario s = LOADER.load("xen-double", List.of()).scenario();
        assertTimingsAgree(s, Transport.UDP, 300, Direction.RX, 0.5, 6, RunResult::throughputMbps);
    }

    /**
     * A part cut short at the packets already done (a reader on another CPU found its socket empty
     * and fell asleep) releases them by when each was done, not spread to the cut: stamped late, a
     * frame woke the reader one wake-up latency after its CPU halted instead of at once. Two
     * contexts receiving 36 B, trial 1: ctx1 80.4 Mbit/s in trains against 81.5 exact, its socket
     * dropping 17914 datagrams against 16147; now the same in both.
     */
    @Test
    void aPartCutAtWhatIsDoneReleasesItsPacketsWhenTheyWereDone() {
        Scenario s = LOADER.load("vserver-double", List.of()).scenario();
        assertTimingsAgree(s, Transport.UDP, 36, Direction.RX, 0.5, 1, r -> {
            Map<String, Double> figures = new TreeMap<>(r.throughputMbps());
            figures.put("ctx1 socket drops", (double) r.drops().getOrDefault("ctx1.socket.rx.drop", 0L));
            return figures;
        });
    }

    /**
     * A reader woken on a halted CPU, waiting out its wake-up latency, takes what its socket holds
     * when it runs: frames done for it meanwhile go when done, not at the end of a train (its
     * reader found one datagram where exact found two). Two contexts receiving 36 B over IPv6:
     * trial 4 (index 3) gave ctx1 44.2 Mbit/s in trains against 81.1 exact before the rule; with
     * the rule for a reader beginning a job (below) that trial agrees without it, and trials 5 and
     * 6 (indices 4 and 5) are the ones that need it: 71.9 against 70.0, 63.3 against 56.1 without it.
     */
    @Test
    void aWokenReaderFindsWhatWasDoneBeforeItRuns() {
        Scenario s = LOADER.load("vserver-double", List.of()).scenario();
        assertTimingsAgree(s, Transport.UDP, IpVersion.IPV6, 36, Direction.RX, 0.5, 4, 6, RunResult::throughputMbps);
    }

    /**
     * A reader that begins a job on one CPU takes every datagram done for it by then on another:
     * a part in progress there that has done one ends at once with what it has done. Two contexts
     * receiving 36 B over IPv6, trial 4 (index 3): ctx2's reader, busy on cpu1, began its next job
     * at 5.43774 ms, and the frame for it a NAPI poll on cpu0 had done at 5.43756 sat in a 16-frame
     * part planned while the reader ran; it took one datagram where exact took two, and ctx1 got
     * 78.27 Mbit/s in trains against 81.08 exact. Now within 0.5 % (they agree to 0.001 %).
     */
    @Test
    void aReaderBeginningAJobTakesWhatOtherCpusHaveDoneForIt() {
        Scenario s = LOADER.load("vserver-double", List.of()).scenario();
        assertTimingsAgree(s, Transport.UDP, IpVersion.IPV6, 36, Direction.RX, 0.5, 3, 4, 0.005,
                RunResult::throughputMbps);
    }

    /**
     * A train's packets are stamped when exact timing's part for each would end: each packet's CPU
     * time rounded up to whole ns on its own, as one part a packet is. Rounded once per train and
     * spread, the stamps drifted a few ns from exact's (2 ns at 4.04 ms, 33 at 4.39 ms), enough to
     * flip which side of a reader's job end a frame landed. Two contexts receiving 36 B over IPv6,
     * trial 1 (index 0): ctx1 72.2 Mbit/s in trains against 76.8 exact; trial 3: 54.0 against 79.0.
     */
    @Test
    void trainsStampEachPacketWhenExactTimingWouldReleaseIt() {
        Scenario s = LOADER.load("vserver-double", List.of()).scenario();
        assertTimingsAgree(s, Transport.UDP, IpVersion.IPV6, 36, Direction.RX, 0.5, 0, 1, RunResult::throughputMbps);
        assertTimingsAgree(s, Transport.UDP, IpVersion.IPV6, 36, Direction.RX, 0.5, 2, 3, RunResult::throughputMbps);
    }

    /**
     * A KVM guest's frames reach the NIC as its vhost worker sends each one: handed on 16 at a
     * time they reached the wire in blocks, and machine 2's full ring dropped the other guest's
     * more (two guests sending 36 B: vm1 48.7 and vm2 60.5 Mbit/s in trains, 60.0 and 50.2 exact).
     */
    @Test
    void kvmGuestsFramesGoToTheNicAsTheWorkerSendsThem() {
        Scenario s = LOADER.load("kvm-double", List.of()).scenario();
        assertTimingsAgree(s, Transport.UDP, 36, Direction.TX, 0.5, 2, RunResult::throughputMbps);
    }

    /**
     * Seed by seed (trials 0 to {@code trials} - 1, {@code seconds} each), trains give each figure
     * {@code figures} reads (Mbit/s, or a count of drops) within 2 % of exact timing's.
     */
    private static void assertTimingsAgree(Scenario s, Transport transport, int payload, Direction leg,
                                           double seconds, int trials,
                                           Function<RunResult, Map<String, Double>> figures) {
        assertTimingsAgree(s, transport, IpVersion.IPV4, payload, leg, seconds, 0, trials, figures);
    }

    /** The same over {@code ip}, trials {@code from} to {@code trials} - 1. */
    private static void assertTimingsAgree(Scenario s, Transport transport, IpVersion ip, int payload, Direction leg,
                                           double seconds, int from, int trials,
                                           Function<RunResult, Map<String, Double>> figures) {
        assertTimingsAgree(s, transport, ip, payload, leg, seconds, from, trials, 0.02, figures);
    }

    /** The same within {@code tolerance} (a fraction of exact's figure). */
    private static void assertTimingsAgree(Scenario s, Transport transport, IpVersion ip, int payload, Direction leg,
                                           double seconds, int from, int trials, double tolerance,
                                           Function<RunResult, Map<String, Double>> figures) {
        for (int trial = from; trial < trials; trial++) {
            Map<String, Double> trains = figures.apply(Experiment.run(s,
                    new RunSpec(transport, ip, payload, leg, trial, SimTime.seconds(seconds), Fidelity.TRAINS)));
            Map<String, Double> exact = figures.apply(Experiment.run(s,
                    new RunSpec(transport, ip, payload, leg, trial, SimTime.seconds(seconds), Fidelity.EXACT)));
            for (Map.Entry<String, Double> e : exact.entrySet()) {
                assertEquals(e.getValue(), trains.get(e.getKey()), tolerance * e.getValue(),
                        "trial " + trial + ": " + e.getKey() + ", trains against exact");
            }
        }
    }

    @Test
    void exactTimingRunsPacketByPacket() {
        Scenario s = LOADER.load("xen-single", List.of()).scenario();
        RunSpec trains = new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.RX, 0, DURATION, Fidelity.TRAINS);
        RunSpec exact = new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.RX, 0, DURATION, Fidelity.EXACT);
        RunResult t = Experiment.run(s, trains);
        RunResult e = Experiment.run(s, exact);
        // every delivered packet's NAPI, netfront and socket parts are events of their own
        assertTrue(e.events() >= 3 * e.packetsOffered(), "exact " + e.events() + " events for " + e.packetsOffered()
                + " packets");
        // trains go packet by packet only where timing decides (a vif short of its guest's buffers)
        assertTrue(e.events() > 1.25 * t.events(), "exact " + e.events() + " events, trains " + t.events());
        assertEquals(trains.seed(1), exact.seed(1), "both timings draw from the same seed");
    }
}
