package org.vnetlab.console.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.Commands;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.w3c.dom.Document;

/** The report of the study's scenarios: files, figures (PNG and SVG parsed back), tables and errors. */
class ReportTest {

    static final ScenarioLoader LOADER = new ScenarioLoader();
    @TempDir
    static Path dir;
    static Path index;

    @BeforeAll
    static void writeTheReport() throws Exception {
        index = new Report(LOADER, ReferenceDataset.study()).write(StudyResults.all(), dir);
    }

    @Test
    void writesEveryFigureAsPngAndSvg() {
        for (String id : List.of("udp-throughput", "cpu-native-sim", "cpu-native-measure", "cpu-xen-single-sim",
                "cpu-xen-double-sim", "cpu-xen-burned-sim", "fairness-xen-double-sim", "burned-xen-burned-sim")) {
            assertTrue(Files.isRegularFile(dir.resolve(id + ".png")), id);
            assertTrue(Files.isRegularFile(dir.resolve(id + ".svg")), id);
        }
        assertEquals(dir.resolve("index.html"), index);
    }

    @Test
    void theThroughputPngHasItsSeriesAxesAndColours() throws Exception {
        Path png = dir.resolve("udp-throughput.png");
        Map<String, String> text = Images.pngText(png);
        assertEquals("UDP payload (bytes)", text.get("X-Axis"));
        assertEquals("throughput (Mbit/s)", text.get("Y-Axis"));
        List<String> series = text.get("Series").lines().toList();
        assertEquals(10, series.size(), series.toString());
        assertTrue(series.containsAll(List.of("measured: Native IPv4", "simulated: Native IPv4", "simulated: Xen IPv6",
                "simulated: VServer IPv4", "computed: 1 Gbit/s wire limit IPv6")), series.toString());
        BufferedImage image = Images.read(png);
        assertEquals(ChartFiles.WIDTH, image.getWidth());
        assertEquals(ChartFiles.HEIGHT, image.getHeight());
        for (Color c : List.of(Palette.platform("native"), Palette.platform("xen"), Palette.platform("vserver"),
                Palette.COMPUTED)) {
            assertTrue(Images.pixelsOf(image, c) > 50, "drawn in " + c);
        }
        assertEquals(0, Images.pixelsOf(image, Palette.indexed(3)), "no fourth platform colour");
    }

    @Test
    void theFairnessSvgHasItsSeriesAxesAndColours() throws Exception {
        Path svg = dir.resolve("fairness-xen-double-sim.svg");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("Fairness of 2 guests: Xen (simulated xen-double)",
                doc.getElementsByTagName("title").item(0).getTextContent());
        String ns = "https://vnetlab.org/report";
        assertEquals("UDP payload (bytes)", doc.getElementsByTagNameNS(ns, "x-axis").item(0).getTextContent());
        assertEquals("throughput (Mbit/s)", doc.getElementsByTagNameNS(ns, "y-axis").item(0).getTextContent());
        List<String> series = new ArrayList<>();
        for (int i = 0; i < doc.getElementsByTagNameNS(ns, "series").getLength(); i++) {
            series.add(doc.getElementsByTagNameNS(ns, "series").item(i).getTextContent());
        }
        assertEquals(List.of("simulated: IPv4 domU1", "simulated: IPv4 domU2", "simulated: IPv4 sum",
                "simulated: IPv6 domU1", "simulated: IPv6 domU2", "simulated: IPv6 sum"), series);
        String text = Files.readString(svg);
        Set<String> strokes = new TreeSet<>();
        Matcher m = Pattern.compile("stroke:rgb\\((\\d+,\\d+,\\d+)\\)").matcher(text);
        while (m.find()) {
            strokes.add(m.group(1));
        }
        for (int i = 0; i < 3; i++) {
            Color c = Palette.indexed(i);
            assertTrue(strokes.contains(c.getRed() + "," + c.getGreen() + "," + c.getBlue()), "a line in " + c + ": "
                    + strokes);
        }
        Color fourth = Palette.indexed(3);
        assertFalse(strokes.contains(fourth.getRed() + "," + fourth.getGreen() + "," + fourth.getBlue()));
    }

