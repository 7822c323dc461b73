package org.vnetlab.live.control;

/** A control frame that is not a valid message: the peer is broken or hostile. One line, no stack. */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message, null, false, false);
    }
}
