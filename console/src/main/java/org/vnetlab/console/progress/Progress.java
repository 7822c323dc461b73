package org.vnetlab.console.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.vnetlab.console.cli.Terminal;

/**
 * A progress bar for long work: runs (or points) done of the total, and the estimated time left,
 * drawn on one line of stderr. It draws only when {@link Terminal#interactive()} (so nothing in pipes,
 * and nothing for a command given {@code --quiet}: pass {@link Terminal#quiet()}). Thread-safe:
 * workers may call {@link #step()} at once.
 *
 * <pre>{@code
 * Progress bar = Progress.start(quiet ? io.quiet() : io, runs.size(), "runs", cores);
 * for (...) { ...; bar.step(); }
 * bar.done();
 * }</pre>
 */
public final class Progress {

    /** Redraw at most this often, so a fast sweep does not flood the terminal. */
    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintStream err;
    private final boolean visible;
    private final boolean unicode;
    private final int width;
    private final int total;
    private final String unit;
    private final int parallel;
    private final LongSupplier clock;
    private final long started;
    private int done;
    private long drawnAt;
    private int drawnLength;
    private boolean finished;

    Progress(Terminal io, int total, String unit, int parallel, LongSupplier clock) {
        this.err = io.err();
        this.visible = io.interactive();
        this.unicode = io.unicode();
        this.width = Math.max(40, io.width());
        this.total = Math.max(0, total);
        this.unit = unit;
        this.parallel = Math.max(1, parallel);
        this.clock = clock;
        this.started = clock.getAsLong();
        this.drawnAt = started - REDRAW_NANOS;
    }

    /** A bar over {@code total} simulation runs made on all cores; invisible unless {@code io} is interactive. */
    public static Progress runs(Terminal io, int total) {
        return start(io, total, "runs", Runtime.getRuntime().availableProcessors());
    }

    /**
     * A bar over {@code total} items of {@code unit} ("runs", "points"), {@code parallel} of them
     * made at once; invisible unless {@code io} is interactive.
     */
    public static Progress start(Terminal io, int total, String unit, int parallel) {
        Progress p = new Progress(io, total, unit, parallel, System::nanoTime);
        p.draw(true);
        return p;
    }

    /** One more item done. */
    public synchronized void step() {
        if (finished) {
            return;
        }
        done = Math.min(total, done + 1);
        draw(done == total);
    }

    /** The sweep ended (finished or stopped): the bar is cleared from the line. */
    public synchronized void done() {
        if (finished) {
            return;
        }
        finished = true;
        if (visible && drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
        }
    }

    public synchronized int completed() {
        return done;
    }

    private void draw(boolean force) {
        long now = clock.getAsLong();
        if (!visible || (!force && now - drawnAt < REDRAW_NANOS)) {
            return;
        }
        drawnAt = now;
        String line = line(now);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }

    /** e.g. {@code [██████░░░░░░]  12/34 runs  ETA 0:07}. */
    String line(long now) {
        String counts = String.format(Locale.ROOT, "%" + digits(total) + "d/%d %s", done, total, unit);
        String eta = "ETA " + eta(now);
        int barWidth = Math.max(10, Math.min(50, width - counts.length() - eta.length() - 8));
        int filled = total == 0 ? barWidth : (int) ((long) barWidth * done / total);
        String full = unicode ? "█" : "#";
        String empty = unicode ? "░" : "-";
        return "[" + full.repeat(filled) + empty.repeat(barWidth - filled) + "]  " + counts + "  " + eta;
    }

    /**
     * Time left: the items still to make, {@code parallel} at a time, each taking the mean time
     * of one so far. That mean counts the items in flight as half made (the worker time spent is
     * {@code elapsed x parallel}), and is never more than the time elapsed, since the first items
     * all started at once: so the first estimates are not {@code parallel} times too long when
     * work finishes in waves.
     */
    private String eta(long now) {
        if (done == 0) {
            return "-:--";
        }
        double elapsed = now - started;
        double perItem = Math.min(elapsed, elapsed * parallel / (done + parallel / 2.0));
        return clock(TimeUnit.NANOSECONDS.toSeconds(Math.round((total - done) * perItem / parallel)));
    }

    /** {@code seconds} as m:ss, or h:mm:ss from an hour on. */
    public static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }
}
