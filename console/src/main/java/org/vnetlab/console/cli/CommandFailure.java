package org.vnetlab.console.cli;

/**
 * A run that failed for a reason outside its command line (a peer that misbehaves, a port another
 * program holds), already worded as one line that begins with the command's name; exit code 1.
 */
public class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message, null, false, false);
    }
}