    @Test
    void theTablesSetPublishedBesideOurValues() throws Exception {
        String html = Files.readString(index);
        assertTrue(html.contains("<td class=\"plain\">Xen DomU</td><td class=\"plain\">IPv4 tx</td>"
                + "<td class=\"published\">932</td><td class=\"measured\">—</td><td class=\"plain\">—</td>"
                + "<td class=\"simulated\">935</td><td class=\"plain\">+0.3</td>"), html);
        assertTrue(html.contains("<td class=\"plain\">Native</td><td class=\"plain\">RTT median (ms), IPv4</td>"
                + "<td class=\"published\">0.2288</td><td class=\"simulated\">0.2301</td><td class=\"plain\">+0.6</td>"),
                html);
        assertTrue(html.contains("<img src=\"udp-throughput.png\""), html);
        assertTrue(html.contains("<a href=\"fairness-xen-double-sim.svg\">"), html);
        assertTrue(html.contains("Jain's fairness index, IPv4: lowest 1.000"), html);
        assertFalse(html.contains("omitted"), "every figure has data");
    }

    @Test
    void theSameResultsGiveTheSameBytes(@TempDir Path again) throws Exception {
        new Report(LOADER, ReferenceDataset.study()).write(StudyResults.all(), again);
        for (String file : List.of("index.html", "udp-throughput.svg", "udp-throughput.png")) {
            assertEquals(-1L, Files.mismatch(dir.resolve(file), again.resolve(file)), file);
        }
    }

    @Test
    void figuresWithoutDataAreOmittedWithANote(@TempDir Path out) throws Exception {
        Result native4 = StudyResults.sweep("sim", "native", List.of("host"), List.of("host"), 300);
        Path page = new Report(LOADER, ReferenceDataset.study()).write(List.of(new Report.Source(native4, "n.json")),
                out);
        String html = Files.readString(page);
        assertTrue(html.contains("Fairness of two guests: omitted"), html);
        assertTrue(html.contains("Burned neighbour: omitted"), html);
        assertFalse(html.contains("UDP throughput against payload (native, Xen, VServer; IPv4, IPv6): omitted"));
        assertTrue(html.contains("The results hold no values for this table"), "Table 2 has only the study's values");
        try (var files = Files.list(out)) {
            assertEquals(Set.of("index.html", "udp-throughput.png", "udp-throughput.svg", "cpu-native-sim.png",
                    "cpu-native-sim.svg"), new TreeSet<>(files.map(p -> p.getFileName().toString()).toList()));
        }
    }



    @Test
    void resultsOfOneScenarioAreToldApartByTheirFilesAndAFileGivenTwiceIsNumbered(@TempDir Path out)
            throws Exception {
        Result before = StudyResults.sweep("sim", "native", List.of("host"), List.of("host"), 300);
        Result after = StudyResults.sweep("sim", "native", List.of("host"), List.of("host"), 600);
        new Report(LOADER, ReferenceDataset.study()).write(List.of(new Report.Source(before, "before.json"),
                new Report.Source(after, "after.json"), new Report.Source(before, "before.json")), out);
        List<String> series = Images.pngText(out.resolve("udp-throughput.png")).get("Series").lines().toList();
        assertTrue(series.containsAll(List.of("simulated: Native IPv4 (before.json)", "simulated: Native IPv4 (after.json)",
                "simulated: Native IPv4 (before.json) #2", "simulated: Native IPv6 (after.json)")), series.toString());
    }

    @Test
    void aTcpEmulationIsDescribedAsTcp(@TempDir Path out) throws Exception {
        Point p = Point.builder().transport("tcp").protocol("ipv4").direction("forward").payload(1448).guest("domU1")
                .throughputMbps(27.2).loss(0.0).cpuPercent(Map.of("dom0", 99.6, "domU1", 48.8)).drops(Map.of())
                .build();
        Result tcp = new Result("emulate", "xen-single", 1, "0.1.0", "defaults", List.of(p));
        String html = Files.readString(new Report(LOADER, ReferenceDataset.study())
                .write(List.of(new Report.Source(tcp, "tcp.json")), out));
        assertTrue(html.contains("Load of each domain while it moves TCP traffic"), html);
        assertFalse(html.contains("moves UDP traffic"), html);
    }

