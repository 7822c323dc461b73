package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/** Where datagrams leave the emulator when they reach the far end of the modelled wire. */
public interface Egress {

    /** Sends one datagram that originally came from {@code source}; called on the pacing thread. */
    void send(ByteBuffer datagram, SocketAddress source) throws IOException;
}
