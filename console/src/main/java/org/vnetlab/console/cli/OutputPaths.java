package org.vnetlab.console.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where a command will write, checked before any work starts, so that a long run never ends in a
 * write error: each failure is one line naming the flag and what is wrong.
 */
public final class OutputPaths {

    /** File systems whose files are the kernel's interface, not storage. */
    private static final Set<String> KERNEL_FILE_SYSTEMS = Set.of("proc", "sysfs", "cgroup", "cgroup2", "debugfs",
            "tracefs", "securityfs", "configfs", "bpf", "pstore", "efivarfs", "fusectl");

    private OutputPaths() {
    }

    /**
     * Fails with one line when {@code file} (given with {@code flag}) could not be written: not a
     * regular file (a directory, a device such as /dev/full), or in a folder that does not exist
     * or where no file can be made (such as /proc, which says so only when one is tried).
     */
    public static void checkFile(String command, String flag, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String where = command + ": " + flag + " " + file + ": ";
        if (file.toString().isEmpty()) {
            // Java reads the empty name as the current folder
            throw new UsageError(command + ": " + flag + " is empty; give a file to write (- for stdout)");
        }
        if (Files.isDirectory(file)) {
            throw new UsageError(where + "is a directory");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UsageError(where + "not a regular file (give a file to write, or - for stdout)");
        }
        String kernel = Files.exists(file) ? kernelFileSystem(file) : null;
        if (kernel != null) {
            throw new UsageError(where + "a file of the kernel's " + kernel
                    + " file system, not one to write a result to (give a file to write, or - for stdout)");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageError(where + "no such directory " + dir);
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !canCreateIn(dir)) {
            throw new UsageError(where + "not writable");
        }
    }

    /**
     * Makes {@code dir} (given with {@code flag}) when it is missing and fails with one line when
     * files could not be written into it: empty, a file, or where nothing can be made. Called
     * before any work, so a long run never ends in a write error.
     */
    public static void checkDirectory(String command, String flag, Path dir) {
        String where = command + ": " + flag + " " + dir + ": ";
        checkNamed(command + ": " + flag, dir);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError(where + "is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UsageError(where + "cannot be made (" + reason(e) + ")");
        }
        if (!canCreateIn(dir)) {
            throw new UsageError(where + "not writable");
        }
    }

    /**
     * Fails with one line when {@code dir}, given with {@code flag} (which may begin with the
     * command's name), is the empty name, which Java would read as the current folder unsaid.
     */
    public static void checkNamed(String flag, Path dir) {
        if (dir.toString().isEmpty()) {
            throw new UsageError(flag + " is empty; give a directory (. for this one)");
        }
    }

    /**
     * The kind of kernel file system the existing {@code file} lies on (proc, sysfs, ...), or null. Their files
     * look regular and writable to root, and opening one succeeds; only the write fails, after the
     * run (/proc/version as root).
     */
    private static String kernelFileSystem(Path file) {
        try {
            String type = Files.getFileStore(file).type();
            return KERNEL_FILE_SYSTEMS.contains(type) ? type : null;
        } catch (IOException e) {
            return null; // what cannot be told here, the writability checks still catch
        }
    }

    /** Whether a file can be made in {@code dir}: tried, as permissions do not tell (a read-only mount, /proc). */
    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".vnetlab-", ".tmp"));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Why a file operation failed, in words: the exception's own message names only the path for some. */
    public static String reason(Exception e) {
        return e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileAlreadyExistsException ? "a file is in the way"
                : e.getMessage();
    }
}
