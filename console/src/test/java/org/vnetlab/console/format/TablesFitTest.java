package org.vnetlab.console.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/** Tables that fit the terminal, and the what-if's summary with a domain's CPU once per payload. */
class TablesFitTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    /** Made-up points: {@code guests} guests at three payloads, every domain's CPU on each. */
    static Result result(int guests, double scale) {
        List<Point> points = new ArrayList<>();
        for (int payload : new int[] {36, 700, 1470}) {
            Map<String, Double> cpu = new TreeMap<>();
            cpu.put("dom0", Math.min(100, 3000.0 / payload * scale + 20));
            for (int g = 1; g <= guests; g++) {
                cpu.put("domU" + g, 40.0 * scale);
            }
            for (int g = 1; g <= guests; g++) {
                points.add(Point.builder().transport("udp").protocol("ipv4").direction("rx").payload(payload)
                        .guest("domU" + g).throughputMbps(payload * 0.6 * scale / guests).loss(0.1 / scale)
                        .cpuPercent(cpu).build());
            }
        }
        return new Result("sim", "xen-double", 1, "test", "defaults", points);
    }

    @Test
    void aResultWithoutPointsSaysSoInsteadOfEmptyTables() {
        Result none = new Result("sim", "native", 1, "test", "defaults", List.of());
        assertEquals("no point finished\n", ResultTable.render(none, 80));
    }

    /**
     * domU1's points at 36 and 1470 B: Dom0 ready 33 % at 36 B and 0 at 1470, with {@code over}
     * OVER 100 % and 0 likewise (without, a result from before that figure); domU1 0.4 % of each.
     */
    private static Result readyAndOver(boolean over) {
        List<Point> points = new ArrayList<>();
        for (int payload : new int[] {36, 1470}) {
            points.add(Point.builder().payload(payload).guest("domU1").throughputMbps(payload * 0.6).loss(0.0)
                    .cpuPercent(Map.of("dom0", 67.0, "domU1", 35.0))
                    .cpuReadyPercent(Map.of("dom0", payload == 36 ? 32.7 : 0.0, "domU1", 0.4))
                    .cpuOverPercent(over ? Map.of("dom0", payload == 36 ? 100.0 : 0.0, "domU1", 0.4) : null).build());
        }
        return new Result("sim", "xen-double", 1, "test", "defaults", points);
    }

    @Test
    void aDomainThatWaitedReadyForACpuOrWasOverGetsAColumnTheOthersDoNot() {
        String before = ResultTable.render(readyAndOver(false), 400);
        List<String> lines = before.lines().toList();
        assertTrue(lines.get(1).endsWith("ready dom0 %"), before);
        assertFalse(before.contains("ready domU1"), "below 1 % at every payload: no column\n" + before);
        assertTrue(lines.get(3).endsWith(" 33") && lines.get(4).endsWith(" 0"), before);
        String measured = ResultTable.render(readyAndOver(true), 400);
        lines = measured.lines().toList();
        assertTrue(lines.get(1).endsWith("ready dom0 %  over dom0 %"), measured);
        assertFalse(measured.contains("over domU1"), "below 1 % at every payload: no column\n" + measured);
        assertTrue(lines.get(3).endsWith(" 33          100") && lines.get(4).endsWith(" 0            0"), measured);
    }

    @Test
    void aWideResultIsCutIntoBlocksThatFitAndKeepEveryColumn() {
        Result r = result(8, 1);
        String wide = ResultTable.render(r, 400);
        assertEquals(7, wide.lines().count(), "one table when it fits: title, header, rule, 3 rows, a blank line\n" + wide);
        String narrow = ResultTable.render(r, 80);
        assertTrue(narrow.lines().allMatch(l -> l.length() <= 80), narrow);
        for (int g = 1; g <= 8; g++) {
            assertTrue(narrow.contains("domU" + g + " Mbit/s") && narrow.contains("domU" + g + " loss %"), narrow);
            assertTrue(narrow.contains("cpu domU" + g + " %"), narrow);
        }
        assertTrue(narrow.lines().filter(l -> l.startsWith("payload B")).count() > 1, "several blocks:\n" + narrow);
        assertTrue(narrow.lines().noneMatch(l -> l.contains("domU1 Mbit/s") && !l.contains("domU1 loss %")),
                "a guest's Mbit/s and loss stay in one block");
    }

    @Test
    void aWhatifOpensWithASummaryPerMetricAndTheBottleneckAndShowsCpuOncePerPayload() {
        Scenario xen = LOADER.load("xen-double", List.of()).scenario();
        Scenario faster = LOADER.load("xen-double", List.of("host.cpu-speed=2")).scenario();
        String text = new WhatifTable(xen, result(2, 1), faster, result(2, 2)).render(120);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("throughput: median +100.0 % over 6 points"), text);
        assertTrue(lines.get(1).startsWith("loss: median 10.0 % -> 5.0 %"), text);
        assertTrue(lines.get(2).startsWith("cpu dom0: median "), text);
        assertTrue(lines.get(2).matches("cpu dom0: .*largest change at udp ipv4 rx \\d+ B: .*"), "a run's CPU names no guest: " + text);
        assertTrue(text.contains("\nbottleneck: baseline "), text);
        assertTrue(text.contains("; modified "), text);
        String firstGuest = lines.stream().filter(l -> l.trim().startsWith("36  domU1")).findFirst().orElseThrow();
        String secondGuest = lines.stream().filter(l -> l.trim().startsWith("36  domU2")).findFirst().orElseThrow();
        assertTrue(firstGuest.contains("->"), firstGuest);
        assertFalse(secondGuest.contains("->"), "the CPU is the payload's, not repeated per guest: " + secondGuest);
    }

    @Test
    void aWhatifSaysHowLongEachDomainThatWaitedWaitedReadyOnEitherSide() {
        Scenario xen = LOADER.load("xen-double", List.of()).scenario();
        Scenario weighted = LOADER.load("xen-double", List.of("xen.dom0.weight=512")).scenario();
        String text = new WhatifTable(xen, withReady(result(2, 1), 33, 0.5), weighted, withReady(result(2, 1), 0, 0.5))
                .render(120);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("ready dom0: median 33 % -> 0 %")), text);
        assertFalse(text.contains("ready domU1"), "below 1 % on both sides: no line\n" + text);
        assertFalse(text.lines().anyMatch(l -> l.startsWith("over ")),
                "points without the OVER figure: no line\n" + text);
        Result over = withOver(withReady(result(2, 1), 33, 0.5), 100);
        String measured = new WhatifTable(xen, over, weighted, withOver(withReady(result(2, 1), 0, 0.5), 0))
                .render(120);
        assertTrue(measured.lines().anyMatch(l -> l.startsWith("over dom0: median 100 % -> 0 %")), measured);
        assertFalse(measured.contains("over domU1"), "never OVER: no line\n" + measured);
    }

    /** The same points with Dom0 ready {@code dom0} % and each guest ready {@code guests} %. */
    private static Result withReady(Result r, double dom0, double guests) {
        return withFigure(r, dom0, guests, Point.Builder::cpuReadyPercent);
    }

    /** The same points with Dom0 OVER {@code dom0} % of the time and the guests never. */
    private static Result withOver(Result r, double dom0) {
        return withFigure(r, dom0, 0, Point.Builder::cpuOverPercent);
    }

    private static Result withFigure(Result r, double dom0, double guests,
                                     BiFunction<Point.Builder, Map<String, Double>, Point.Builder> figure) {
        List<Point> points = r.points().stream().map(p -> {
            Map<String, Double> perDomain = new TreeMap<>();
            p.cpuPercent().keySet().forEach(d -> perDomain.put(d, d.equals("dom0") ? dom0 : guests));
            return figure.apply(p.toBuilder(), perDomain).build();
        }).toList();
        return new Result(r.mode(), r.scenario(), r.seed(), r.version(), r.parameters(), points);
    }

    @Test
    void aMetricThatDidNotMoveSaysSoInsteadOfALargestChange() {
        Scenario xen = LOADER.load("xen-double", List.of()).scenario();
        String text = new WhatifTable(xen, result(2, 1), xen, result(2, 1)).render(120);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("loss: median 10.0 % -> 10.0 %; the same at every point")),
                text);
    }
}
