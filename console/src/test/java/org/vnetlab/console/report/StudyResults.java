package org.vnetlab.console.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.Summary;
import org.vnetlab.core.units.DataRate;

/** Made-up but plausible results of the study's scenarios, for report tests. */
final class StudyResults {

    static final List<Integer> SIZES = List.of(36, 100, 300, 500, 800, 1100, 1400);

    private StudyResults() {
    }

    /** A UDP sweep of {@code guests} (IPv4 and IPv6, rx) that saturates below {@code knee} bytes, and TCP points. */
    static Result sweep(String mode, String scenario, List<String> guests, List<String> domains, int knee) {
        List<Point> points = new ArrayList<>();
        for (String protocol : List.of("ipv4", "ipv6")) {
            IpVersion ip = IpVersion.fromKey(protocol);
            for (int size : SIZES) {
                double wire = Ethernet.maxGoodputMbps(DataRate.gbps(1), size, ip, Transport.UDP);
                double total = wire * Math.min(1, (double) size / knee);
                double dom0 = Math.max(30, 100 - 70.0 * size / 1400);
                for (String guest : guests) {
                    points.add(Point.builder().protocol(protocol).payload(size).guest(guest)
                            .throughputMbps(total / guests.size())
                            .cpuPercent(cpu(domains, dom0)).build());
                }
                if (guests.size() > 1) {
                    points.add(Point.builder().protocol(protocol).payload(size).guest("sum").throughputMbps(total)
                            .build());
                }
            }
            for (String direction : List.of("rx", "tx")) {
                points.add(Point.builder().transport("tcp").protocol(protocol).direction(direction).payload(1448)
                        .guest(guests.get(0)).throughputMbps(protocol.equals("ipv4") ? 935.0 : 921.5).build());
            }
        }
        return new Result(mode, scenario, 1, "test", "defaults", points);
    }

    private static Map<String, Double> cpu(List<String> domains, double first) {
        Map<String, Double> m = new java.util.TreeMap<>();
        for (int i = 0; i < domains.size(); i++) {
            m.put(domains.get(i), i == 0 ? first : 100.0 - 10 * i);
        }
        return m;
    }

    static Result rtt(String mode, String guest, double rttMs, double jitterUs) {
        Point p = Point.builder().transport("udp").protocol("ipv4").direction("roundtrip").payload(1000).guest(guest)
                .rttMs(new Summary(rttMs, rttMs, 0.003, rttMs, rttMs, rttMs, 140))
                .jitterUs(new Summary(jitterUs, jitterUs, 1.5, jitterUs, jitterUs, jitterUs, 140)).repliesLost(0L).build();
        return new Result(mode, "rtt", 1, "test", "defaults", List.of(p));
    }

    /** The eight experiments as the simulator would give them, and a measured native run. */
    static List<Report.Source> all() {
        return List.of(
                new Report.Source(sweep("sim", "native", List.of("host"), List.of("host"), 300), "native.json"),
                new Report.Source(sweep("measure", "native", List.of("host"), List.of("host"), 280),
                        "native-measured.json"),
                new Report.Source(sweep("sim", "xen-single", List.of("domU1"), List.of("dom0", "domU1"), 800),
                        "xen-single.json"),
                new Report.Source(sweep("sim", "vserver-single", List.of("ctx1"), List.of("host"), 310),
                        "vserver-single.json"),
                new Report.Source(sweep("sim", "xen-double", List.of("domU1", "domU2"),
                        List.of("dom0", "domU1", "domU2"), 900), "xen-double.json"),
                new Report.Source(sweep("sim", "xen-burned", List.of("domU2"), List.of("dom0", "domU1", "domU2"),
                        1000), "xen-burned.json"),
                new Report.Source(rtt("sim", "host", 0.2301, 13.1), "rtt-native.json"),
                new Report.Source(rtt("sim", "domU1", 0.2712, 22.4), "rtt-domU.json"));
    }
}
