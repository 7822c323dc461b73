package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;

/** Streams of several guests share machine 2's sender queue and the wire without starving one another. */
class SharedPathTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    @Test
    void twoPacedUdpStreamsEachGetTheirRate() {
        Scenario s = LOADER.load("vserver-double", List.of("udp.rate=\"300 Mbit/s\"")).scenario();
        RunResult r = Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.RX, 0,
                SimTime.seconds(1)));
        assertEquals(300, r.throughputMbps().get("ctx1"), 3);
        assertEquals(300, r.throughputMbps().get("ctx2"), 3);
    }

    @Test
    void twoBulkTcpConnectionsShareTheWireEvenly() {
        Scenario s = LOADER.load("vserver-double", List.of()).scenario();
        int mss = Ethernet.maxPayload(1500, IpVersion.IPV4, Transport.TCP);
        RunResult r = Experiment.run(s, new RunSpec(Transport.TCP, IpVersion.IPV4, mss, Direction.RX, 0,
                SimTime.seconds(1)));
        double a = r.throughputMbps().get("ctx1");
        double b = r.throughputMbps().get("ctx2");
        assertEquals(a, b, 0.1 * (a + b), "fair shares: " + a + " and " + b);
        assertEquals(935, a + b, 15);
    }
}
