package org.vnetlab.console.cli;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * Where a command writes: results to {@link #out()}, errors and progress to {@link #err()}.
 * Knows whether a human is watching (progress bars) and whether a stop was asked for (Ctrl-C
 * in the console), so long work can end early and keep what is done.
 *
 * @param interactive true when stderr is a terminal: progress bars may be drawn
 * @param cancelled   true once the user asked the running command to stop
 * @param width       columns available for tables and charts
 * @param unicode     whether Unicode block characters may be printed
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive, BooleanSupplier cancelled,
                       int width, boolean unicode) {

    public static Terminal system() {
        boolean tty = System.console() != null;
        String lang = System.getenv().getOrDefault("LC_ALL", System.getenv().getOrDefault("LANG", ""));
        int columns = 100;
        try {
            columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
        } catch (NumberFormatException ignored) {
            // keep the default width
        }
        return new Terminal(System.out, System.err, tty, () -> false, columns,
                lang.toUpperCase().contains("UTF-8") || lang.toUpperCase().contains("UTF8"));
    }

    public Terminal quiet() {
        return new Terminal(out, err, false, cancelled, width, unicode);
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
