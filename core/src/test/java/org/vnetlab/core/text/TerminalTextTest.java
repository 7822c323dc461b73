package org.vnetlab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlCharactersAreEscapedAndTheBackslashOnlyWhereEscapesMustBeUnambiguous() {
        assertEquals("a\\u005cb\\u0007\\u001b[31m", TerminalText.of("a\\b\u0007\u001b[31m", 100));
        assertEquals("a\\b\\u0007\\u001b[31m", TerminalText.controlsEscaped("a\\b\u0007\u001b[31m", 100));
        // text escaped once is not escaped again on our own line
        String once = TerminalText.of("x\u0007", 100);
        assertEquals(once, TerminalText.controlsEscaped(once, 100));
    }

    @Test
    void aLongTextIsCutAndSaysHowMuchIsLeftOut() {
        assertEquals("abc...(7 more)", TerminalText.of("abcdefghij", 3));
    }
}
