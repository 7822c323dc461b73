package org.vnetlab.sim.net;

/**
 * Where frames come out of a wire: a NIC's receive side in the simulator, or, in the emulator,
 * an edge device that hands each frame to a real socket when virtual time reaches its arrival
 * (ns-3's fd-net-device plays this part there).
 */
public interface WireEnd {

    /**
     * A train of {@code n} equal frames reaches this end: frame j at {@code arrival0 + j * step},
     * stamped {@code stamp0 + j * stampStep}, numbered {@code seq0 + j}.
     */
    void arrive(long arrival0, long step, long stamp0, long stampStep, int n, int payload, int flow, long seq0,
                long ack, int flags);
}
