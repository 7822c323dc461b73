package org.vnetlab.console.commands;

import java.util.Locale;
import org.vnetlab.console.cli.Terminal;

/** A one-line progress bar with ETA on stderr, drawn only on a terminal and not with --quiet. */
final class ProgressLine {

    private static final int BAR = 30;
    private final Terminal io;
    private final boolean enabled;
    private final String label;
    private final long started = System.nanoTime();
    private int lastDrawn = -1;

    ProgressLine(Terminal io, boolean quiet, String label) {
        this.io = io;
        this.enabled = io.interactive() && !quiet;
        this.label = label;
    }

    synchronized void update(int done, int total) {
        if (!enabled || done == lastDrawn) {
            return;
        }
        lastDrawn = done;
        int filled = total == 0 ? BAR : BAR * done / total;
        double elapsed = (System.nanoTime() - started) / 1e9;
        double eta = done == 0 ? 0 : elapsed * (total - done) / done;
        io.err().printf(Locale.ROOT, "\r%s [%s%s] %d/%d runs, ETA %.0f s ", label, "#".repeat(filled),
                ".".repeat(BAR - filled), done, total, eta);
        io.err().flush();
    }

    synchronized void finish() {
        if (enabled && lastDrawn >= 0) {
            io.err().print("\r" + " ".repeat(label.length() + BAR + 40) + "\r");
            io.err().flush();
        }
    }
}
