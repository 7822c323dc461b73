package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.Train;

/**
 * Where frames come out of a wire: a NIC's receive side in the simulator, or, in the emulator,
 * an edge device that hands each frame to a real socket when virtual time reaches its arrival
 * (ns-3's fd-net-device plays this part there).
 */
public interface WireEnd {

    /** Frames put on the wire reach this end, each at its ready time in {@code frames}; the caller keeps the train. */
    void arrive(Train frames);

    /**
     * Connected to {@code wire} (null: disconnected). An end that returns true looks by itself:
     * it calls {@link NicTx#advance} before it takes what has arrived and is told when frames
     * are queued ({@link #queued}); otherwise the wire pushes each frame to it when it starts.
     */
    default boolean attach(NicTx wire) {
        return false;
    }

    /** {@code frames} were queued on the wire of an end that looks by itself; the caller keeps the train. */
    default void queued(Train frames) {
    }
}
