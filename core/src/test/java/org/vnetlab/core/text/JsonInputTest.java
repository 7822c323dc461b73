package org.vnetlab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits every JSON input is read under, and errors that name where. */
class JsonInputTest {

    /** Reads a document that is one string. */
    private static String string(String text) {
        return JsonInput.read(text, in -> in.string("value"));
    }

    /** Reads any document to its end, as a reader that skips what it does not know would. */
    private static Object skipAll(String text) {
        return JsonInput.read(text, in -> {
            in.skip();
            return "read";
        });
    }

    private static String refusal(String text) {
        JsonInputException e = assertThrows(JsonInputException.class, () -> skipAll(text));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void nestingIsBoundedEvenWhenTheInputIsBalanced() {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertEquals("read", skipAll(deepest));
        String tooDeep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        String m = refusal(tooDeep);
        assertTrue(m.contains("nesting depth") && m.contains(Integer.toString(Json.MAX_DEPTH)), m);
        String objects = "{\"a\":".repeat(Json.MAX_DEPTH + 1) + "1" + "}".repeat(Json.MAX_DEPTH + 1);
        assertTrue(refusal(objects).contains("nesting depth"));
    }

    @Test
    void stringsNamesAndNumbersAreBounded() {
        assertEquals(Json.MAX_STRING, string("\"" + "x".repeat(Json.MAX_STRING) + "\"").length());
        JsonInputException e = assertThrows(JsonInputException.class,
                () -> string("\"" + "x".repeat(Json.MAX_STRING + 1) + "\""));
        assertTrue(e.getMessage().startsWith("line 1, column ") && e.getMessage().contains("String value length"),
                e.getMessage());
        assertTrue(refusal("{\"" + "k".repeat(Json.MAX_NAME + 1) + "\": 1}").contains("Name length"));
        assertTrue(refusal("[1" + "0".repeat(Json.MAX_NUMBER) + "]").contains("Number value length"));
    }

    @Test
    void malformedInputNamesLineAndColumnInOneShortLine() {
        String m = refusal("{\n  \"a\": }");
        assertTrue(m.startsWith("line 2, column 8: "), m);
        assertTrue(refusal("{} {}").contains("unexpected text after the JSON value"));
        assertTrue(refusal("").contains("no JSON value"));
        assertTrue(refusal("{\"a\": [1, 2").startsWith("line 1, column "));
        assertTrue(refusal("{\"a\": 1, \"a\": 2}").contains("Duplicate field 'a'"));
        String garbage = "[" + "z".repeat(10_000) + "]";
        assertTrue(refusal(garbage).length() < 200, "an error quotes little of the input");
    }

    @Test
    void readsTypedValuesAndRefusesTheWrongType() {
        List<Object> seen = new ArrayList<>();
        JsonInput.read("{\"s\": \"x\", \"i\": 9007199254740993, \"d\": 1.5e2, \"n\": null, \"a\": [1, {}]}", in -> {
            in.object("top", key -> {
                switch (key) {
                    case "s" -> seen.add(in.string(key));
                    case "i" -> seen.add(in.integer(key, 0, Long.MAX_VALUE));
                    case "d" -> seen.add(in.number(key));
                    case "n" -> seen.add(in.number(key));
                    default -> in.skip();
                }
            });
            return seen;
        });
        assertEquals(List.of("x", 9007199254740993L, 150.0, Double.NaN), seen);
        JsonInputException e = assertThrows(JsonInputException.class,
                () -> JsonInput.read("{\"i\": 1.5}", in -> {
                    in.object("top", key -> in.integer(key, 0, 10));
                    return null;
                }));
        assertEquals("line 1, column 7: 'i' must be an integer in 0..10", e.getMessage());
        assertThrows(JsonInputException.class, () -> JsonInput.read("{\"i\": 99999999999999999999}", in -> {
            in.object("top", key -> in.integer(key, Long.MIN_VALUE, Long.MAX_VALUE));
            return null;
        }));
    }
}
