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
        Progress bar = new Progress(terminal(true), 4, now::get);
        assertTrue(bar.line(now.get()).endsWith("0/4 points  ETA -:--"), bar.line(now.get()));
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        bar.step();
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        bar.step();
        String line = bar.line(now.get());
        assertTrue(line.startsWith("[#") && line.contains("#-"), line);
        assertTrue(line.endsWith("2/4 points  ETA 0:10"), line);
        bar.done();
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("\r[") && drawn.endsWith("\r"), drawn);
        assertTrue(drawn.contains("2/4 points"), drawn);
        assertTrue(!drawn.contains("\u001b"), "no escape codes");
    }

    @Test
    void drawsNothingWhenNotInteractiveOrQuiet() {
        Progress bar = Progress.start(terminal(false), 3);
        bar.step();
        bar.done();
        Progress quiet = Progress.start(terminal(true).quiet(), 3);
        quiet.step();
        quiet.done();
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, bar.completed());
    }

    @Test
    void countsEveryStepFromManyThreads() throws InterruptedException {
        Progress bar = Progress.start(terminal(true), 8_000);
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
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("8000/8000 points"), "the last step is drawn");
    }
}
