package org.vnetlab.live.emulate;

import java.util.function.BiConsumer;

/**
 * The emulator's connection to the world, in place of machine 2 (ns-3's fd-net-device): it fills
 * the {@link IngressRing} with arriving datagrams and sends the ones the model releases.
 */
public interface Edge extends Egress, AutoCloseable {

    /**
     * Starts receiving.
     *
     * @param onArrival called after each datagram is published (wakes the pacing thread)
     * @param onFailure called at most once with the edge's name and a one-line error
     */
    void start(Runnable onArrival, BiConsumer<String, String> onFailure);

    @Override
    void close();
}
