package org.vnetlab.core.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Reads one JSON document with {@link Json}'s limits, a value at a time, each read checked: a
 * malformed document, a limit passed or a value of the wrong type is a {@link JsonInputException}
 * naming the line and column. The parser always stands on the value being read; {@link #object}
 * and {@link #array} move it over their contents and hand each value to the caller, who reads it
 * or {@link #skip}s it.
 */
public final class JsonInput {

    private final JsonParser parser;

    private JsonInput(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the one value that {@code text} must hold and nothing after it. */
    public static <T> T read(String text, Function<JsonInput, T> reader) {
        try {
            return read(Json.FACTORY.createParser(text), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the one value that the UTF-8 bytes must hold and nothing after it. */
    public static <T> T read(byte[] utf8, Function<JsonInput, T> reader) {
        try {
            return read(Json.FACTORY.createParser(utf8), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(JsonParser parser, Function<JsonInput, T> reader) {
        try (parser) {
            JsonInput in = new JsonInput(parser);
            if (in.next() == null) {
                throw in.error("no JSON value");
            }
            T value = reader.apply(in);
            if (in.next() != null) {
                throw in.error("unexpected text after the JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the value of one key; it must read or skip the value. */
    @FunctionalInterface
    public interface FieldReader {
        void read(String key);
    }

    /** Walks the object the parser stands on, key by key. */
    public void object(String what, FieldReader fields) {
        expect(JsonToken.START_OBJECT, what, "an object");
        while (next() != JsonToken.END_OBJECT) {
            String key = name();
            next();
            fields.read(key);
        }
    }

    /** Walks the array the parser stands on; {@code element} reads or skips each value. */
    public void array(String what, Runnable element) {
        expect(JsonToken.START_ARRAY, what, "an array");
        while (next() != JsonToken.END_ARRAY) {
            element.run();
        }
    }

    public String string(String what) {
        expect(JsonToken.VALUE_STRING, what, "a string");
        return text();
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String what) {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw error("'" + what + "' must be true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** A number; {@code null} reads as NaN, which is how a non-finite number is written. */
    public double number(String what) {
        if (isNull()) {
            return Double.NaN;
        }
        if (!isNumber()) {
            throw error("'" + what + "' must be a number");
        }
        try {
            return parser.getDoubleValue();
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    /** A number in {@code min..max}, or NaN for {@code null}. */
    public double number(String what, double min, double max) {
        double v = number(what);
        if (v < min || v > max) {
            throw error("'" + what + "' must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** An integer (no fraction, no exponent) in {@code min..max}. */
    public long integer(String what, long min, long max) {
        try {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long v = parser.getLongValue();
                if (v >= min && v <= max) {
                    return v;
                }
            }
        } catch (IOException e) {
            throw wrap(e);
        }
        throw error("'" + what + "' must be an integer in " + min + ".." + max);
    }

    public boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    public boolean isNumber() {
        return parser.currentToken() != null && parser.currentToken().isNumeric();
    }

    /** A number without fraction or exponent. */
    public boolean isInteger() {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT;
    }

    public boolean isString() {
        return parser.currentToken() == JsonToken.VALUE_STRING;
    }

    /** Passes over the value the parser stands on, with whatever it contains. */
    public void skip() {
        try {
            parser.skipChildren();
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    /** The line of the value or key the parser stands on, from 1. */
    public int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    /** An error at the value the parser stands on. */
    public JsonInputException error(String what) {
        return error(parser.currentTokenLocation(), what);
    }

    private void expect(JsonToken token, String what, String kind) {
        if (parser.currentToken() != token) {
            throw error("'" + what + "' must be " + kind);
        }
    }

    private String name() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    private String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    private JsonToken next() {
        try {
            return parser.nextToken();
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    /** A limit passed carries no location of its own: it is where the parser stands. */
    private JsonInputException wrap(IOException e) {
        if (e instanceof JsonProcessingException j) {
            return error(j.getLocation() == null ? parser.currentLocation() : j.getLocation(), j.getOriginalMessage());
        }
        throw new UncheckedIOException(e);
    }

    private static JsonInputException error(JsonLocation at, String what) {
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new JsonInputException(where + oneLine(what));
    }

    /**
     * Jackson's messages may span lines and cite its own sources; one line of what is wrong is
     * enough, in the file's terms rather than the parser's (NaN, a byte-order mark).
     */
    private static String oneLine(String message) {
        if (message.startsWith("Non-standard token 'NaN'") || message.contains("'Infinity'")) {
            return "NaN and Infinity are not JSON numbers; a value not known is null";
        }
        if (message.contains("(code 65279")) {
            return "the file starts with a byte-order mark; save it as UTF-8 without one";
        }
        return message.replaceAll(" \\(start marker at \\[.*?\\]\\)", "")
                .replaceAll(", from `[^`]*`", "")
                .replaceAll("\\s+", " ").trim();
    }
}
