package org.vnetlab.console.repl;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vnetlab.console.cli.Cli;

/**
 * Where the console keeps its history: {@value ConsoleCommand#HISTORY} in the home directory when
 * it can be written there, else nowhere (the history lives in memory for the session), said once
 * at the start. JLine, given a file it cannot write, would log a stack trace after every command.
 */
final class HistoryFile {

    private HistoryFile() {
    }

    /** The history file in {@code home}, or empty after one line on {@code err} saying it is not kept. */
    static Optional<Path> in(Path home, PrintStream err) {
        Path file = home.resolve(ConsoleCommand.HISTORY);
        if (writable(file)) {
            return Optional.of(file);
        }
        err.println(Cli.errorLine("history not kept: " + file + " is not writable"));
        return Optional.empty();
    }

    /** JLine rewrites the file through a temporary file beside it, so its directory must take files too. */
    static boolean writable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        boolean dirTakesFiles = dir != null && Files.isDirectory(dir) && Files.isWritable(dir);
        return dirTakesFiles && (Files.notExists(file)
                || Files.isRegularFile(file) && Files.isReadable(file) && Files.isWritable(file));
    }
}
