package org.vnetlab.console.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jline.utils.Signals;

/**
 * Turns Ctrl-C (SIGINT) into a stop request while a long command runs, so it can end cleanly and
 * keep what it finished instead of the JVM dying; the previous handler is back on {@link #close()}.
 * Also true when the terminal's own cancel (the console's Ctrl-C) is.
 */
public final class CtrlC implements BooleanSupplier, AutoCloseable {

    private static final String SIGNAL = "INT";
    private final Terminal io;
    private final AtomicBoolean pressed = new AtomicBoolean();
    private final Object previous;

    public CtrlC(Terminal io) {
        this.io = io;
        this.previous = Signals.register(SIGNAL, () -> pressed.set(true));
    }

    @Override
    public boolean getAsBoolean() {
        return pressed.get() || io.isCancelled();
    }

    @Override
    public void close() {
        Signals.unregister(SIGNAL, previous);
    }
}
