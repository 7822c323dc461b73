package org.vnetlab.core.result;

/**
 * The names of the queues whose drops a result counts, the keys of a point's {@code drops}:
 * {@code OWNER.PLACE.drop}, where the owner is a host, guest or the peer ({@code domU1.socket.rx.drop}).
 * A reader matches a drop by its name, so a place is named here, once.
 */
public final class DropTrace {

    private static final String SUFFIX = ".drop";

    private DropTrace() {
    }

    /** Where a receiving application's socket buffer is full: {@code OWNER.socket.rx.drop}. */
    public static String socketRx(String owner) {
        return owner + ".socket.rx" + SUFFIX;
    }
}
