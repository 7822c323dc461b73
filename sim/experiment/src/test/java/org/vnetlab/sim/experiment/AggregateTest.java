package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/** A point is the median of its trials; a guest that sent nothing has no loss figure. */
class AggregateTest {

    private static RunResult trial(int trial, Map<String, Double> loss) {
        RunSpec spec = new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.RX, trial, 1_000_000_000L);
        Map<String, Double> mbps = new LinkedHashMap<>();
        mbps.put("domU1", 400.0);
        mbps.put("domU2", 0.0);
        return RunResult.throughput(spec, mbps, loss, new TreeMap<>(), new TreeMap<>(), 1, 1);
    }

    private static Point point(Result r, String guest) {
        return r.points().stream().filter(p -> p.guest().equals(guest)).findFirst().orElseThrow();
    }

    @Test
    void aGuestThatSentNothingHasNoLossFigureAndLeavesTheSumsAlone() {
        Result r = Experiment.aggregate(new ScenarioLoader().load("xen-double", List.of()).scenario(), "test", "defaults",
                List.of(trial(0, Map.of("domU1", 0.1)), trial(1, Map.of("domU1", 0.3)), trial(2, Map.of())));

        assertNull(point(r, "domU2").loss(), "no packet sent, so no loss figure (it read 0 %)");
        assertEquals(0.2, point(r, "domU1").loss(), 1e-12, "the median of the trials that sent");
        assertEquals(0.2, point(r, Experiment.SUM).loss(), 1e-12, "the silent guest counts neither as lossless nor at all");
        assertEquals(400.0, point(r, Experiment.SUM).throughputMbps());
    }
}