    @Test
    void theCommandPrintsTheIndexPath(@TempDir Path out) throws Exception {
        Path json = out.resolve("xen-double.json");
        Files.writeString(json, ResultJson.write(StudyResults.all().get(4).result()));
        CliRun r = CliRun.of("report", json.toString(), "--out", out.resolve("r").toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals(out.resolve("r").resolve("index.html").toAbsolutePath() + "\n", r.out());
        assertTrue(Files.isRegularFile(out.resolve("r").resolve("fairness-xen-double-sim.png")));
    }

    @Test
    void reproduceWritesTheReportAndPrintsItsPath(@TempDir Path dir) throws Exception {
        // the study's method shortened to keep the test fast: one trial of 20 ms each way
        Path out = dir.resolve("first");
        String cache = dir.resolve("cache").toString();
        CliRun r = CliRun.of("reproduce", "--out", out.toString(), "--trials", "1", "--duration", "0.02", "--quiet",
                "--cache-dir", cache);
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.err().contains("reproduce: 0 of 510 runs from the run cache"), r.err());
        assertFalse(r.err().contains(" done, "), "--quiet prints no line per experiment: " + r.err());
        assertTrue(r.out().endsWith("report: " + out.resolve("index.html").toAbsolutePath() + "\n"), r.out());
        assertTrue(r.out().contains("Table 1: TCP throughput"), r.out());
        assertTrue(r.out().contains("Table 2: RTT and jitter"), r.out());
        // what validate makes of each published value: the RTT medians are known conflicts, the spreads reported
        String median = r.out().lines().filter(l -> l.contains("Native") && l.contains("RTT median (ms), IPv4"))
                .findFirst().orElseThrow();
        assertTrue(median.endsWith("known conflict"), median);
        String spread = r.out().lines().filter(l -> l.contains("Native") && l.contains("RTT st. dev. (ms), IPv4"))
                .findFirst().orElseThrow();
        assertTrue(spread.endsWith("reported only"), spread);
        assertTrue(r.out().contains("known conflict: misses for a reason docs/MODEL.md states"), r.out());
        for (String experiment : List.of("native", "xen-single", "vserver-single", "xen-double", "vserver-double",
                "xen-burned", "vserver-burned", "rtt-native", "rtt-domU", "rtt-domU-burned")) {
            assertTrue(Files.exists(out.resolve(experiment + ".json")), experiment);
        }
        for (String other : List.of("lit-streamers", "container-single")) {
            assertFalse(Files.exists(out.resolve(other + ".json")), other + " is not the study's: reproduce leaves it out");
        }
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<td class=\"published\">0.2643</td>"), html);
        assertTrue(html.contains("<td class=\"simulated\">"), r.out() + r.err());

        // again: every run from the cache, the same files
        Path again = dir.resolve("again");
        CliRun second = CliRun.of("reproduce", "--out", again.toString(), "--trials", "1", "--duration", "0.02",
                "--cache-dir", cache);
        assertEquals(Cli.OK, second.code(), second.err());
        assertTrue(second.err().contains("reproduce: 510 of 510 runs from the run cache"), second.err());
        // not on a terminal, so no bar: a line per experiment as it is done instead
        assertTrue(second.err().contains("reproduce: native done, 72 runs (72 of 510), "), second.err());
        assertTrue(second.err().lines().filter(l -> l.startsWith("reproduce: native done")).findFirst().orElseThrow()
                .matches(".* elapsed, about \\d+:\\d\\d left"), "a line before the last says what is left: " + second.err());
        assertTrue(second.err().contains("reproduce: rtt-domU-burned done, 2 runs (510 of 510), "), second.err());
        assertTrue(second.err().lines().filter(l -> l.startsWith("reproduce: rtt-domU-burned done")).findFirst()
                .orElseThrow().endsWith(" elapsed"), "the last has nothing left: " + second.err());
        for (String experiment : List.of("native", "xen-double", "vserver-burned", "rtt-domU-burned")) {
            assertEquals(Files.readString(out.resolve(experiment + ".json")),
                    Files.readString(again.resolve(experiment + ".json")), experiment);
        }
    }

    @Test
    void badFilesAreOneLineNamingTheFile(@TempDir Path out) throws Exception {
        Path malformed = out.resolve("broken.json");
        Files.writeString(malformed, "{\"schema\": \"vnetlab.result/1\", \"points\": [");
        Path other = out.resolve("other.json");
        Files.writeString(other, "{\"schema\": \"something/2\"}");
        Path missing = out.resolve("missing.json");
        for (Path bad : List.of(malformed, other, missing)) {
            CliRun r = CliRun.of("report", bad.toString(), "--out", out.resolve("r").toString());
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vnetlab: report: " + bad + ": "), r.err());
        }
        CliRun none = CliRun.of("report", "--out", out.resolve("r").toString());
        assertEquals(Cli.USAGE, none.code());
        assertTrue(none.err().contains("no result yet"), none.err());
        assertFalse(Files.exists(out.resolve("r")), "nothing written on error");
    }
}
