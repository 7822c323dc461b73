package org.vnetlab.console.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal. {@link System#console()} answers only for stdin and
 * stdout together; progress on stderr and a script on stdin each need their own answer.
 */
public final class Tty {

    /** Standard input. */
    public static final int STDIN = 0;
    /** Standard error. */
    public static final int STDERR = 2;

    private Tty() {
    }

    /** Whether file descriptor {@code fd} of this process is a terminal (Linux: where /proc/self/fd/N points). */
    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }
}
