package org.vnetlab.console.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.results.Series;

/** Terminal charts: sized to the width, braille or plain ASCII, markers and legend per series. */
class TerminalChartTest {

    private static final Series.Key KEY = new Series.Key("udp", "rx", "ipv4", "host");
    private static final List<Series> TWO = List.of(
            new Series("IPv4 host", KEY, List.of(new Series.XY(36, 100), new Series.XY(800, 900),
                    new Series.XY(1470, 957))),
            new Series("IPv6 host", KEY, List.of(new Series.XY(36, 60), new Series.XY(800, 850),
                    new Series.XY(1450, 940))));

    @Test
    void asciiFallbackIsPlainAsciiWithinTheWidth() {
        String chart = new TerminalChart(60, false).render("title", "payload (bytes)", "Mbit/s", TWO);
        assertTrue(chart.chars().allMatch(c -> c < 128), chart);
        chart.lines().forEach(l -> assertTrue(l.length() <= 60, l));
        assertTrue(chart.contains("* IPv4 host   o IPv6 host"), chart);
        assertTrue(chart.lines().anyMatch(l -> l.startsWith("1000 +")), "the y axis tops at a round 1000:\n" + chart);
        assertTrue(chart.contains("1470"), chart);
    }

    @Test
    void unicodeDrawsBrailleLinesAndShapesWithinTheWidth() {
        for (int width : List.of(40, 80, 160)) {
            String chart = new TerminalChart(width, true).render("title", "payload (bytes)", "Mbit/s", TWO);
            chart.lines().forEach(l -> assertTrue(l.codePointCount(0, l.length()) <= width, width + ": " + l));
            assertTrue(chart.chars().anyMatch(c -> c >= 0x2801 && c <= 0x28ff), "braille dots");
            assertTrue(chart.contains("● IPv4 host") && chart.contains("▲ IPv6 host"), chart);
            assertEquals(TerminalChart.ROWS + 6, chart.lines().count(), chart);
        }
    }

    @Test
    void theHighestPointIsOnTheTopRowAndZeroOnTheBottom() {
        Series s = new Series("s", KEY, List.of(new Series.XY(0, 0), new Series.XY(10, 50)));
        List<String> lines = new TerminalChart(50, false).render("t", "x", "y", List.of(s)).lines().toList();
        assertTrue(lines.get(2).startsWith("50 +") && lines.get(2).endsWith("*"), lines.get(2));
        assertTrue(lines.get(2 + TerminalChart.ROWS - 1).startsWith(" 0 +*"), String.join("\n", lines));
    }

    @Test
    void aSinglePayloadSitsInTheMiddleWithEachLabelOnce() {
        // its range was 36..37 and the ticks between read "36 36 36 37 37 37"
        Series one = new Series("s", KEY, List.of(new Series.XY(36, 80)));
        List<String> lines = new TerminalChart(80, false).render("t", "payload (bytes)", "Mbit/s", List.of(one))
                .lines().toList();
        String ticks = lines.get(2 + TerminalChart.ROWS + 1).strip();
        assertEquals(List.of("35", "36", "37"), List.of(ticks.split("\\s+")), ticks);
        String row = lines.subList(2, 2 + TerminalChart.ROWS).stream().filter(l -> l.contains("*")).findFirst()
                .orElseThrow();
        int marker = row.indexOf('*') - row.indexOf('|');
        int axis = lines.get(2 + TerminalChart.ROWS).strip().length();
        assertTrue(Math.abs(marker - axis / 2) <= 2, "the point in the middle:\n" + String.join("\n", lines));
    }

    @Test
    void niceCeilings() {
        assertEquals(1000, TerminalChart.niceCeiling(957));
        assertEquals(250, TerminalChart.niceCeiling(201));
        assertEquals(2, TerminalChart.niceCeiling(1.5));
        assertEquals(1, TerminalChart.niceCeiling(0));
    }
}
