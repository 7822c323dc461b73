package org.vnetlab.live.emulate;

import java.util.function.BiConsumer;

/**
 * The emulator's connection to the world, in place of machine 2 (ns-3's fd-net-device): it takes
 * in real traffic for its {@link Carrier} (datagrams into the {@link IngressRing}, connections'
 * bytes into their {@link TcpRelay}s).
 */
public interface Edge extends AutoCloseable {

    /**
     * Starts receiving.
     *
     * @param onArrival called after traffic came in (wakes the pacing thread)
     * @param onFailure called at most once with the edge's name and a one-line error
     */
    void start(Runnable onArrival, BiConsumer<String, String> onFailure);

    @Override
    void close();
}
