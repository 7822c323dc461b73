package org.vnetlab.console.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Made;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.plan.Answer;
import org.vnetlab.sim.plan.Bottleneck;
import org.vnetlab.sim.plan.Candidate;
import org.vnetlab.sim.plan.Search;

/**
 * The JSON of whatif and plan (docs/RESULTS.md) for fixed inputs, byte for byte against golden
 * files: a change to the schema shows here and must be made in the documentation too.
 */
class AnswerJsonTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    static String golden(String name) throws IOException {
        try (InputStream in = AnswerJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Point point(String guest, int payload, double mbps, double loss, Map<String, Double> cpu,
                       Map<String, Double> drops) {
        return Point.builder().transport("udp").protocol("ipv4").direction("rx").payload(payload).guest(guest)
                .throughputMbps(mbps).throughputTrials(List.of(mbps)).loss(loss).cpuPercent(cpu).drops(drops).build();
    }

    @Test
    void whatif() throws IOException {
        Scenario base = LOADER.load("xen-double", List.of()).scenario();
        Scenario changed = LOADER.load("xen-double", List.of("xen.domUs=3")).scenario();
        Map<String, Double> cpu2 = Map.of("dom0", 100.0, "domU1", 44.123456, "domU2", 44.0);
        Map<String, Double> cpu3 = Map.of("dom0", 100.0, "domU1", 30.0, "domU2", 30.0, "domU3", 30.0);
        Result before = new Result("sim", "xen-double", 1, "0.1.0", "defaults", List.of(
                point("domU1", 36, 16.9, 0.9, cpu2, Map.of("host.nic.rx.drop", 1219576.0)),
                point("domU2", 36, 17.5, 0.9, cpu2, Map.of("host.nic.rx.drop", 1219576.0)),
                point("sum", 36, 34.4, 0.9, cpu2, Map.of())))
                .withMade(new Made(List.of(), 7, 10, List.of(36)));
        Result after = new Result("sim", "xen-double", 1, "0.1.0", "defaults", List.of(
                point("domU1", 36, 11.3, 0.93, cpu3, Map.of()),
                point("domU2", 36, 11.2, 0.93, cpu3, Map.of()),
                point("domU3", 36, 11.0, 0.93, cpu3, Map.of()),
                point("sum", 36, 33.5, 0.93, cpu3, Map.of())))
                .withMade(new Made(List.of("xen.domUs=3"), 7, 10, List.of(36)));
        WhatifTable table = new WhatifTable(base, before, changed, after);
        RunSpec run = new RunSpec(Transport.UDP, IpVersion.IPV4, 36, Direction.RX, 0, 10_000_000_000L);
        String json = WhatifJson.write(new WhatifJson.Whatif(before, after, List.of(), List.of("xen.domUs=3"), table,
                List.of(new WhatifJson.EarlyStop("modified", run, 4, 7))));
        assertEquals(golden("whatif.json"), json);
    }

    @Test
    void plan() throws IOException {
        List<String> at = List.of("xen.domUs=4", "udp.direction=rx", "udp.rate=\"200 Mbit/s\"");
        List<String> beyond = List.of("xen.domUs=5", "udp.direction=rx", "udp.rate=\"200 Mbit/s\"");
        Scenario four = LOADER.load("xen-double", at).scenario();
        Scenario five = LOADER.load("xen-double", beyond).scenario();
        Map<String, Double> cpu = new LinkedHashMap<>(Map.of("dom0", 59.0, "domU1", 11.0));
        List<Point> fourGuests = List.of(point("domU1", 1470, 199.8, 0, cpu, Map.of()),
                point("domU2", 1470, 199.9, 0, cpu, Map.of()));
        List<Point> fiveGuests = List.of(point("domU1", 1470, 189.0, 0.05, cpu, Map.of("host.nic.rx.drop", 660.0)),
                point("domU2", 1470, 190.2, 0.05, cpu, Map.of("host.nic.rx.drop", 660.0)));
        Candidate c4 = new Candidate(4, true, "slowest guest 199.8 Mbit/s >= 198.0", four, at, fourGuests,
                Bottleneck.of(four, fourGuests, 400));
        Candidate c5 = new Candidate(5, false, "slowest guest 189.0 Mbit/s < 198.0", five, beyond, fiveGuests,
                Bottleneck.of(five, fiveGuests, 1000));
        Answer a = new Answer("guests", 4, "at most 4 guests", c4, c5, List.of(c4, c5), Search.BISECTION,
                "5 guests, the wire's bound", false, new Answer.Effort(2, 0, 0, 0));
        Map<String, Double> asks = new LinkedHashMap<>();
        asks.put("mbps", 200.0);
        String json = PlanJson.write(new PlanJson.Question("xen-double", 1, "0.1.0", "defaults", List.of(), "ipv4",
                "rx", 1470, 7, 10, asks, null), a);
        assertEquals(golden("plan.json"), json);
    }
}
