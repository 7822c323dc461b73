package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * Trains against the exact oracle: the same scenario and seeds simulated packet by packet must
 * give the same throughput per guest and in sum (within 2 %) and the same CPU load per domain
 * (within 3 points), at 36, 300 and 1470 B, both ways, for every bundled platform; and the same
 * RTT and jitter medians. Where they disagree, the trains are wrong.
 *
 * <p>Each figure is the median of three trials (three seeds) of 0.3 s. Some figures of the
 * Xen platforms with two DomUs move between seeds far more than the tolerance (how the credit
 * scheduler happens to share the CPUs early in a run decides how the guests split the wire), in
 * either timing; for those the tolerance grows by half the range the exact trials span, which
 * is what the model itself can tell apart. The sum over the guests and every figure of the
 * other platforms vary far less than the tolerance, and are held to it.
 */
class ExactAgreementTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final long DURATION = SimTime.seconds(0.3);
    private static final int TRIALS = 3;
    /**
     * Points where trains and exact timing still disagree, each with what was found (docs/MODEL.md,
     * "Known disagreements"). A listed point that agrees fails the test: take it off the list.
     */
    private static final Map<String, String> KNOWN_DISAGREEMENTS = Map.of(
            "xen-double 36 B rx", "Dom0 at 98 % of a CPU with trains, 64 % exact: seeds 0-1 switch regime in trains"
                    + " within 0.3 s, none of 0-2 exact; over 24 seeds 4 switch in each timing (means 70.1 and 70.3 %)",
            "xen-double 300 B rx", "the guests' split of the wire (the sum agrees): over 16 seeds domU1 159.9 ± 16.0"
                    + " Mbit/s in trains, 159.4 ± 14.4 exact");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "xen-single", "vserver-single", "xen-double", "vserver-double", "xen-burned",
            "vserver-burned"})
    void trainsAgreeWithExactTiming(String platform) throws InterruptedException {
        Scenario s = LOADER.load(platform, List.of()).scenario();
        List<Job> jobs = new ArrayList<>();
        for (int payload : new int[] {36, 300, 1470}) {
            for (Direction leg : List.of(Direction.RX, Direction.TX)) {
                for (Fidelity timing : Fidelity.values()) {
                    for (int trial = 0; trial < TRIALS; trial++) {
                        jobs.add(new Job(s, new RunSpec(Transport.UDP, IpVersion.IPV4, payload, leg, trial, DURATION,
                                timing)));
                    }
                }
            }
        }
        List<RunResult> results;
        try (RunPool pool = RunPool.allCores()) {
            results = pool.runJobs(jobs, (done, total) -> { }, () -> false);
        }
        List<String> disagreements = new ArrayList<>();
        for (int point = 0; point < results.size(); point += 2 * TRIALS) {
            RunSpec spec = results.get(point).spec();
            String at = platform + " " + spec.payload() + " B " + spec.direction().key();
            Map<String, double[][]> figures = figures(results.subList(point, point + 2 * TRIALS));
            List<String> here = new ArrayList<>();
            figures.forEach((name, byTiming) -> {
                double trains = Stats.median(byTiming[0]);
                double exact = Stats.median(byTiming[1]);
                double[] e = byTiming[1].clone();
                Arrays.sort(e);
                boolean cpu = name.startsWith("cpu ");
                double tolerance = (cpu ? 3 : 0.02 * exact) + (e[TRIALS - 1] - e[0]) / 2;
                if (Math.abs(trains - exact) > tolerance) {
                    here.add(String.format(Locale.ROOT, "%s %s: trains %.2f, exact %.2f (exact trials %s)",
                            at, name, trains, exact, Arrays.toString(byTiming[1])));
                }
            });
            if (!KNOWN_DISAGREEMENTS.containsKey(at)) {
                disagreements.addAll(here);
            } else if (here.isEmpty()) {
                disagreements.add(at + " agrees now: take it off KNOWN_DISAGREEMENTS and MODEL.md's list");
            }
        }
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    /** Per figure (guest Mbit/s, "sum", "cpu DOMAIN"): trains' trials and exact's. */
    private static Map<String, double[][]> figures(List<RunResult> point) {
        Map<String, double[][]> out = new TreeMap<>();
        for (int i = 0; i < point.size(); i++) {
            RunResult r = point.get(i);
            int timing = r.spec().fidelity().ordinal();
            int trial = r.spec().trial();
            double sum = 0;
            for (Map.Entry<String, Double> g : r.throughputMbps().entrySet()) {
                out.computeIfAbsent(g.getKey(), k -> new double[2][TRIALS])[timing][trial] = g.getValue();
                sum += g.getValue();
            }
            if (r.throughputMbps().size() > 1) {
                out.computeIfAbsent("sum", k -> new double[2][TRIALS])[timing][trial] = sum;
            }
            r.cpuPercent().forEach((d, v) -> out.computeIfAbsent("cpu " + d, k -> new double[2][TRIALS])[timing][trial] = v);
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
        assertTrue(e.events() > 1.5 * t.events(), "exact " + e.events() + " events, trains " + t.events());
        assertEquals(trains.seed(1), exact.seed(1), "both timings draw from the same seed");
    }
}
