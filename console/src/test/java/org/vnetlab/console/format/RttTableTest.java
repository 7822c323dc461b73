package org.vnetlab.console.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.Summary;

class RttTableTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static Point point(String protocol, String guest) {
        return Point.builder().transport("udp").protocol(protocol).direction("roundtrip").payload(1000).guest(guest)
                .rttMs(new Summary(0.0655, 0.0656, 0.0012, 0.067, 0.069, 0.07, 140))
                .jitterUs(new Summary(14.86, 14.9, 0.09, 15, 15.1, 15.2, 140)).repliesLost(7L).build();
    }

    private static String render(String reflector, Point... points) {
        Scenario s = LOADER.load("rtt", List.of("rtt.reflector=" + reflector)).scenario();
        return RttTable.render(new Result("sim", "rtt", 1, "test", "defaults", List.of(points)), s,
                ReferenceDataset.study(), 200);
    }

    @Test
    void aRowPerProtocolWithTheStudysValueBesideWhereItPublishedOne() {
        String text = render("native", point("ipv4", "host"), point("ipv6", "host"));
        List<String> lines = text.lines().toList();
        assertEquals(6, lines.size(), text);
        assertEquals("", lines.get(5), "a blank line ends it");
        assertTrue(lines.get(1).matches(" *protocol +reflector +rtt ms +study +stdev +study +jitter us +study +stdev"
                + " +study +replies lost"), lines.get(1));
        assertTrue(lines.get(3).matches(" *ipv4 +host +0\\.0655 +0\\.2288 +0\\.0012 +0\\.0067 +14\\.86 +13\\.74 +0\\.09"
                + " +6\\.05 +7"), lines.get(3));
        assertTrue(lines.get(4).matches(" *ipv6 +host +0\\.0655 +0\\.0012 +14\\.86 +0\\.09 +7"), lines.get(4));
    }

    @Test
    void aSingleDomUIsTheStudysDomUAndOneBesideABurnerIsNot() {
        assertTrue(render("domU", point("ipv4", "domU1")).contains("0.2643"));
        String burned = render("domU-burned", point("ipv4", "domU2"));
        assertTrue(!burned.contains("0.2643") && !burned.contains("0.2288"), burned);
    }

    @Test
    void aPointWhoseMeasurementsSpreadGetsALineUnderTheTableAndOneThatGathersDoesNot() {
        // a run that spent 85 % of its measurements at 1 ms and the rest at 0.12 ms
        Point split = Point.builder().transport("udp").protocol("ipv4").direction("roundtrip").payload(1000)
                .guest("domU2").rttMs(new Summary(1.0025, 0.8628, 0.3159, 1.0127, 1.0168, 1.0179, 140))
                .jitterUs(new Summary(15.75, 15.6, 0.77, 15.96, 18.11, 18.29, 140)).repliesLost(0L).build();
        String text = render("domU-burned", split, point("ipv6", "domU2"));
        List<String> lines = text.lines().toList();
        assertEquals(7, lines.size(), text);
        assertEquals("ipv4 domU2: rtt mean 0.8628 ms, p90 1.0127, p99 1.0168, max 1.0179: the measurements spread"
                + " too widely for their median to stand for them", lines.get(5));
        assertTrue(lines.get(4).matches(" *ipv6 +domU2 .*"), "the gathered point's row, and no line: " + text);
    }

    @Test
    void nothingWithoutRttPoints() {
        Point udp = Point.builder().payload(36).guest("host").throughputMbps(40.0).build();
        assertEquals("", render("native", udp));
    }
}
