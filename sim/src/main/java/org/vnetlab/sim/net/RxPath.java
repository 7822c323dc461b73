package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.PacketQueue;

/**
 * What a receiving softirq does with a packet after the NIC driver: the host's IP stack up to
 * a socket (native, VServer), or Dom0's bridge towards a guest's virtual interface (Xen).
 */
public interface RxPath {

    /** CPU cost, in ns at speed 1.0, of taking such a packet through this path. */
    double cost(int payload, int flow, int flags);

    /** Passes the head packet of {@code batch} on, available at {@code readyAt}, and removes it. */
    void deliver(PacketQueue batch, long readyAt);
}
