package org.vnetlab.live.emulate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;

/**
 * The realtime clock's truth check, on the zero-cost model fed 50 k datagrams/s without sockets:
 * 99 % of the model's events run within 50 us of their modelled times, and datagrams leave
 * within 50 us of theirs at the median, in the median of {@value #RUNS} runs (docs/EMULATE.md).
 * A run during which the shared machine preempted the pacing thread for milliseconds only adds
 * lateness to the events it falls on; the median over runs leaves such a run out instead of
 * retrying until one passes. The p90 is printed beside it.
 */
class PacerTest {

    static final int RUNS = 5;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void runsTheModelsEventsWithinFiftyMicrosecondsAtTheNinetyNinthPercentile() throws Exception {
        Scenario s = new ScenarioLoader().load("native", List.of()).scenario();
        double[] pacerP99 = new double[RUNS];
        double[] egressP50 = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            EmulatorBenchmark.Figures f = EmulatorBenchmark.run(s, 64, 50_000, Duration.ofMillis(1500));
            Counters c = f.counters();
            System.out.printf("offered %.0f/s, forwarded %.0f/s, pacer %s, egress %s%n", f.offeredPerSecond(),
                    f.forwardedPerSecond(), c.pacer(), c.release());
            assertTrue(c.pacer().samples() > 1000, "too few events measured: " + c.pacer().samples());
            assertTrue(f.forwardedPerSecond() > 0.95 * f.offeredPerSecond(), "forwarded " + f.forwardedPerSecond());
            pacerP99[run] = c.pacer().p99Us();
            egressP50[run] = c.release().p50Us();
        }
        assertTrue(median(pacerP99) < 50, "pacer p99 of each run " + Arrays.toString(pacerP99) + " us");
        assertTrue(median(egressP50) < 50, "egress p50 of each run " + Arrays.toString(egressP50) + " us");
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
