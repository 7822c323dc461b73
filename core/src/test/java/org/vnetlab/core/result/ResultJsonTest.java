package org.vnetlab.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.json.JsonException;

class ResultJsonTest {

    private static Result sample() {
        Point udp = Point.builder().transport("udp").protocol("ipv4").direction("rx").payload(36).guest("domU1")
                .throughputMbps(120.5).throughputTrials(List.of(120.0, 120.5, 121.0)).loss(0.6)
                .cpuPercent(Map.of("dom0", 100.0, "domU1", 99.5)).drops(Map.of("nic.rx.drop", 1000.0)).build();
        Point rtt = Point.builder().transport("udp").protocol("ipv6").direction("roundtrip").payload(1000)
                .guest("host").rttMs(new Summary(0.2288, 0.0067, 140)).jitterUs(new Summary(13.742, 6.05, 140))
                .build();
        return new Result("sim", "xen-single", 42, "0.1.0", "defaults", List.of(udp, rtt));
    }

    @Test
    void roundTripsEveryField() {
        Result r = sample();
        String json = ResultJson.write(r);
        assertTrue(json.contains("\"schema\": \"vnetlab.result/1\""));
        assertTrue(json.contains("\"throughput_mbps\": 120.5"));
        assertTrue(json.contains("\"rtt_ms\""));
        assertFalse(json.contains("null"));
        assertEquals(json, ResultJson.write(ResultJson.read(json)));
    }

    @Test
    void refusesAnotherSchema() {
        assertThrows(JsonException.class, () -> ResultJson.read("{\"schema\": \"other/2\", \"points\": []}"));
    }

    @Test
    void csvHasAColumnPerDomainAndQueue() {
        String csv = ResultCsv.write(sample());
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.contains("cpu_percent.dom0"));
        assertTrue(header.contains("drops.nic.rx.drop"));
        assertEquals(3, csv.lines().count());
    }
}
