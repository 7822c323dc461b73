package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;

/**
 * The probe as a ping-pong ({@code rtt.loop = closed}): each measurement starts when the one
 * before is answered (plus the pause), the run ends after the count or at the deadline, and a
 * reply later than the timeout is given up on and counted lost.
 */
class ClosedProbeLoopTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static Point run(String scenario, String... sets) {
        List<String> all = new ArrayList<>(List.of("rtt.loop=closed", "rtt.packets=1"));
        all.addAll(List.of(sets));
        Scenario s = LOADER.load(scenario, all).scenario();
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), null, 1, null);
        return Experiment.aggregate(s, "test", "defaults",
                Experiment.plan(s, o).stream().map(spec -> Experiment.run(s, spec)).toList()).points().get(0);
    }

    @Test
    void stopsAfterItsCountWithEveryReplyIn() {
        Point p = run("rtt", "rtt.count=30", "rtt.pause=1ms");
        assertEquals(30, p.rttMs().samples());
        assertEquals(0, p.repliesLost());
    }

    @Test
    void eachMeasurementFollowsTheLastReplySoTheDeadlineHoldsAsManyAsRoundTripsFit() {
        Point p = run("rtt", "rtt.count=100000", "rtt.pause=1ms", "rtt.deadline=100ms");
        double perRound = 1.0 + p.rttMs().mean();
        double expected = 100 / perRound;
        assertTrue(Math.abs(p.rttMs().samples() - expected) <= 2, p.rttMs().samples() + " measurements in 100 ms of "
                + perRound + " ms rounds");
        // an open loop of the same pause would have sent one every 1 ms, whatever the RTT
        assertTrue(p.rttMs().mean() > 0.02, "the round trip takes time: " + p.rttMs().mean());
    }

    @Test
    void aReplyLaterThanTheTimeoutIsLostAndTheNextRequestGoesOut() {
        // the pinged guest burns beside 3 burners and 3 TCP receivers on one CPU: its replies take tens of ms
        Point p = run("lit-busy-pinged", "rtt.timeout=1ms", "rtt.deadline=1s");
        assertTrue(p.repliesLost() > 0, "lost " + p.repliesLost());
        assertTrue(p.repliesLost() + p.rttMs().samples() > 10, "requests went on after the timeouts: "
                + p.repliesLost() + " lost, " + p.rttMs().samples() + " answered");
    }
}
