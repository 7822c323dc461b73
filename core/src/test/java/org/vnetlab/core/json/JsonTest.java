package org.vnetlab.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesDeterministicRoundedNumbers() {
        assertEquals("957.1235", JsonWriter.number(957.12345678));
        assertEquals("1", JsonWriter.number(1.0));
        assertEquals("0", JsonWriter.number(-0.0));
        assertEquals("null", JsonWriter.number(Double.NaN));
    }

    @Test
    void roundTripsNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", "x\"y\n");
        m.put("b", List.of(1.5, 2.0));
        m.put("c", Map.of("d", true));
        Object back = JsonReader.parse(JsonWriter.write(m));
        assertEquals(Map.of("a", "x\"y\n", "b", List.of(1.5, 2.0), "c", Map.of("d", true)), back);
    }

    @Test
    void rejectsMalformedAndDeepInputWithPosition() {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("{\n \"a\": }"));
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
        assertThrows(JsonException.class, () -> JsonReader.parse("[".repeat(1000)));
        assertThrows(JsonException.class, () -> JsonReader.parse("{} x"));
    }
}
