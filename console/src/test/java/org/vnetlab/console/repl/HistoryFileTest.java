package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history file is used only where it can be written; elsewhere one line says it is not kept. */
class HistoryFileTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Optional<Path> in(Path home) {
        return HistoryFile.in(home, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWritableHomeKeepsTheHistoryWithoutAWord(@TempDir Path home) throws IOException {
        assertEquals(Optional.of(home.resolve(ConsoleCommand.HISTORY)), in(home));
        Files.writeString(home.resolve(ConsoleCommand.HISTORY), "show\n");
        assertTrue(in(home).isPresent(), "an existing history file");
        assertEquals("", err());
    }

    @Test
    void aHomeThatIsNotThereKeepsTheHistoryInMemorySaidInOneLine() {
        Path home = Path.of("/nonexistent-vnetlab-home");
        assertFalse(in(home).isPresent());
        assertEquals("vnetlab: history not kept: /nonexistent-vnetlab-home/.vnetlab_history is not writable\n", err());
    }

    @Test
    void aHistoryThatIsNoFileOrAHomeThatIsAFileIsNotUsed(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve(ConsoleCommand.HISTORY));
        assertFalse(in(dir).isPresent(), "the history is a directory");
        Path file = Files.writeString(dir.resolve("home"), "");
        assertFalse(in(file).isPresent(), "the home is a file");
        assertEquals(2, err().lines().count(), err());
    }
}
