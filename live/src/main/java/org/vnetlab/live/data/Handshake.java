package org.vnetlab.live.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The first 8 bytes of a TCP data connection: the test's token, so a stranger cannot take its place
 * (the server's side reads it in {@code DataConnection}).
 */
public final class Handshake {

    private Handshake() {
    }

    public static void sendToken(SocketChannel channel, long token) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES).putLong(token).flip();
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }
}
