package org.vnetlab.console.repl;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * A terminal that says it has no columns (a pseudo-terminal whose size nobody set, such as
 * {@code script} run from a pipe) is taken as {@value #UNKNOWN_COLUMNS} wide: JLine would wrap the
 * prompt after every character.
 */
final class ScreenWidth {

    /** Columns assumed when the terminal reports none. */
    static final int UNKNOWN_COLUMNS = 80;
    /** Rows assumed with them when it reports none either. */
    static final int UNKNOWN_ROWS = 24;

    private ScreenWidth() {
    }

    /** Sets the terminal's size to {@value #UNKNOWN_COLUMNS} columns when it reports 0. */
    static void assumeWhenUnknown(Terminal terminal) {
        if (terminal.getWidth() <= 0) {
            terminal.setSize(new Size(UNKNOWN_COLUMNS, terminal.getHeight() > 0 ? terminal.getHeight() : UNKNOWN_ROWS));
        }
    }
}
