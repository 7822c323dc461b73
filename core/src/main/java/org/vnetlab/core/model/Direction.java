package org.vnetlab.core.model;

import java.util.List;
import java.util.Locale;

/** Direction of a stream from the measured machine's point of view (the study's "Rx" and "Tx"). */
public enum Direction {
    /** Machine 2 sends, machine 1 receives. */
    RX,
    /** Machine 1 sends, machine 2 receives. */
    TX,
    /** RX for the stream's duration, then TX (iperf --tradeoff). */
    TRADEOFF,
    /** To machine 1 and back: a probe through a reflector. */
    ROUNDTRIP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The one-way directions this one runs, in order. */
    public List<Direction> legs() {
        return this == TRADEOFF ? List.of(RX, TX) : List.of(this);
    }

    public static Direction fromKey(String key) {
        for (Direction d : values()) {
            if (d.key().equalsIgnoreCase(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a direction; valid: rx, tx, tradeoff");
    }
}
