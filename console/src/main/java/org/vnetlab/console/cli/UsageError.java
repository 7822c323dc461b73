package org.vnetlab.console.cli;

/** A command line that cannot be run as written; printed as one line, exit code 2. */
public class UsageError extends RuntimeException {

    public UsageError(String message) {
        super(message, null, false, false);
    }
}
