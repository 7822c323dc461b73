package org.vnetlab.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void columnsComeFromTheEnvironmentWithinADrawableWidth() {
        assertEquals(132, Terminal.columns("132", () -> 80));
        assertEquals(80, Terminal.columns(null, () -> 80), "not set: the terminal's");
        assertEquals(80, Terminal.columns("abc", () -> 80), "not a number: the terminal's");
        assertEquals(Terminal.MAX_WIDTH, Terminal.columns("100000", () -> 80), "a chart 100000 wide is cut");
        assertEquals(Terminal.MIN_WIDTH, Terminal.columns("0", () -> 80));
    }
}
