package org.vnetlab.sim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.experiment.Batch;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunCache;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;
import org.vnetlab.sim.validate.Simulations;

/** Plans checked by simulating the neighbours of their answer directly, without the planner. */
class PlannerTest {

    static final long DURATION = 500_000_000L;
    static final Planner.Traffic TRAFFIC = new Planner.Traffic(IpVersion.IPV4, Direction.RX, 1470, 1, DURATION);

    /** A question put to a planner. */
    interface Question {
        Answer ask(Planner p) throws InterruptedException;
    }

    /** Records what the planner said as it went. */
    static final class Heard implements Planner.Listener {
        final List<Double> simulating = new ArrayList<>();
        final List<Candidate> tried = new ArrayList<>();

        @Override
        public Batch.Progress simulating(double value) {
            simulating.add(value);
            return new Batch.Progress() {
                @Override
                public void starting(int runs) {
                }

                @Override
                public void runDone() {
                }
            };
        }

        @Override
        public void tried(Candidate c) {
            tried.add(c);
        }
    }

    static Scenario load(String name, List<String> sets) {
        return Simulations.LOADER.load(name, sets).scenario();
    }

    /** One direct simulation, as the planner's candidate would be run. */
    static RunResult simulate(Scenario s, int payload) {
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), List.of(payload), 1, DURATION);
        List<RunSpec> specs = Experiment.plan(s, o);
        assertEquals(1, specs.size());
        return Experiment.run(s, specs.get(0));
    }

    static boolean keeps(RunResult r, double mbps) {
        return r.throughputMbps().values().stream().allMatch(v -> v >= Planner.KEEPS * mbps);
    }

    static Answer plan(String scenario, Planner.Traffic traffic, Heard heard, Question question) throws Exception {
        try (PoolEvaluator e = PoolEvaluator.allCores()) {
            return question.ask(new Planner(new Batch(e, RunCache.none()), extra -> load(scenario, extra), traffic, heard,
                    () -> false));
        }
    }

    static String rate(double mbps) {
        return "udp.rate=\"" + Planner.num(mbps) + " Mbit/s\"";
    }

    @Test
    void bisectionFindsTheFirstFlipInLog2StepsAndLinearWalksUpToIt() throws Exception {
        for (int last = 1; last <= 40; last++) {
            for (int flip = 1; flip <= last + 1; flip++) {
                int f = flip;
                List<Integer> bisected = new ArrayList<>();
                assertEquals(flip, Search.BISECTION.first(1, last, c -> bisected.add(c) && c >= f));
                assertTrue(bisected.size() <= 32 - Integer.numberOfLeadingZeros(last + 1),
                        last + " candidates, flip at " + flip + ": " + bisected);
                List<Integer> walked = new ArrayList<>();
                assertEquals(flip, Search.LINEAR.first(1, last, c -> walked.add(c) && c >= f));
                assertEquals(Math.min(flip, last), walked.size());
            }
        }
    }

    @Test
    void withoutMaxGuestsTheSearchGoesOnToTheFirstCountThatFailsBeyondEight() throws Exception {
        double mbps = 60;
        Heard heard = new Heard();
        Answer a = plan("xen-double", TRAFFIC, heard, p -> p.mostGuests(mbps, null, null, Search.BISECTION));
        int n = (int) a.found();
        assertTrue(n >= 8, a.statement());
        assertFalse(a.atBound(), a.statement());
        assertEquals("at most " + n + " guests", a.statement());
        Candidate failing = a.firstFailing().orElseThrow();
        assertEquals(n + 1, (int) failing.value());
        assertFalse(failing.meets());
        assertFalse(failing.bottleneck().what().startsWith("none"), failing.bottleneck().what());
        assertTrue(failing.bottleneck().evidence().contains("cpu dom0"), failing.bottleneck().evidence());
        assertTrue(a.bound().startsWith("17 guests, the wire's bound"), a.bound());
        assertTrue(a.tried().size() <= 5, "bisection of 1..17: " + a.tried().size() + " candidates");
        assertEquals(a.tried(), heard.tried, "one progress report per candidate, as decided");
        for (int guests : List.of(n, n + 1)) {
            RunResult r = simulate(load("xen-double", List.of("xen.domUs=" + guests, "udp.direction=rx", rate(mbps),
                    Planner.PACED)), 1470);
            assertEquals(guests, r.throughputMbps().size());
            assertEquals(guests == n, keeps(r, mbps), guests + " guests: " + r.throughputMbps());
        }
    }

    @Test
    void bisectionAndLinearAgreeOnAMonotoneQuestionAndBisectionSimulatesFewer() throws Exception {
        Answer bisected = plan("xen-double", TRAFFIC, new Heard(), p -> p.mostGuests(200, null, null, Search.BISECTION));
        Answer walked = plan("xen-double", TRAFFIC, new Heard(), p -> p.mostGuests(200, null, null, Search.LINEAR));
        assertEquals("at most 4 guests", bisected.statement());
        assertEquals(bisected.statement(), walked.statement());
        assertEquals(List.of(3.0, 4.0, 5.0), bisected.tried().stream().map(Candidate::value).toList());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), walked.tried().stream().map(Candidate::value).toList());
        Candidate failing = bisected.firstFailing().orElseThrow();
        assertTrue(failing.bottleneck().what().startsWith("wire ("), failing.bottleneck().what());
        assertEquals(Search.BISECTION, bisected.search());
    }

    @Test
    void aSearchEndedByItsBoundSaysSoAndNamesNoFailure() throws Exception {
        Answer a = plan("xen-double", TRAFFIC, new Heard(), p -> p.mostGuests(100, null, 2, Search.BISECTION));
        assertTrue(a.atBound());
        assertEquals(2, (int) a.found());
        assertNull(a.failing());
        assertTrue(a.statement().startsWith("at least 2 guests: the search reached its bound (2 guests, --max-guests)"),
                a.statement());
    }

    @Test
    void aGuestThatBurnsCpuCarriesNoStreamAndIsNotCountedAgainstTheWire() throws Exception {
        Answer a = plan("xen-burned", TRAFFIC, new Heard(), p -> p.mostGuests(200, null, null, Search.BISECTION));
        assertTrue(a.bound().startsWith("6 guests, the wire's bound: 5 streams would need 990.0 Mbit/s"), a.bound());
        assertTrue(a.tried().stream().allMatch(c -> c.value() >= 2), "one guest would only burn");
        a.tried().forEach(c -> assertEquals((int) c.value() - 1, c.guests().size(), "measured guests"));
        assertFalse(a.atBound(), a.statement());
    }

    @Test
    void theMostGuestsAScenarioCanBeGivenIsABoundToo() throws Exception {
        Answer a;
        try (PoolEvaluator e = PoolEvaluator.allCores()) {
            a = new Planner(new Batch(e, RunCache.none()), extra -> {
                int guests = extra.stream().filter(x -> x.startsWith("xen.domUs=")).mapToInt(x -> Integer.parseInt(
                        x.substring("xen.domUs=".length()))).findFirst().orElse(2);
                if (guests > 6) {
                    throw new org.vnetlab.config.ConfigError("xen-double: no address left for domU" + guests);
                }
                return load("xen-double", extra);
            }, TRAFFIC, new Heard(), () -> false).mostGuests(100, null, null, Search.BISECTION);
        }
        assertTrue(a.atBound(), a.statement());
        assertEquals("6 guests, the most the scenario can be given (with 7: xen-double: no address left for domU7)",
                a.bound());
        assertEquals(6, (int) a.found());
        assertTrue(a.tried().stream().allMatch(c -> c.value() <= 6));
    }

    @Test
    void smallestCpuSpeedKeepsDom0BelowSaturationAndASlowerOneDoesNotAndIsAlsoInGHz() throws Exception {
        double pps = 100_000;
        Planner.Traffic small = new Planner.Traffic(IpVersion.IPV4, Direction.RX, 100, 1, DURATION);
        Answer a = plan("xen-single", small, new Heard(), p -> p.smallestCpuSpeed(pps, "dom0", 95, 0.05, 4, 0.05,
                Search.BISECTION));
        double speed = a.found();
        Candidate at = a.answer().orElseThrow();
        assertEquals(speed, at.value());
        assertTrue(at.meets(), at.why());
        Candidate below = a.firstFailing().orElseThrow();
        assertEquals(speed - 0.05, below.value(), 1e-9, "bracketed to the resolution");
        assertFalse(below.meets(), below.why());
        assertTrue(a.tried().size() <= 8, "bisection of 80 speeds: " + a.tried().size());
        assertTrue(a.statement().startsWith(String.format(java.util.Locale.ROOT, "cpu-speed %s, %.2f GHz of the"
                + " study's 2.4 GHz Opteron 280", Planner.num(speed), speed * 2.4)), a.statement());
        List<String> slower = new ArrayList<>(List.of("udp.direction=rx", "udp.rate=\"80 Mbit/s\"",
                "host.cpu-speed=" + Planner.num(below.value())));
        RunResult r = simulate(load("xen-single", slower), 100);
        assertTrue(r.cpuPercent().get("dom0") >= 95 || r.loss().values().stream().anyMatch(l -> l > Planner.MAX_LOSS),
                "slower fails: " + r.cpuPercent() + " " + r.loss());
    }
}
