package org.vnetlab.console.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.cli.Terminal;

/** The progress bar: drawn only for a watching human, with counts and ETA, safe from many threads. */
class ProgressTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Terminal terminal(boolean interactive) {
        return new Terminal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), interactive, () -> false, 80, false);
    }

    @Test
    void drawsCountsAndEtaThenClearsTheLine() {
        AtomicLong now = new AtomicLong();
        Progress bar = new Progress(terminal(true), 4, "points", 1, now::get);
        assertTrue(bar.line(now.get()).endsWith("0/4 points  ETA -:--"), bar.line(now.get()));
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        bar.step();
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        bar.step();
        String line = bar.line(now.get());
        assertTrue(line.startsWith("[#") && line.contains("#-"), line);
        assertTrue(line.endsWith("2/4 points  ETA 0:08"), "half a point in flight counted: " + line);
        bar.done();
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("\r[") && drawn.endsWith("\r"), drawn);
        assertTrue(drawn.contains("2/4 points"), drawn);
        assertTrue(!drawn.contains("\u001b"), "no escape codes");
    }

    /**
     * 20 runs of 10 s each, 4 at a time, finishing in waves: 50 s in all, the worst case for an
     * estimate (the first run of a wave to finish cannot tell that three more finish with it).
     * From the first run on, the estimate stays within a factor 2 of the truth; counting only
     * finished runs it said 190 s instead of 40 s at the first one.
     */
    @Test
    void aClockShowsMinutesAndSecondsAndHoursFromTheFirst() {
        assertEquals("0:07", Progress.clock(7));
        assertEquals("59:59", Progress.clock(3599));
        assertEquals("1:02:05", Progress.clock(3725));
    }

    @Test
    void theEtaIsSaneFromTheFirstRun() {
        AtomicLong now = new AtomicLong();
        Progress bar = new Progress(terminal(true), 20, "runs", 4, now::get);
        for (int wave = 1; wave <= 4; wave++) {
            now.set(TimeUnit.SECONDS.toNanos(10L * wave));
            for (int run = 0; run < 4; run++) {
                bar.step();
                double truth = 50 - 10.0 * wave;
                double eta = seconds(bar.line(now.get()));
                assertTrue(eta <= 2 * truth + 1 && eta >= truth / 2 - 1,
                        "wave " + wave + ", run " + run + ": ETA " + eta + " s, truth " + truth + " s");
            }
        }
    }

    private static double seconds(String line) {
        String[] mmss = line.substring(line.lastIndexOf(' ') + 1).split(":");
        return Integer.parseInt(mmss[0]) * 60 + Integer.parseInt(mmss[1]);
    }

    @Test
    void drawsNothingWhenNotInteractiveOrQuiet() {
        Progress bar = Progress.start(terminal(false), 3, "runs", 2);
        bar.step();
        bar.done();
        Progress quiet = Progress.start(terminal(true).quiet(), 3, "runs", 2);
        quiet.step();
        quiet.done();
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, bar.completed());
    }

    @Test
    void countsEveryStepFromManyThreads() throws InterruptedException {
        Progress bar = Progress.start(terminal(true), 8_000, "runs", 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 1_000; i++) {
                    bar.step();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(8_000, bar.completed());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("8000/8000 runs"), "the last step is drawn");
    }
}
