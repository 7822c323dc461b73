package org.vnetlab.core.text;

/**
 * Text made safe for one line of a log or a terminal: control characters, DEL, C1 controls,
 * bidirectional overrides and the backslash escaped as {@code \\uXXXX} (so no line can be forged
 * and no escape sequence reaches a terminal), and cut to a number of characters.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text}'s {@code toString()} escaped and cut after {@code max} characters; "null" for null. */
    public static String of(Object text, int max) {
        return escaped(text, max, true);
    }

    /**
     * The same, but a backslash kept: for a line of our own that may quote text already escaped
     * with {@link #of} (which would otherwise show as {@code \u005cu0007}).
     */
    public static String controlsEscaped(Object text, int max) {
        return escaped(text, max, false);
    }

    private static String escaped(Object text, int max, boolean backslash) {
        String s = String.valueOf(text);
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 16);
        int i = 0;
        for (; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (unsafe(c) && (backslash || c != '\\')) {
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
