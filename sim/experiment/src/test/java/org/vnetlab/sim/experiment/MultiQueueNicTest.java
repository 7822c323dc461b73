package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.net.NicRxQueues;

/**
 * Multi-queue NICs on a host of today: 8 CPUs, 10 GbE, UDP flows from a machine 2 large enough
 * not to be the limit. Flows go to the queues the RSS hash names, each queue's softirq runs on
 * its own CPU, and when one CPU's softirq is the limit, four queues carry at least twice as much.
 */
class MultiQueueNicTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    /** The documented example (8 CPUs, 10 GbE, 4 queues, 8 streams from a machine 2 of 16 CPUs). */
    private static final String EXAMPLE = Path.of("../../docs/examples/modern-host.conf").toString();
    private static final int PAYLOAD = 64;
    private static final int FLOWS = 8;

    private static Scenario modernHost(String platform, int queues) {
        return LOADER.load(EXAMPLE, List.of("platform=" + platform, "host.nic.queues=" + queues)).scenario();
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
        RunHarness h = run(modernHost("vserver", 1), 20);
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

    @Test
    void parallelTcpConnectionsGainFromQueuesToo() {
        List<Double> mbps = new ArrayList<>();
        for (int queues : new int[] {1, 4}) {
            Scenario s = LOADER.load(EXAMPLE, List.of("host.nic.queues=" + queues, "tcp.parallel=8")).scenario();
            RunResult r = Experiment.run(s, new RunSpec(Transport.TCP, IpVersion.IPV4, 1448, Direction.RX, 0,
                    SimTime.millis(100)));
            mbps.add(r.throughputMbps().get("host"));
        }
        double wire = Ethernet.maxGoodputMbps(DataRate.gbps(10), 1448, IpVersion.IPV4, Transport.TCP);
        // one queue: CPU 0's softirq (driver, IP, TCP and the ACKs) holds 8 connections below the wire
        assertTrue(mbps.get(0) < 0.8 * wire && mbps.get(1) > 1.25 * mbps.get(0) && mbps.get(1) <= wire,
                "1 and 4 queues: " + mbps + ", wire " + wire);
    }

    /**
     * Hosts from 1 to 64 CPUs with NICs of 1 to 100 Gbit/s and as many queues, machine 2 with as
     * many streams and CPUs: both directions end, stay within the wire and the CPUs, and every
     * queue a flow hashes to takes frames. (A guard against hangs, not a speed test.)
     */
    @ParameterizedTest(name = "{0}, {1} CPUs, {2} queues, {3} Gbit/s")
    @CsvSource({
        "native, 1, 1, 1", "native, 8, 8, 10", "vserver, 16, 16, 25", "container, 8, 4, 10", "native, 64, 64, 100"
    })
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void cpusQueuesAndNicsFromSmallToLarge(String platform, int cpus, int queues, int gbps) {
        String rate = "\"" + gbps + " Gbit/s\"";
        Scenario s = LOADER.load(EXAMPLE, List.of("platform=" + platform, "host.cpus=" + cpus,
                "host.nic.queues=" + queues, "host.nic.rate=" + rate, "peer.nic.rate=" + rate, "link.rate=" + rate,
                "peer.cpus=" + cpus, "peer.nic.queues=" + cpus, "udp.parallel=" + cpus)).scenario();
        int payload = 1470;
        for (Direction leg : List.of(Direction.RX, Direction.TX)) {
            RunHarness h = new RunHarness(s, new RunSpec(Transport.UDP, IpVersion.IPV4, payload, leg, 0,
                    SimTime.millis(10)));
            RunResult r = UdpRun.run(h);
            double wire = Ethernet.maxGoodputMbps(DataRate.gbps(gbps), payload, IpVersion.IPV4, Transport.UDP);
            double sum = r.throughputMbps().values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(sum <= wire, leg.key() + ": " + sum + " Mbit/s above the wire's " + wire);
            assertTrue(sum > Math.min(0.05 * wire, 500), leg.key() + ": only " + sum + " Mbit/s got through");
            double cpu = r.cpuPercent().values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(cpu <= 100.0 * cpus + 1e-6, leg.key() + ": domains at " + cpu + " % on " + cpus + " CPUs");
            NicRxQueues receiver = (leg == Direction.RX ? h.bed.host() : h.bed.peer()).nicRx();
            for (int flow = 0; flow < cpus; flow++) {
                int q = receiver.queueOf(flow);
                assertTrue(receiver.queue(q).framesTaken() > 0, leg.key() + ": queue " + q + " of flow " + flow);
            }
        }
    }
}
