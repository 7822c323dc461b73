package org.vnetlab.live.client;

/** A live measurement that could not be done (server unreachable, test refused or failed); one line. */
public class MeasureException extends RuntimeException {

    public MeasureException(String message) {
        super(message, null, false, false);
    }
}
