package org.vnetlab.sim.param;

import org.vnetlab.core.model.ModelParameters;

/** The model's queue sizes and batching (model.queue.*), read once. */
public record QueueSettings(long socketBufferBytes, int skbOverheadBytes, int qdiscPackets, int appBatch,
                            long pacingWindowNanos) {

    /** Datagrams of {@code payload} bytes a UDP receive buffer holds (the limit counts truesize). */
    public int socketCapacity(int payload) {
        return (int) Math.max(1, socketBufferBytes / truesize(payload));
    }

    /** What a socket buffer is charged for a datagram of {@code payload} bytes (its skb's truesize). */
    public int truesize(int payload) {
        return payload + skbOverheadBytes;
    }

    public static QueueSettings of(ModelParameters p) {
        return new QueueSettings((long) p.get("queue.socket-buffer-bytes"), (int) p.get("queue.skb-overhead-bytes"),
                (int) p.get("queue.qdisc-packets"), (int) p.get("queue.app-batch-packets"),
                (long) p.get("queue.pacing-window-ns"));
    }
}
