package org.vnetlab.console.repl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;

/**
 * The interactive console on a JLine terminal: prompt with the session scenario, history, tab
 * completion. Each command runs on its own worker thread; Ctrl-C sets that command's cancelled
 * flag (and interrupts it if it has not stopped after {@link #GRACE_MILLIS}) and returns to the
 * prompt; Ctrl-D or {@code exit} leaves.
 */
public final class Repl {

    static final long GRACE_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(Repl.class);

    private final SessionDispatcher dispatcher;
    private final Completer completer;
    private final Optional<Path> history;

    /** @param history the history file, or empty to keep the history in memory only */
    public Repl(SessionDispatcher dispatcher, Completer completer, Optional<Path> history) {
        this.dispatcher = dispatcher;
        this.completer = completer;
        this.history = history;
    }

    public int run(org.jline.terminal.Terminal terminal) {
        ScreenWidth.assumeWhenUnknown(terminal);
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("vnetlab")
                .completer(completer)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        history.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        LineReader reader = builder.build();
        AtomicReference<AtomicBoolean> running = new AtomicReference<>();
        terminal.handle(Signal.INT, signal -> {
            AtomicBoolean cancel = running.get();
            if (cancel != null) {
                cancel.set(true);
            }
        });
        PrintStream out = new PrintStream(terminal.output(), true, terminal.encoding());
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, terminal.encoding());
        out.println("vnetlab " + Version.current()
                + " console: `help` lists commands, TAB completes, Ctrl-C stops a command, Ctrl-D leaves");
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words;
            try {
                words = Words.split(line);
                if (Words.isExit(words)) {
                    break;
                }
            } catch (UsageError e) {
                err.println(Cli.errorLine(e.getMessage()));
                continue;
            }
            if (words.isEmpty()) {
                continue;
            }
            runCommand(words, terminal, out, err, running);
            LOG.debug("ran {}", line);
        }
        return Cli.OK;
    }

    private String prompt() {
        return dispatcher.session().scenario().map(s -> "vnetlab " + s + "> ").orElse("vnetlab> ");
    }

    private void runCommand(List<String> words, org.jline.terminal.Terminal terminal, PrintStream out,
                            PrintStream err, AtomicReference<AtomicBoolean> running) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Terminal io = new Terminal(out, err, true, cancelled::get, Math.max(40, terminal.getWidth()),
                unicode(terminal), dispatcher.session()::setLastResult);
        FutureTask<Integer> task = new FutureTask<>(() -> dispatcher.run(words, io));
        Thread worker = new Thread(task, "vnetlab-" + words.get(0));
        worker.setDaemon(true);
        running.set(cancelled);
        worker.start();
        try {
            waitFor(task, worker, cancelled, err);
        } finally {
            running.set(null);
            out.flush();
            err.flush();
        }
        if (cancelled.get()) {
            err.println("stopped: " + words.get(0) + " (Ctrl-C)");
        }
    }

    /** Block and braille characters only when both the locale (LANG=C says no) and the terminal take UTF-8. */
    private static boolean unicode(org.jline.terminal.Terminal terminal) {
        return Terminal.utf8Locale() && terminal.encoding().equals(StandardCharsets.UTF_8);
    }

    private static void waitFor(FutureTask<Integer> task, Thread worker, AtomicBoolean cancelled, PrintStream err) {
        long cancelledAt = 0;
        while (true) {
            try {
                task.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (cancelled.get() && cancelledAt == 0) {
                    cancelledAt = System.nanoTime();
                } else if (cancelledAt != 0
                        && System.nanoTime() - cancelledAt > TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS)) {
                    worker.interrupt();
                    err.println("vnetlab: the command did not stop within " + GRACE_MILLIS / 1000
                            + " s; it was interrupted and left behind");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.debug("command failed outside the Cli", e.getCause());
                err.println("vnetlab: error: " + e.getCause());
                return;
            }
        }
    }
}
