package org.vnetlab.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.text.JsonInputException;

class ResultJsonTest {

    /** Every kind of field, with values of at most four decimals (what the file keeps). */
    static Result sample() {
        Point udp = Point.builder().transport("udp").protocol("ipv4").direction("rx").payload(36).guest("domU1")
                .throughputMbps(44.61).throughputTrials(List.of(44.6119, 44.6128, 44.611)).loss(0.8316)
                .cpuPercent(Map.of("dom0", 100.0, "domU1", 93.4642))
                .drops(Map.of("domU1.netback.vif.drop", 1549120.0, "host.nic.rx.drop", 6099128.0)).build();
        Point swept = Point.builder().transport("tcp").protocol("ipv6").direction("tx").payload(1428).guest("sum")
                .grid(Map.of("guests", "2", "platform", "xen")).throughputMbps(936.5).throughputTrials(List.of())
                .cpuPercent(Map.of()).build();
        Point rtt = Point.builder().transport("udp").protocol("ipv6").direction("roundtrip").payload(1000)
                .guest("host").rttMs(new Summary(0.2288, 0.2301, 0.0067, 0.2372, 0.2455, 0.2519, 138))
                .jitterUs(new Summary(13.742, 14.1, 6.05, 21.4, 30.2, 33.05, 138)).repliesLost(2L).build();
        return new Result("measure", "two \"quoted\" words, é", 1234567890123456789L, "0.1.0", "defaults",
                List.of(udp, swept, rtt));
    }

