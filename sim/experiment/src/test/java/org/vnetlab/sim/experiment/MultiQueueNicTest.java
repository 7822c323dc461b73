package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.net.NicRxQueues;

/**
 * Multi-queue NICs on a host of today: 8 CPUs, 10 GbE, UDP flows from a machine 2 large enough
 * not to be the limit. Flows go to the queues the RSS hash names, each queue's softirq runs on
 * its own CPU, and when one CPU's softirq is the limit, four queues carry at least twice as much.
 */
class MultiQueueNicTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final int PAYLOAD = 64;
    private static final int FLOWS = 8;

    private static Scenario modernHost(String platform, int queues) {
        return LOADER.load(platform, List.of("host.cpus=8", "host.nic.rate=\"10 Gbit/s\"", "link.rate=\"10 Gbit/s\"",
                "peer.nic.rate=\"10 Gbit/s\"", "peer.cpus=16", "peer.nic.queues=8", "host.nic.queues=" + queues,
                "udp.parallel=" + FLOWS, "udp.rate=\"10 Gbit/s\"")).scenario();
    }

    private static RunSpec rx(long millis) {
        return new RunSpec(Transport.UDP, IpVersion.IPV4, PAYLOAD, Direction.RX, 0, SimTime.millis(millis));
    }

    private static RunHarness run(Scenario s, long millis) {
        RunHarness h = new RunHarness(s, rx(millis));
        UdpRun.run(h);
        return h;
    }

    @Test
    void flowsLandOnTheQueuesTheHashNamesAndEachQueuesSoftirqRunsOnItsCpu() {
        RunHarness h = run(modernHost("native", 4), 50);
        NicRxQueues nic = h.bed.host().nicRx();
        assertEquals(4, nic.count());
        Set<Integer> hashed = new TreeSet<>();
        for (int flow = 0; flow < FLOWS; flow++) {
            hashed.add(nic.queueOf(flow));
        }
        assertTrue(hashed.size() > 1, "8 flows spread over more than one of 4 queues: " + hashed);
        Set<Integer> busy = new TreeSet<>();
        for (int q = 0; q < nic.count(); q++) {
            if (nic.queue(q).framesTaken() > 0) {
                busy.add(q);
            }
            assertSame(h.bed.host().executors().get(q), nic.queue(q).napi().executor(), "queue " + q + "'s CPU");
        }
        assertEquals(hashed, busy, "the queues that took frames are those the flows hash to");
    }

    @Test
    void oneQueueTakesEveryFlowOnCpu0() {
        RunHarness h = run(modernHost("vserver-single", 1), 20);
        NicRxQueues nic = h.bed.host().nicRx();
        assertEquals(1, nic.count());
        assertTrue(nic.queue(0).framesTaken() > 0);
        assertSame(h.bed.host().executors().get(0), nic.queue(0).napi().executor());
    }

    @Test
    void fourQueuesCarryAtLeastTwiceWhatOneDoesWhenTheCpuIsTheLimit() {
        List<Double> mbps = new ArrayList<>();
        for (int queues : new int[] {1, 4}) {
            RunResult r = Experiment.run(modernHost("native", queues), rx(100));
            mbps.add(r.throughputMbps().get("host"));
            if (queues == 1) {
                // far below the wire and most datagrams lost: one CPU's softirq is the limit, not machine 2
                assertTrue(r.throughputMbps().get("host") < 2_000, "one queue: " + r.throughputMbps());
                assertTrue(r.loss().get("host") > 0.5, "one queue loses most: " + r.loss());
            }
        }
        assertTrue(mbps.get(1) >= 2 * mbps.get(0), "1 and 4 queues: " + mbps);
    }
}
