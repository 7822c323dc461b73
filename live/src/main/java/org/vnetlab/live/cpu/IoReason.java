package org.vnetlab.live.cpu;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file under /proc or /sys could not be read, in words rather than an exception's class. */
final class IoReason {

    private IoReason() {
    }

    static String of(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof UnsupportedOperationException) {
            return "this file system keeps no inode numbers";
        }
        return e.getMessage() == null ? "unreadable" : e.getMessage();
    }
}
