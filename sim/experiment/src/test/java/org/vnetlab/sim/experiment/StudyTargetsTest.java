package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.SimTime;

/**
 * The calibration targets, checked on the simulator's own output: the study's stated facts
 * (docs/MODEL.md lists them) and Table 1; Table 2 is {@link RttTargetsTest}'s. Runs are shorter than the
 * study's 10 s and fewer than its 7 trials to keep the suite fast; steady state is reached
 * within milliseconds, and `vnetlab validate` checks the full method.
 */
class StudyTargetsTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final List<Integer> SIZES = List.of(36, 100, 200, 700, 800, 900, 1000, 1400);
    private static final Map<String, Result> CACHE = new HashMap<>();

    private static synchronized Result udp(String scenario) {
        return CACHE.computeIfAbsent("udp " + scenario, k -> simulate(scenario, List.of(Transport.UDP), SIZES, 2, 2));
    }

    private static synchronized Result tcp(String scenario) {
        return CACHE.computeIfAbsent("tcp " + scenario, k -> simulate(scenario, List.of(Transport.TCP), null, 1, 5));
    }

    private static Result simulate(String name, List<Transport> transports, List<Integer> sizes, int trials,
                                   double seconds) {
        Scenario s = LOADER.load(name, List.of()).scenario();
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4, IpVersion.IPV6), transports, sizes, trials,
                SimTime.seconds(seconds));
        try (RunPool pool = RunPool.allCores()) {
            return Experiment.aggregate(s, "test", "defaults", pool.runAll(s, Experiment.plan(s, o), (d, t) -> { },
                    () -> false));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Point point(Result r, String transport, String protocol, String direction, int payload) {
        return r.points().stream().filter(p -> p.transport().equals(transport) && p.protocol().equals(protocol)
                        && p.direction().equals(direction) && p.payload() == payload && !p.guest().equals("sum"))
                .findFirst().orElseThrow(() -> new AssertionError("no point " + transport + " " + protocol + " "
                        + direction + " " + payload));
    }

    private static double mbps(String scenario, String protocol, int payload) {
        return point(udp(scenario), "udp", protocol, "rx", payload).throughputMbps();
    }

    private static double cpu(String scenario, String protocol, int payload, String domain) {
        return point(udp(scenario), "udp", protocol, "tx", payload).cpuPercent().get(domain);
    }

    private static double bound(String protocol, int payload) {
        return Ethernet.maxGoodputMbps(DataRate.gbps(1), payload, IpVersion.fromKey(protocol), Transport.UDP);
    }

    @Test
    void noUdpThroughputAboveTheLineRateAndWithinTwoPercentOfItFrom1000Bytes() {
        for (String s : List.of("native", "xen-single", "vserver-single")) {
            for (Point p : udp(s).points()) {
                double limit = bound(p.protocol(), p.payload());
                assertTrue(p.throughputMbps() <= limit * 1.0001, s + " " + p.key() + " above the wire: "
                        + p.throughputMbps() + " > " + limit);
                if (p.payload() >= 1000) {
                    assertTrue(p.throughputMbps() >= 0.98 * limit, s + " " + p.key() + " below 98 % of " + limit);
                }
            }
        }
    }

    @Test
    void nativeIpv6IsTwoToTenPercentBelowIpv4UpTo200Bytes() {
        for (int size : List.of(36, 100, 200)) {
            double drop = 1 - mbps("native", "ipv6", size) / mbps("native", "ipv4", size);
            assertTrue(drop >= 0.02 && drop <= 0.10, size + " B: IPv6 is " + 100 * drop + " % below IPv4");
        }
    }

    @Test
    void xenSingleIsBelowNativeUpTo700BytesAndEqualFrom900() {
        for (String ip : List.of("ipv4", "ipv6")) {
            for (int size : SIZES) {
                double xen = mbps("xen-single", ip, size);
                double nat = mbps("native", ip, size);
                if (size <= 700) {
                    assertTrue(xen < 0.98 * nat, ip + " " + size + " B: xen " + xen + " not 2 % below native " + nat);
                } else if (size >= 900) {
                    assertEquals(nat, xen, 0.02 * nat, ip + " " + size + " B");
                }
            }
        }
    }

    @Test
    void xenSingleSaturatesBothDomainsBelow700BytesAndTheDomULoadFallsAt800() {
        Integer firstUnsaturated = null;
        for (int size : SIZES) {
            double domU = cpu("xen-single", "ipv4", size, "domU1");
            double dom0 = cpu("xen-single", "ipv4", size, "dom0");
            if (size <= 700) {
                assertTrue(domU >= 95, size + " B: DomU at " + domU + " %");
                assertTrue(dom0 >= 90, size + " B: Dom0 at " + dom0 + " %");
                double gap = dom0 - cpu("xen-single", "ipv6", size, "dom0");
                assertTrue(gap >= 8 && gap <= 12, size + " B: Dom0 with IPv6 is " + gap + " points below IPv4");
            }
            if (firstUnsaturated == null && domU < 95) {
                firstUnsaturated = size;
            }
        }
        assertTrue(firstUnsaturated != null && firstUnsaturated >= 750 && firstUnsaturated <= 850,
                "DomU load first under 95 % at " + firstUnsaturated + " B");
    }

    @Test
    void vserverSingleIsWithinThreePercentOfNative() {
        for (String ip : List.of("ipv4", "ipv6")) {
            for (int size : SIZES) {
                double v = mbps("vserver-single", ip, size);
                double n = mbps("native", ip, size);
                // up to 200 B a known conflict (docs/MODEL.md): the receiver shares CPU 0 with the
                // softirq, where VServer's per-packet checks cost it about 4 %
                if (size > 200) {
                    assertEquals(n, v, 0.03 * n, ip + " " + size + " B");
                } else {
                    assertTrue(v < 0.97 * n, ip + " " + size + " B: the known conflict is gone, " + v + " against " + n);
                }
            }
        }
    }

    @Test
    void tableOneTcpThroughputWithinOnePercent() {
        Map<String, double[]> table1 = Map.of("native", new double[] {936, 936, 924, 923}, "xen-single",
                new double[] {936, 932, 923, 923}, "vserver-single", new double[] {936, 936, 922, 923});
        table1.forEach((scenario, published) -> {
            Result r = tcp(scenario);
            String[][] cells = {{"ipv4", "rx"}, {"ipv4", "tx"}, {"ipv6", "rx"}, {"ipv6", "tx"}};
            for (int i = 0; i < 4; i++) {
                double model = tcpPoint(r, cells[i][0], cells[i][1]).throughputMbps();
                assertEquals(published[i], model, 0.01 * published[i],
                        scenario + " " + cells[i][0] + " " + cells[i][1]);
            }
        });
    }

    private static Point tcpPoint(Result r, String protocol, String direction) {
        return r.points().stream().filter(p -> p.transport().equals("tcp") && p.protocol().equals(protocol)
                && p.direction().equals(direction) && !p.guest().equals("sum")).findFirst().orElseThrow();
    }
}
