package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * Table 2 of the study (IPv4, 500 Mbit/s, 140 measurements) against the rtt scenario: medians of
 * RTT within 10 % and of jitter within 25 %, standard deviations within a factor of 2. A target
 * the model misses without fitting is a known conflict (docs/MODEL.md, "Known conflicts"): the
 * test holds that it still misses, so that a model change that reaches it says the conflict's
 * entry is stale.
 */
class RttTargetsTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final Map<String, Point> CACHE = new HashMap<>();

    /** One of Table 2's cells: the published value, how close the model must come, and whether it is a known miss. */
    private record Target(String what, double published, double model, boolean ratio, double tolerance,
                          boolean knownConflict) {
        boolean met() {
            return ratio ? model >= published / tolerance && model <= published * tolerance
                    : Math.abs(model - published) <= tolerance * published;
        }
    }

    private static synchronized Point rtt(String reflector, List<String> more) {
        return CACHE.computeIfAbsent(reflector + more, k -> {
            List<String> sets = new java.util.ArrayList<>(more);
            sets.add("rtt.reflector=" + reflector);
            Scenario s = LOADER.load("rtt", sets).scenario();
            SimOptions o = new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), null, 1, null);
            Result r = Experiment.aggregate(s, "test", "defaults",
                    Experiment.plan(s, o).stream().map(spec -> Experiment.run(s, spec)).toList());
            return r.points().get(0);
        });
    }

    private static Point rtt(String reflector) {
        return rtt(reflector, List.of());
    }

    @Test
    void tableTwoMediansAndDeviationsOrTheirKnownConflicts() {
        Point nat = rtt("native");
        Point domU = rtt("domU");
        List<Target> targets = List.of(
                new Target("native RTT median", 0.2288, nat.rttMs().median(), false, 0.10, true),
                new Target("DomU RTT median", 0.2643, domU.rttMs().median(), false, 0.10, true),
                new Target("native jitter median", 13.742, nat.jitterUs().median(), false, 0.25, false),
                new Target("DomU jitter median", 21.5879, domU.jitterUs().median(), false, 0.25, true),
                new Target("native RTT stdev", 0.0067, nat.rttMs().stdev(), true, 2, true),
                new Target("DomU RTT stdev", 0.0019, domU.rttMs().stdev(), true, 2, false),
                new Target("native jitter stdev", 6.0488, nat.jitterUs().stdev(), true, 2, true),
                new Target("DomU jitter stdev", 0.5033, domU.jitterUs().stdev(), true, 2, false));
        for (Target t : targets) {
            assertEquals(!t.knownConflict(), t.met(), t.what() + ": published " + t.published() + ", model "
                    + t.model() + (t.knownConflict() ? " (a known conflict that no longer holds: update docs/MODEL.md)"
                    : ""));
        }
        assertTrue(domU.rttMs().median() > nat.rttMs().median(), "single-DomU RTT above native");
        assertEquals(140, nat.rttMs().samples());
        assertEquals(0, nat.repliesLost());
        assertEquals(0, domU.repliesLost());
    }

    @Test
    void theSameSeedGivesTheSameRunByteForByte() {
        Scenario s = LOADER.load("rtt", List.of("rtt.count=20")).scenario();
        RunSpec spec = Experiment.plan(s, new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), null, 1,
                null)).get(0);
        assertEquals(RunResultJson.write(Experiment.run(s, spec)), RunResultJson.write(Experiment.run(s, spec)));
    }

    @Test
    void aReplyThatNeverComesCountsLostAndNotInTheStatistics() {
        // a receive ring of 4 frames on machine 2 behind a coalescing delay longer than 4 probes' spacing
        Point p = rtt("native", List.of("rtt.count=20", "peer.nic.rx-ring=4", "peer.nic.coalesce=100 us",
                "peer.nic.coalesce-frames=64"));
        assertTrue(p.repliesLost() > 0, "replies lost: " + p.repliesLost());
        assertTrue(p.repliesLost() < 20 * 100, "some came back: " + p.repliesLost());
        assertTrue(p.rttMs().samples() <= 20);
        assertTrue(p.rttMs().max() >= p.rttMs().p99() && p.rttMs().p99() >= p.rttMs().p90()
                && p.rttMs().p90() >= p.rttMs().median(), p.rttMs().toString());
    }
}
