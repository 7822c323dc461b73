package org.vnetlab.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file the user named (a result, a dataset) as UTF-8 text. A failure says why in a few
 * words of its own, not the operating system's or a decoder's ("Is a directory", "Input length =
 * 1"), for the caller to put after the file's name in its one-line error.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** Why a file could not be read as text: "no such file", "a directory, not a file", ... */
    public static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The file's text.
     *
     * @param notUtf8 what to say of a file whose bytes are not UTF-8 (what it should have been)
     */
    public static String read(Path file, String notUtf8) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable("a directory, not a file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (CharacterCodingException e) {
            throw new Unreadable(notUtf8);
        } catch (IOException e) {
            throw new Unreadable(Files.exists(file) && !Files.isReadable(file) ? "cannot be read (permission denied)"
                    : "cannot be read (" + e.getMessage() + ")");
        }
    }
}
