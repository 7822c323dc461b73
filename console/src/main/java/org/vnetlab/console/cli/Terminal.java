package org.vnetlab.console.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.vnetlab.core.result.Result;

/**
 * Where a command writes: results to {@link #out()}, errors and progress to {@link #err()}, and
 * every {@link Result} it produces to {@link #publish(Result)} (the console keeps the last one
 * for {@code plot} and {@code report}). Knows whether a human is watching (progress bars) and
 * whether a stop was asked for (Ctrl-C in the console), so long work can end early and keep
 * what is done.
 *
 * @param interactive true when stderr is a terminal: progress bars may be drawn
 * @param cancelled   true once the user asked the running command to stop
 * @param width       columns available for tables and charts
 * @param unicode     whether Unicode block and braille characters may be printed
 * @param results     receives each result a command produces; ignores them on the command line
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive, BooleanSupplier cancelled,
                       int width, boolean unicode, Consumer<Result> results) {

    /** A terminal whose results go nowhere: the command line, where results are written to files. */
    public Terminal(PrintStream out, PrintStream err, boolean interactive, BooleanSupplier cancelled, int width,
                    boolean unicode) {
        this(out, err, interactive, cancelled, width, unicode, r -> { });
    }

    /**
     * The process's own streams. Progress is drawn when stderr is a terminal (also when stdout goes
     * to a file); the width is $COLUMNS, else the terminal's, else {@value #DEFAULT_WIDTH}.
     */
    public static Terminal system() {
        boolean tty = Tty.isTerminal(Tty.STDERR);
        return new Terminal(System.out, System.err, tty, () -> false, columns(tty), utf8Locale());
    }

    /** Columns assumed when neither $COLUMNS nor a terminal says. */
    public static final int DEFAULT_WIDTH = 100;

    /** The narrowest and widest a chart or table is drawn, whatever $COLUMNS says (100000 drew 300,000-character lines). */
    static final int MIN_WIDTH = 20;
    static final int MAX_WIDTH = 1000;

    private static int columns(boolean tty) {
        return columns(System.getenv("COLUMNS"), tty ? Terminal::ttyColumns : () -> DEFAULT_WIDTH);
    }

    /** $COLUMNS ({@code env}, null when not set) if it is a number, else {@code otherwise}, kept to a drawable width. */
    static int columns(String env, java.util.function.IntSupplier otherwise) {
        int requested;
        try {
            requested = Integer.parseInt(env == null ? "" : env);
        } catch (NumberFormatException notSet) {
            requested = otherwise.getAsInt();
        }
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, requested));
    }

    /** {@code stty size} on the controlling terminal: a few milliseconds, where opening a JLine terminal takes half a second. */
    private static int ttyColumns() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            return stty.waitFor(2, TimeUnit.SECONDS) && size.length == 2 ? Integer.parseInt(size[1]) : DEFAULT_WIDTH;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_WIDTH;
        }
    }

    /** Whether the locale (LC_ALL, LC_CTYPE, LANG, in that order) asks for UTF-8. */
    public static boolean utf8Locale() {
        String lang = "";
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = System.getenv(name);
            if (v != null && !v.isEmpty()) {
                lang = v;
                break;
            }
        }
        String upper = lang.toUpperCase();
        return upper.contains("UTF-8") || upper.contains("UTF8");
    }

    /** The same terminal with progress bars off (--quiet, or output that is not watched). */
    public Terminal quiet() {
        return new Terminal(out, err, false, cancelled, width, unicode, results);
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** Hands a produced result to whoever runs the command (the console's session keeps it). */
    public void publish(Result result) {
        results.accept(result);
    }
}
