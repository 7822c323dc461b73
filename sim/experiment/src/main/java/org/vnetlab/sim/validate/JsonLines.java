package org.vnetlab.sim.validate;

import java.nio.file.Path;
import org.vnetlab.config.ConfigError;

/**
 * Finds the line of a key in a result file's text, so an error can name it: the key inside the
 * n-th object of the {@code points} list, or a top-level key.
 */
final class JsonLines {

    private final Path file;
    private final String text;

    JsonLines(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** An error about {@code key} of point {@code index} (-1 for a top-level key). */
    ConfigError error(int index, String key, String what) {
        String where = index < 0 ? key : "points[" + index + "]." + key;
        return new ConfigError(file + ":" + line(index, key) + ": " + where + ": " + what);
    }

    private int line(int index, String key) {
        int from = 0;
        int to = text.length();
        if (index >= 0) {
            int[] span = point(index);
            from = span[0];
            to = span[1];
        }
        int at = text.indexOf("\"" + key + "\"", from);
        if (at < 0 || at > to) {
            at = from;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Start and end offsets of the index-th object of the points list. */
    private int[] point(int index) {
        int start = text.indexOf('[', Math.max(0, text.indexOf("\"points\"")));
        int depth = 0;
        int seen = -1;
        int begin = start;
        boolean inString = false;
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth == 0 && c == '{') {
                    seen++;
                    begin = i;
                }
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0 && seen == index) {
                    return new int[] {begin, i};
                }
                if (depth < 0) {
                    break;
                }
            }
        }
        return new int[] {Math.max(0, start), text.length()};
    }
}
