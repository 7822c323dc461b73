package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the user named is read as text, or a few words say why not, never the system's own. */
class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void textReadsAndEachFailureSaysWhyInItsOwnWords() throws Exception {
        Path text = Files.writeString(dir.resolve("ok.json"), "{}\n");
        assertEquals("{}\n", TextFiles.read(text, "not UTF-8"));
        assertEquals("a directory, not a file", why(dir));
        assertEquals("no such file", why(dir.resolve("none.json")));
        Path binary = Files.write(dir.resolve("bin.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertEquals("not UTF-8", why(binary));
    }

    private static String why(Path file) {
        return assertThrows(TextFiles.Unreadable.class, () -> TextFiles.read(file, "not UTF-8")).getMessage();
    }
}
