package org.vnetlab.console.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/** Which curves a result gives: one per protocol and guest (or domain), UDP first, grid points apart. */
class ResultSeriesTest {

    private static Point udp(String protocol, int payload, String guest, double mbps) {
        return Point.builder().protocol(protocol).payload(payload).guest(guest).throughputMbps(mbps)
                .cpuPercent(Map.of("dom0", 100.0 - payload / 100.0, guest, 60.0)).build();
    }

    @Test
    void oneCurvePerProtocolAndGuestInPayloadOrder() {
        Result r = new Result("sim", "xen-double", 1, "t", "defaults", List.of(
                udp("ipv4", 800, "domU1", 400), udp("ipv4", 36, "domU1", 10), udp("ipv4", 36, "domU2", 11),
                udp("ipv6", 36, "domU1", 9),
                Point.builder().transport("tcp").payload(1448).guest("domU1").throughputMbps(930.0).build()));
        List<Series> s = ResultSeries.of(r, Metric.THROUGHPUT);
        assertEquals(List.of("IPv4 domU1", "IPv4 domU2", "IPv6 domU1"), s.stream().map(Series::label).toList());
        assertEquals(List.of(new Series.XY(36, 10), new Series.XY(800, 400)), s.get(0).points());
    }

    @Test
    void cpuCurvesPerDomainTakeAPayloadsFirstValue() {
        Result r = new Result("sim", "xen-double", 1, "t", "defaults", List.of(
                udp("ipv4", 100, "domU1", 50), udp("ipv4", 100, "domU2", 50)));
        List<Series> s = ResultSeries.of(r, Metric.CPU);
        assertEquals(List.of("IPv4 dom0", "IPv4 domU1", "IPv4 domU2"), s.stream().map(Series::label).toList());
        assertEquals(List.of(new Series.XY(100, 99)), s.get(0).points());
    }

    @Test
    void gridPointsAndDirectionsAreCurvesOfTheirOwn() {
        Point a = udp("ipv4", 100, "host", 50).toBuilder().grid(Map.of("host.cpus", "1")).build();
        Point b = udp("ipv4", 100, "host", 70).toBuilder().grid(Map.of("host.cpus", "4")).build();
        Point tx = udp("ipv4", 100, "host", 60).toBuilder().direction("tx").build();
        List<Series> s = ResultSeries.of(new Result("sim", "native", 1, "t", "defaults", List.of(a, b, tx)),
                Metric.THROUGHPUT);
        assertEquals(List.of("rx IPv4 host host.cpus=1", "rx IPv4 host host.cpus=4", "tx IPv4 host"),
                s.stream().map(Series::label).toList());
    }
}
