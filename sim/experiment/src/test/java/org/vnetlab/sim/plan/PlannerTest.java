package org.vnetlab.sim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;
import org.vnetlab.sim.validate.Simulations;

/** Plans checked by simulating the neighbours of their answer directly, without the planner. */
class PlannerTest {

    static final long DURATION = 500_000_000L;
    static final Planner.Traffic TRAFFIC = new Planner.Traffic(IpVersion.IPV4, Direction.RX, 1470, 1, DURATION);

    static Scenario load(String name, List<String> sets) {
        return Simulations.LOADER.load(name, sets).scenario();
    }

    /** One direct simulation: the slowest guest's rate and the busiest domain's CPU. */
    static RunResult simulate(Scenario s, int payload) {
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), List.of(payload), 1, DURATION);
        List<RunSpec> specs = Experiment.plan(s, o);
        assertEquals(1, specs.size());
        return Experiment.run(s, specs.get(0));
    }

    static boolean keeps(RunResult r, double mbps) {
        return r.throughputMbps().values().stream().allMatch(v -> v >= Planner.KEEPS * mbps);
    }

    static Answer plan(String scenario, java.util.function.Function<Planner, Answer> question) throws Exception {
        try (PoolEvaluator e = PoolEvaluator.allCores()) {
            return question.apply(new Planner(e, extra -> load(scenario, extra), TRAFFIC, (a, b) -> { }, () -> false));
        }
    }

    @Test
    void mostGuestsIsConfirmedByOneGuestMoreAndOneFewer() throws Exception {
        double mbps = 200;
        Answer a = plan("xen-double", p -> {
            try {
                return p.mostGuests(mbps, null, 6);
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        int n = (int) a.found();
        assertTrue(n >= 2 && n < 6, a.statement());
        String rate = "udp.rate=\"" + (int) mbps + " Mbit/s\"";
        for (int guests : List.of(n - 1, n, n + 1)) {
            RunResult r = simulate(load("xen-double", List.of("xen.domUs=" + guests, rate, "udp.direction=rx")), 1470);
            assertEquals(guests, r.throughputMbps().size());
            assertEquals(guests <= n, keeps(r, mbps), guests + " guests: " + r.throughputMbps());
        }
        Candidate beyond = a.tried().get(n);
        assertFalse(beyond.meets());
        assertTrue(beyond.bottleneck().what().startsWith("wire"), beyond.bottleneck().what());
        assertTrue(beyond.bottleneck().evidence().contains("dom0"), beyond.bottleneck().evidence());
    }

    @Test
    void smallestCpuSpeedKeepsDom0BelowSaturationAndASlowerOneDoesNot() throws Exception {
        double pps = 100_000;
        Planner.Traffic small = new Planner.Traffic(IpVersion.IPV4, Direction.RX, 100, 1, DURATION);
        Answer a;
        try (PoolEvaluator e = PoolEvaluator.allCores()) {
            a = new Planner(e, extra -> load("xen-single", extra), small, (x, y) -> { }, () -> false)
                    .smallestCpuSpeed(pps, "dom0", 95, 0.1, 4, 0.05);
        }
        double speed = a.found();
        List<String> base = new ArrayList<>(List.of("udp.direction=rx", "udp.rate=\"80 Mbit/s\""));
        Candidate at = a.tried().stream().filter(c -> c.value() == speed).findFirst().orElseThrow();
        assertTrue(at.meets(), at.why());
        Candidate below = a.tried().stream().filter(c -> !c.meets() && c.value() < speed)
                .max(java.util.Comparator.comparingDouble(Candidate::value)).orElseThrow();
        assertTrue(speed - below.value() <= 0.05 + 1e-9, "bracketed to the resolution: " + below.value() + " " + speed);
        List<String> slower = new ArrayList<>(base);
        slower.add("host.cpu-speed=" + below.value());
        RunResult r = simulate(load("xen-single", slower), 100);
        assertTrue(r.cpuPercent().get("dom0") >= 95 || r.loss().values().stream().anyMatch(l -> l > Planner.MAX_LOSS),
                "slower fails: " + r.cpuPercent() + " " + r.loss());
    }
}
