package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.Train;

/**
 * Where frames come out of a wire: a NIC's receive side in the simulator, or, in the emulator,
 * an edge device that hands each frame to a real socket when virtual time reaches its arrival
 * (ns-3's fd-net-device plays this part there).
 */
public interface WireEnd {

    /** Frames reach this end, each at its ready time in {@code frames}; the caller keeps the train. */
    void arrive(Train frames);
}
