package org.vnetlab.console.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;

/**
 * A long command's output file, rewritten with its partial result as it goes: written next to
 * the file and moved over it, so whenever the process dies the file holds a whole result, the
 * last one written or the one before. A write that fails is said once and the command goes on.
 */
final class CheckpointFile {

    private final Path file;
    private final Path partial;
    private final Terminal io;
    private boolean failed;

    CheckpointFile(Path file, Terminal io) {
        this.file = file;
        this.partial = file.resolveSibling(file.getFileName() + ".partial");
        this.io = io;
    }

    void write(Result result) {
        try {
            Files.writeString(partial, ResultJson.write(result));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                io.err().println("vnetlab: cannot write the finished points to " + file + " as they come (" + e
                        + "); a sweep stopped now cannot be resumed from it");
            }
        }
    }
}
