package org.vnetlab.core.model;

/** Argument checks shared by the model's records; messages name the field. */
final class Checks {

    private Checks() {
    }

    static void positive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    static void positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + value);
        }
    }

    static void nonNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " cannot be negative, got " + value);
        }
    }

    static void name(String what, String value) {
        if (value == null || !value.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' is not a valid name (a letter, then letters, digits, '-' or '_')");
        }
    }
}
