package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.SimTime;

/**
 * Many DomUs, each offered more than its share of the wire, so machine 2's senders contend for
 * one transmit ring and their paced trains interleave on the wire. This once livelocked: the
 * ring's room and the time a blocked sender was woken disagreed, and the sender was woken at
 * the same instant forever.
 */
class ManyGuestsTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final int PAYLOAD = 1470;

    @ParameterizedTest(name = "{0} DomUs")
    @ValueSource(ints = {8, 16, 32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void overloadedGuestsFinishAndShareTheWire(int guests) {
        // 1.5 times the wire in all: more than each guest's share
        long mbps = 1500 / guests + 1;
        // senders paced as applications are: iperf 2's busy wait would leave machine 2's two CPUs
        // spinning for its many clients, short of the load asked
        Scenario s = LOADER.load("xen-double", List.of("xen.domUs=" + guests, "udp.rate=\"" + mbps + " Mbit/s\"",
                "udp.direction=rx", "udp.pacing=timer")).scenario();
        RunResult r = Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, PAYLOAD, Direction.RX, 0,
                SimTime.seconds(0.4)));
        double wire = Ethernet.maxGoodputMbps(DataRate.gbps(1), PAYLOAD, IpVersion.IPV4, Transport.UDP);
        double sum = r.throughputMbps().values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(sum <= wire, "the guests together got " + sum + " Mbit/s, above the wire's " + wire);
        assertTrue(sum >= 0.5 * wire, "the guests together got only " + sum + " Mbit/s");
        r.throughputMbps().forEach((g, v) -> assertTrue(v > 0, g + " got nothing of " + r.throughputMbps()));
        assertEquals(guests, r.throughputMbps().size());
    }
}
