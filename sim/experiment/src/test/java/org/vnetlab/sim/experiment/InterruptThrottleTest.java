package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.units.SimTime;

/**
 * A NIC's interrupt throttle ({@code nic.interrupt-gap}, Intel's InterruptThrottleRate): no two
 * receive interrupts of a queue closer than the gap. A ping-pong whose round trip is shorter than
 * the gap is held to it, and a flood takes no more interrupts than the gap allows.
 */
class InterruptThrottleTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    /** Both NICs interrupt for every frame at once, as an e1000 with its delays at 0 does. */
    private static final List<String> NO_COALESCING = List.of("host.nic.coalesce=0us", "host.nic.coalesce-frames=1",
            "peer.nic.coalesce=0us", "peer.nic.coalesce-frames=1");

    /** The median round trip in microseconds of a closed-loop ping of 56 B between the native hosts. */
    private static double pingMicros(String gap) {
        List<String> sets = new ArrayList<>(List.of("platform=native", "rtt.loop=closed", "rtt.packets=1",
                "rtt.pause=0ms", "rtt.payload=56", "rtt.count=300", "host.nic.interrupt-gap=" + gap,
                "peer.nic.interrupt-gap=" + gap));
        sets.addAll(NO_COALESCING);
        Scenario s = LOADER.load("rtt", sets).scenario();
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), null, 1, null);
        Point p = Experiment.aggregate(s, "test", "defaults",
                Experiment.plan(s, o).stream().map(spec -> Experiment.run(s, spec)).toList()).points().get(0);
        return p.rttMs().median() * 1000;
    }

    @Test
    void aPingPongFasterThanTheGapIsHeldToIt() {
        double free = pingMicros("0us");
        double throttled = pingMicros("125us");
        assertTrue(free < 60, "without a throttle the ping is the path's own time: " + free + " us");
        // each side's next interrupt waits out the gap since its last, one round trip before
        assertTrue(throttled >= 125 && throttled < 125 + free, "held to the 125 us gap: " + throttled + " us");
    }

    @Test
    void aFloodTakesNoMoreInterruptsThanTheGapAllows() {
        List<String> sets = new ArrayList<>(List.of("host.nic.interrupt-gap=125us"));
        sets.addAll(NO_COALESCING);
        Scenario s = LOADER.load("native", sets).scenario();
        long millis = 20;
        RunHarness h = new RunHarness(s, new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.RX, 0,
                SimTime.millis(millis)));
        UdpRun.run(h);
        long interrupts = h.bed.host().nicRx().queue(0).interrupts();
        long ran = h.kernel.now();
        // 8,000 a second at most over the leg and its drain, and the flood keeps the NIC busy enough to use them
        assertTrue(interrupts <= ran / 125_000 + 1, interrupts + " interrupts in " + ran + " ns");
        assertTrue(interrupts >= millis * 1_000_000 / 125_000 / 2, "the flood interrupts as often as allowed: "
                + interrupts);
    }
}
