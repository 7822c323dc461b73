package org.vnetlab.console.repl;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.vnetlab.console.cli.Cli;

/**
 * JLine's warnings (it logs through java.util.logging) as one line each on stderr, the same
 * warning once only, instead of the JDK's two header lines and a stack trace. Undone on close.
 */
final class JlineLog extends Handler implements AutoCloseable {

    /** Held here: java.util.logging keeps only weak references to its loggers, and with them their handlers. */
    private static final Logger JLINE = Logger.getLogger("org.jline");

    private final PrintStream err;
    private final boolean parentHandlers;
    private final Set<String> said = new HashSet<>();

    private JlineLog(PrintStream err) {
        this.err = err;
        this.parentHandlers = JLINE.getUseParentHandlers();
    }

    /** Sends JLine's warnings to {@code err} until {@link #close()}. */
    static JlineLog to(PrintStream err) {
        JlineLog log = new JlineLog(err);
        JLINE.setUseParentHandlers(false);
        JLINE.addHandler(log);
        return log;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!JLINE.isLoggable(record.getLevel())) {
            return;
        }
        Throwable thrown = record.getThrown();
        String line = "console: " + record.getMessage().strip() + (thrown == null ? ""
                : ": " + (thrown.getMessage() == null ? "" : thrown.getMessage() + " ")
                        + "(" + thrown.getClass().getSimpleName() + ")");
        if (said.add(line)) {
            err.println(Cli.errorLine(line));
        }
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        JLINE.removeHandler(this);
        JLINE.setUseParentHandlers(parentHandlers);
    }
}
