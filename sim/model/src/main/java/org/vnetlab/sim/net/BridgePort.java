package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.Train;

/** A port of Dom0's bridge towards a guest: what dev_queue_xmit on that guest's vif does with frames. */
@FunctionalInterface
public interface BridgePort {

    /** Frames for this port, each at its ready time; the caller keeps {@code frames}. */
    void transmit(Train frames);

    /**
     * Whether the port is served by a task that the first frame wakes (a tap read by its
     * vhost-net worker): as {@link PacketPort#wantsEachPacket}, the softirq that forwards to it
     * hands each frame over when it is done, so the worker runs as soon and in batches as small
     * as it does packet by packet.
     */
    default boolean wantsEachPacket() {
        return false;
    }

    /**
     * Whether a frame for this port should be handed over as soon as it is done, because what
     * the port does with it may depend on when it comes (a vif whose guest's buffers run short
     * admits it, queues it or drops it by what the guest has posted meanwhile).
     */
    default boolean wantsAtOnce() {
        return false;
    }
}
