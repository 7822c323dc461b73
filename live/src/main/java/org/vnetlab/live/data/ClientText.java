package org.vnetlab.live.data;

/**
 * Text the other end controls (a client's frame field in the server's log, a server's refusal on
 * the client's terminal, an error quoting either), made safe for a log line or a terminal: control characters, DEL, C1 controls, bidirectional overrides and the
 * backslash escaped as {@code \\uXXXX} (so no line can be forged and no escape sequence reaches a
 * terminal), and cut to {@value #MAX} characters.
 */
public final class ClientText {

    /** Characters of the other end's text a line keeps. */
    public static final int MAX = 200;

    private ClientText() {
    }

    /** {@code text}'s {@code toString()} escaped and cut; "null" for null. */
    public static String of(Object text) {
        String s = String.valueOf(text);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 16);
        int i = 0;
        for (; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < s.length()) {
            out.append("...(").append(s.length() - i).append(" more)");
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\\'
                || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
