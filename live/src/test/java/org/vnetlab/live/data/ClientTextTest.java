package org.vnetlab.live.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientTextTest {

    @Test
    void controlCharactersAndOverridesAreEscaped() {
        assertEquals("a\\u000aWARN x\\u001b[31m\\u0007\\u009b\\u202e\\u005c", ClientText.of("a\nWARN x\u001b[31m\u0007\u009b\u202e\\"));
        assertEquals("plain: é ü 漢", ClientText.of("plain: é ü 漢"));
        assertEquals("null", ClientText.of(null));
    }

    @Test
    void longTextIsCutTo200Characters() {
        String cut = ClientText.of("y".repeat(16_384));
        assertEquals("y".repeat(ClientText.MAX) + "...(16184 more)", cut);
        String escapes = ClientText.of("\n".repeat(1000));
        assertTrue(escapes.startsWith("\\u000a".repeat(34)) && escapes.endsWith("...(966 more)"), escapes);
    }
}
