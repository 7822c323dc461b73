package org.vnetlab.sim.param;

import org.vnetlab.core.model.ModelParameters;

/** TCP's protocol constants (model.tcp.*), read once. */
public record TcpSettings(int appIoBytes, long sendBufferBytes, int initialWindow, long delayedAckNanos,
                          long minRtoNanos, int dupackThreshold) {

    public static TcpSettings of(ModelParameters p) {
        return new TcpSettings((int) p.get("tcp.app-io-bytes"), (long) p.get("tcp.send-buffer-bytes"),
                (int) p.get("tcp.initial-window-segments"),
                (long) p.get("tcp.delayed-ack-ns"), (long) p.get("tcp.min-rto-ns"), (int) p.get("tcp.dupack-threshold"));
    }

    /** Segments of {@code mss} bytes the send buffer holds (at least two). */
    public long sendBufferSegments(int mss) {
        return Math.max(2, sendBufferBytes / mss);
    }
}
