package org.vnetlab.core.text;

/**
 * Input that is not the JSON expected: malformed, over one of {@link Json}'s limits, or a value of
 * the wrong type. The message is one line and names the line and column.
 */
public class JsonInputException extends RuntimeException {

    public JsonInputException(String message) {
        super(message);
    }
}
