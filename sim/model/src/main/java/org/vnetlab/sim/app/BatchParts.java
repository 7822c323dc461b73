package org.vnetlab.sim.app;

/**
 * A sending job's batch cut into the parts the executor runs one after another (one packet
 * each with exact timing, a train otherwise): the packets the parts handed out cover, and where
 * the last part that ended stops. The executor asks for the next part before it reports the
 * last one done, so asking for a part first marks the one before it as ended.
 */
final class BatchParts {

    private int batch;
    private int given;
    private int ended;

    /** A job of {@code packets} begins. */
    void start(int packets) {
        batch = packets;
        given = 0;
        ended = 0;
    }

    /**
     * The packets of the next part, at most {@code size}, or 0 when the rest of the batch is
     * one part (the job's end releases it).
     */
    int next(int size) {
        ended = given;
        if (batch - given <= size) {
            return 0;
        }
        given += size;
        return size;
    }

    /** Packets up to the end of the part that ended last. */
    int ended() {
        return ended;
    }
}
