package org.vnetlab.core.json;

/** Malformed JSON; the message names line and column. */
public class JsonException extends RuntimeException {

    public JsonException(String message) {
        super(message);
    }
}
