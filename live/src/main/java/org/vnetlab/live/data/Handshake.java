package org.vnetlab.live.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** The first 8 bytes of a TCP data connection: the test's token, so a stranger cannot take its place. */
public final class Handshake {

    private Handshake() {
    }

    public static void sendToken(SocketChannel channel, long token) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES).putLong(token).flip();
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /**
     * Reads the token within {@code timeoutMillis}; the channel is blocking again afterwards.
     *
     * @return the token, or null when the peer closed or was too slow
     */
    public static Long readToken(SocketChannel channel, long timeoutMillis) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (b.hasRemaining()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                selector.select(left);
                if (channel.read(b) < 0) {
                    return null;
                }
            }
        }
        channel.configureBlocking(true);
        return b.flip().getLong();
    }
}
