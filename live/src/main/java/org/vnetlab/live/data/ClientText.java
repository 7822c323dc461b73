package org.vnetlab.live.data;

import org.vnetlab.core.text.TerminalText;

/**
 * Text the other end controls (a client's frame field in the server's log, a server's refusal on
 * the client's terminal, an error quoting either), made safe for a log line or a terminal
 * ({@link TerminalText}) and cut to {@value #MAX} characters.
 */
public final class ClientText {

    /** Characters of the other end's text a line keeps. */
    public static final int MAX = 200;

    private ClientText() {
    }

    /** {@code text}'s {@code toString()} escaped and cut; "null" for null. */
    public static String of(Object text) {
        return TerminalText.of(text, MAX);
    }
}
