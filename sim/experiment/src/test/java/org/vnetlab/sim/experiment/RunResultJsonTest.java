package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.text.JsonInputException;

/** A run's measurement written and read back is the same to the last bit, in the same order. */
class RunResultJsonTest {

    static final RunSpec SPEC = new RunSpec(Transport.UDP, IpVersion.IPV4, 36, Direction.RX, 2, 1_000_000_000L);

    static RunResult sample(double mbps) {
        Map<String, Double> throughput = new LinkedHashMap<>();
        throughput.put("domU2", mbps);
        throughput.put("domU1", 0.1 + 0.2);
        Map<String, Double> loss = new LinkedHashMap<>();
        loss.put("domU2", Double.NaN);
        loss.put("domU1", Double.MIN_VALUE);
        TreeMap<String, Double> cpu = new TreeMap<>(Map.of("dom0", 100.0, "domU1", 93.443748));
        TreeMap<String, Long> drops = new TreeMap<>(Map.of("host.nic.rx.drop", Long.MAX_VALUE));
        return new RunResult(SPEC, throughput, loss, cpu, drops, 12, 34,
                Map.of("domU1", new double[] {0.2186, Double.POSITIVE_INFINITY}), Map.of("domU1", new double[] {15.05}),
                Map.of("domU1", 3L), new TreeMap<>(Map.of("dom0", 12.5, "domU1", 0.0)),
                new TreeMap<>(Map.of("dom0", 96.25, "domU1", 3.0)));
    }

    @Test
    void everyValueReadsBackExactlyAndInOrder() {
        RunResult r = sample(44.610048000000001);
        String text = RunResultJson.write(r);
        RunResult back = RunResultJson.read(text, SPEC);
        assertEquals(List.copyOf(r.throughputMbps().keySet()), List.copyOf(back.throughputMbps().keySet()));
        r.throughputMbps().forEach((g, v) -> assertEquals(Double.doubleToRawLongBits(v),
                Double.doubleToRawLongBits(back.throughputMbps().get(g)), g));
        assertEquals(r.loss().get("domU1"), back.loss().get("domU1"));
        assertEquals(Double.NaN, back.loss().get("domU2"));
        assertEquals(r.cpuPercent(), back.cpuPercent());
        assertEquals(r.cpuReadyPercent(), back.cpuReadyPercent());
        assertEquals(r.cpuOverPercent(), back.cpuOverPercent());
        assertEquals(r.drops(), back.drops());
        assertArrayEquals(r.rttMs().get("domU1"), back.rttMs().get("domU1"));
        assertEquals(Map.of("domU1", 3L), back.repliesLost());
        assertEquals(34, back.events());
        assertEquals(SPEC, back.spec());
        assertEquals(text, RunResultJson.write(back), "the text is canonical");
    }

    @Test
    void theLastBitOfAValueChangesTheText() {
        double v = 44.61;
        assertNotEquals(RunResultJson.write(sample(v)), RunResultJson.write(sample(Math.nextUp(v))));
    }

    @Test
    void textThatIsNotAMeasurementIsRefused() {
        assertThrows(JsonInputException.class, () -> RunResultJson.read("{\"throughput_mbps\": {}}", SPEC));
        assertThrows(JsonInputException.class, () -> RunResultJson.read("{\"oops\": 1}", SPEC));
        assertThrows(JsonInputException.class, () -> RunResultJson.read(
                "{\"throughput_mbps\": {\"h\": \"fast\"}, \"packets_offered\": 1, \"events\": 1}", SPEC));
    }
}
