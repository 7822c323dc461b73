package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.Train;

/** A port of Dom0's bridge towards a guest: what dev_queue_xmit on that guest's vif does with frames. */
@FunctionalInterface
public interface BridgePort {

    /** Frames for this port, each at its ready time; the caller keeps {@code frames}. */
    void transmit(Train frames);
}