    /**
     * The golden file was written by the hand-made writer that came before Jackson: the bytes of
     * schema 1 stay what they were, and a change to both writer and reader cannot pass unnoticed.
     */
    static String golden() throws IOException {
        try (InputStream in = ResultJsonTest.class.getResourceAsStream("/golden/result-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheGoldenBytes() throws IOException {
        assertEquals(golden(), ResultJson.write(sample()));
    }

    @Test
    void readsTheGoldenFile() throws IOException {
        assertEquals(sample(), ResultJson.read(golden()));
    }

    @Test
    void roundsToFourDecimalsAndWritesWhatIsNotFiniteAsNull() {
        Point p = Point.builder().payload(100).guest("host").throughputMbps(957.12345678).loss(Double.NaN)
                .throughputTrials(List.of(-0.0, Double.POSITIVE_INFINITY)).build();
        String json = ResultJson.write(new Result("sim", "native", 1, "x", "defaults", List.of(p)));
        assertTrue(json.contains("\"throughput_mbps\": 957.1235,"), json);
        assertTrue(json.contains("\"throughput_trials\": [0, null]"), json);
        assertTrue(json.contains("\"loss\": null"), json);
        Point back = ResultJson.read(json).points().get(0);
        assertNull(back.loss());
        assertEquals(List.of(0.0, Double.NaN), back.throughputTrials());
    }

    @Test
    void keepsTheTimeEachDomainWaitedReadyInJsonAndCsv() {
        Point p = Point.builder().payload(36).guest("domU1").throughputMbps(16.3).cpuPercent(Map.of("dom0", 67.1))
                .cpuReadyPercent(Map.of("dom0", 32.7321, "domU1", 0.0)).build();
        Result r = new Result("sim", "xen-double", 1, "0.1.0", "defaults", List.of(p));
        String json = ResultJson.write(r);
        assertTrue(json.contains("\"cpu_ready_percent\""), json);
        assertEquals(r, ResultJson.read(json));
        assertEquals("32.7321", csvCell(r, "cpu_ready_percent.dom0"));
        assertEquals("0", csvCell(r, "cpu_ready_percent.domU1"));
    }

    /** The first point's cell of a column of the result's CSV. */
    private static String csvCell(Result r, String column) {
        String[] csv = ResultCsv.write(r).split("\n");
        return List.of(csv[1].split(",", -1)).get(List.of(csv[0].split(",")).indexOf(column));
    }

    @Test
    void keepsTheTimeEachDomainWasOverInJsonAndCsvAndReadsAFileFromBeforeItWithout() {
        Point p = Point.builder().payload(1470).guest("domU1").throughputMbps(13.2).cpuPercent(Map.of("dom0", 46.1))
                .cpuReadyPercent(Map.of("dom0", 23.2, "domU1", 0.0))
                .cpuOverPercent(Map.of("dom0", 100.0, "domU1", 12.5)).build();
        Result r = new Result("sim", "xen-double", 1, "0.1.0", "defaults", List.of(p));
        String json = ResultJson.write(r);
        assertTrue(json.contains("\"cpu_over_percent\": {\n        \"dom0\": 100,\n        \"domU1\": 12.5\n      }"),
                json);
        assertEquals(r, ResultJson.read(json));
        assertEquals("100", csvCell(r, "cpu_over_percent.dom0"));
        assertEquals("12.5", csvCell(r, "cpu_over_percent.domU1"));
        // written before the figure: no key, so none to plot, report or resume from
        String before = json.replaceAll(",\\s*\"cpu_over_percent\": \\{[^}]*}", "");
        assertFalse(before.contains("cpu_over"), before);
        Point old = ResultJson.read(before).points().get(0);
        assertNull(old.cpuOverPercent());
        assertEquals(p.cpuReadyPercent(), old.cpuReadyPercent());
        assertFalse(ResultCsv.write(ResultJson.read(before)).contains("cpu_over_percent"));
    }

    @Test
    void readsASummaryWithoutMeanPercentilesOrMaximumAsNotKnown() {
        String json = ResultJson.write(sample()).replace("\"mean\": 0.2301,", "").replace("\"p90\": 0.2372,", "")
                .replace("\"p99\": 0.2455,", "").replace("\"max\": 0.2519,", "");
        Summary rtt = ResultJson.read(json).points().get(2).rttMs();
        assertEquals(new Summary(0.2288, Double.NaN, 0.0067, Double.NaN, Double.NaN, Double.NaN, 138), rtt);
        assertTrue(ResultJson.write(ResultJson.read(json)).contains("\"median\": 0.2288,\n        \"stdev\": 0.0067,"));
    }

    /** A negative median reached the report's Table 2; a null one stopped the report with "Infinite or NaN". */
    @Test
    void aSummaryOrADropCountNoRunCouldGiveIsRefused() {
        String json = ResultJson.write(sample());
        for (String[] bad : List.of(new String[] {"\"median\": 0.2288", "\"median\": -5", "must be between 0.0 and"},
                new String[] {"\"median\": 0.2288", "\"median\": null", "has no 'median'"},
                new String[] {"\"samples\": 138", "\"samples\": 7.9", "must be a whole number"},
                new String[] {"\"host.nic.rx.drop\": 6099128", "\"host.nic.rx.drop\": -1.5", "must be between"},
                new String[] {"\"host.nic.rx.drop\": 6099128", "\"host.nic.rx.drop\": null", "number of packets, got null"})) {
            assertTrue(json.contains(bad[0]), bad[0]);
            JsonInputException e = assertThrows(JsonInputException.class, () -> ResultJson.read(json.replace(bad[0], bad[1])));
            assertTrue(e.getMessage().contains(bad[2]), bad[1] + ": " + e.getMessage());
        }
    }

    @Test
    void passesOverKeysItDoesNotKnow() {
        String json = ResultJson.write(sample()).replace("\"mode\": \"measure\",",
                "\"mode\": \"measure\", \"host\": {\"kernel\": [\"6.1\", {\"x\": null}]},");
        assertEquals(sample(), ResultJson.read(json));
    }

    @Test
    void refusesAnotherSchema() {
        JsonInputException e = assertThrows(JsonInputException.class,
                () -> ResultJson.read("{\"schema\": \"other/2\", \"points\": []}"));
        assertTrue(e.getMessage().contains("schema is 'other/2'"), e.getMessage());
    }

    @Test
    void aMissingOrMistypedKeyIsNamedWithItsLine() throws IOException {
        String noGuest = golden().replace("      \"guest\": \"sum\",\n", "");
        JsonInputException missing = assertThrows(JsonInputException.class, () -> ResultJson.read(noGuest));
        assertTrue(missing.getMessage().matches("line 39, column \\d+: a point has no 'guest'"), missing.getMessage());
        String textPayload = golden().replace("\"payload\": 1428", "\"payload\": \"1428\"");
        JsonInputException mistyped = assertThrows(JsonInputException.class, () -> ResultJson.read(textPayload));
        assertTrue(mistyped.getMessage().startsWith("line 31, column 18: 'payload' must be an integer"),
                mistyped.getMessage());
        assertThrows(JsonInputException.class, () -> ResultJson.read("[]"));
        // said in the file's terms, not in Jackson's ("enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS")
        JsonInputException nan = assertThrows(JsonInputException.class,
                () -> ResultJson.read(golden().replace("\"throughput_mbps\": 44.61", "\"throughput_mbps\": NaN")));
        assertTrue(nan.getMessage().endsWith("NaN and Infinity are not JSON numbers; a value not known is null"),
                nan.getMessage());
        JsonInputException bom = assertThrows(JsonInputException.class, () -> ResultJson.read("\uFEFF" + golden()));
        assertTrue(bom.getMessage().endsWith("the file starts with a byte-order mark; save it as UTF-8 without one"),
                bom.getMessage());
    }

    @Test
    void valuesNoRunCouldGiveAreRefusedWithTheirLine() throws IOException {
        for (String[] bad : List.of(new String[] {"\"throughput_mbps\": 44.61", "\"throughput_mbps\": 1e20",
                "line 15, column 26: 'throughput_mbps' must be between 0.0 and 1000000.0, got 1.0E20"},
                new String[] {"\"throughput_mbps\": 44.61", "\"throughput_mbps\": -3", "'throughput_mbps' must be between"},
                new String[] {"\"payload\": 36", "\"payload\": -5", "line 13, column 18: 'payload' must be an integer in 1..65507"},
                new String[] {"\"direction\": \"rx\"", "\"direction\": \"sideways\"", "'direction': 'sideways' is not one of rx, tx, roundtrip, forward"},
                new String[] {"\"mode\": \"measure\"", "\"mode\": \"guess\"", "'mode': 'guess' is not one of sim, emulate, measure"},
                new String[] {"\"dom0\": 100", "\"dom0\": -100", "line 19, column 17: 'cpu_percent.dom0' must be between 0.0 and 819200.0"},
                new String[] {"\"loss\": 0.8316", "\"loss\": 83.16", "'loss' must be between 0.0 and 1.0"},
                new String[] {"\"protocol\": \"ipv4\"", "\"protocol\": \"ipx\"", "'protocol': 'ipx' is not one of ipv4, ipv6"},
                new String[] {"\"transport\": \"udp\"", "\"transport\": \"sctp\"", "'transport': 'sctp' is not one of udp, tcp"},
                // names reach terminals, charts and file names: an escape sequence, or one long
                // enough to stall the charts' legends, is refused
                new String[] {"\"guest\": \"domU1\"", "\"guest\": \"\\u001b[31mevil\"", "'guest' must be 1 to 255 printable characters"},
                new String[] {"\"guest\": \"domU1\"", "\"guest\": \"\"", "'guest' must be 1 to 255 printable characters, got 0 characters"},
                // a right-to-left override turns a name round on a terminal; a lone surrogate cannot be written
                new String[] {"\"guest\": \"domU1\"", "\"guest\": \"dom\\u202eU1\"", "'guest' must be 1 to 255 printable characters"},
                new String[] {"\"guest\": \"domU1\"", "\"guest\": \"\\ud800\"", "'guest' must be 1 to 255 printable characters"},
                new String[] {"\"scenario\": \"two", "\"scenario\": \"" + "S".repeat(300) + "two", "'scenario' must be 1 to 255"},
                new String[] {"\"dom0\": 100", "\"dom\\u00070\": 100", "'cpu_percent' has a key of 5 characters with control characters"},
                // the second point named as the first: which value a reader took was chance
                new String[] {"\"transport\": \"tcp\",\n      \"protocol\": \"ipv6\",\n      \"direction\": \"tx\",\n"
                        + "      \"payload\": 1428,\n      \"guest\": \"sum\",\n      \"grid\": {\n        \"guests\": \"2\",\n"
                        + "        \"platform\": \"xen\"\n      },", "\"transport\": \"udp\",\n      \"protocol\": \"ipv4\",\n"
                        + "      \"direction\": \"rx\",\n      \"payload\": 36,\n      \"guest\": \"domU1\",",
                    "a second point udp ipv4 rx 36 B domU1; each point appears once"})) {
            String text = golden().replace(bad[0], bad[1]);
            JsonInputException e = assertThrows(JsonInputException.class, () -> ResultJson.read(text), bad[1]);
            assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
        }
    }

    @Test
    void aMadeRunOfNoTimeOrOfMoreThanADayIsRefused() {
        Result r = new Result("sim", "native", 1, "v", "defaults", List.of(), new Made(List.of(), 1, 0.2, List.of(36)));
        String text = ResultJson.write(r);
        assertTrue(text.contains("\"duration_s\": 0.2"), text);
        for (String bad : List.of("-1", "0", "1e9")) {
            JsonInputException e = assertThrows(JsonInputException.class,
                    () -> ResultJson.read(text.replace("\"duration_s\": 0.2", "\"duration_s\": " + bad)));
            assertTrue(e.getMessage().contains("'made.duration_s' must be above 0 and at most 86400"), e.getMessage());
        }
    }

    @Test
    void csvHasAColumnPerDomainAndQueue() {
        String csv = ResultCsv.write(sample());
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.contains("cpu_percent.dom0"));
        assertTrue(header.contains("drops.host.nic.rx.drop"));
        assertTrue(header.contains("grid.platform"));
        assertEquals(4, csv.lines().count());
    }
}
