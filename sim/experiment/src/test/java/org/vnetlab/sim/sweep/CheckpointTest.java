package org.vnetlab.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.result.Made;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;

/** A sweep's checkpoints: whole partial results, each of which resumes to the bytes of an unstopped sweep. */
class CheckpointTest {

    /** How the resumed sweeps say they are made (a partial result of Sweep.run does not say, so it is not compared). */
    private static final Made MADE = new Made(List.of(), 1, 1, List.of());

    static LocalExecutor two;

    @BeforeAll
    static void start() {
        two = new LocalExecutor(SweepTest.LOADER, 2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        two.close();
    }

    @Test
    void everyCheckpointResumesToTheSameBytes() throws InterruptedException {
        SweepPlan plan = SweepTest.plan("native", List.of("host.cpu-speed=1.0,0.5"));
        List<String> saved = new ArrayList<>();
        Checkpoint checkpoint = new Checkpoint(plan, Resumed.nothing(), "test", Duration.ZERO,
                partial -> saved.add(ResultJson.write(partial.result().withMade(MADE))));
        Sweep.Outcome full = Sweep.run(plan, Resumed.nothing(), two, "test", checkpoint.around((d, t) -> { }),
                () -> false);
        // a checkpoint is written as sweep writes it, saying how it was made
        String bytes = ResultJson.write(full.result().withMade(MADE));
        // interval 0: one save per finished unit, each with one more point per guest than the one before
        assertEquals(plan.units().size(), saved.size());
        List<Integer> points = saved.stream().map(s -> ResultJson.read(s).points().size()).toList();
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i) > points.get(i - 1), points.toString());
        }
        assertEquals(bytes, saved.get(saved.size() - 1));
        for (String partial : List.of(saved.get(0), saved.get(saved.size() / 2))) {
            Resumed resumed = Resumed.from(plan, MADE, ResultJson.read(partial), "partial.json");
            Sweep.Outcome rest = Sweep.run(plan, resumed, two, "test", (d, t) -> { }, () -> false);
            assertEquals(bytes, ResultJson.write(rest.result().withMade(MADE)));
        }
    }

    @Test
    void aLongIntervalSavesTheFirstFinishedUnitOnly() throws InterruptedException {
        SweepPlan plan = SweepTest.plan("native", List.of("host.cpu-speed=1.0,0.5"));
        List<Result> saved = new ArrayList<>();
        Checkpoint checkpoint = new Checkpoint(plan, Resumed.nothing(), "test", Duration.ofHours(1),
                partial -> saved.add(partial.result()));
        Sweep.run(plan, Resumed.nothing(), two, "test", checkpoint.around((d, t) -> { }), () -> false);
        assertEquals(1, saved.size());
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(plan, Resumed.nothing(), "test",
                Duration.ofSeconds(-1), partial -> { }));
    }
}
