package org.vnetlab.sim.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.ConfigError;
import org.vnetlab.core.result.ResultKeys;
import org.vnetlab.core.text.JsonInput;
import org.vnetlab.core.text.JsonInputException;

/**
 * Where each key of a result file stands, so an error can name its line: the top-level keys, and
 * the keys of each object of the {@code points} list, in the order they appear.
 */
final class JsonLines {

    private final Path file;
    private final Map<String, Integer> top = new LinkedHashMap<>();
    private final List<Map<String, Integer>> points = new ArrayList<>();
    private final List<Integer> pointStarts = new ArrayList<>();

    private JsonLines(Path file) {
        this.file = file;
    }

    /**
     * Reads the keys' lines.
     *
     * @throws ConfigError naming the file, line and column of malformed JSON or a result that is not an object
     */
    static JsonLines read(Path file, String text) {
        JsonLines lines = new JsonLines(file);
        try {
            JsonInput.read(text, in -> {
                in.object("result", key -> lines.top(in, key));
                return lines;
            });
        } catch (JsonInputException e) {
            throw new ConfigError(file + ": " + e.getMessage());
        }
        return lines;
    }

    private void top(JsonInput in, String key) {
        top.put(key, in.line());
        if (key.equals(ResultKeys.POINTS) && !in.isNull()) {
            in.array(key, () -> {
                Map<String, Integer> keys = new LinkedHashMap<>();
                pointStarts.add(in.line());
                points.add(keys);
                in.object("point", k -> {
                    keys.put(k, in.line());
                    in.skip();
                });
            });
        } else {
            in.skip();
        }
    }

    /** The top-level keys, in order. */
    Iterable<String> topKeys() {
        return top.keySet();
    }

    /** The keys of point {@code index}, in order. */
    Iterable<String> pointKeys(int index) {
        return points.get(index).keySet();
    }

    /** An error about {@code key} of point {@code index} (-1 for a top-level key). */
    ConfigError error(int index, String key, String what) {
        String where = index < 0 ? key : ResultKeys.POINTS + "[" + index + "]." + key;
        return new ConfigError(file + ":" + line(index, key) + ": " + where + ": " + what);
    }

    /** The key's line; the point's first line, or line 1, when the key is not there. */
    private int line(int index, String key) {
        if (index < 0) {
            return top.getOrDefault(key, 1);
        }
        return points.get(index).getOrDefault(key, pointStarts.get(index));
    }
}
