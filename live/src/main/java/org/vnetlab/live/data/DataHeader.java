package org.vnetlab.live.data;

import java.nio.ByteBuffer;

/**
 * The first bytes of every throughput datagram: the test's token and a sequence number, both
 * 64-bit big-endian. The rest of the payload is zeros. A hello datagram (the client's receive
 * socket announcing itself before the server sends) is exactly a header with sequence {@link #HELLO}.
 */
public final class DataHeader {

    public static final int TOKEN_OFFSET = 0;
    public static final int SEQUENCE_OFFSET = 8;
    /** Bytes of the header, and so the smallest payload a UDP test may use. */
    public static final int BYTES = 16;
    public static final long HELLO = -1;

    private DataHeader() {
    }

    /** A direct buffer of {@code payload} bytes carrying {@code token}, ready for {@link #sequence}. */
    public static ByteBuffer datagram(long token, int payload) {
        ByteBuffer b = ByteBuffer.allocateDirect(payload);
        b.putLong(TOKEN_OFFSET, token);
        return b;
    }

    public static void sequence(ByteBuffer datagram, long seq) {
        datagram.putLong(SEQUENCE_OFFSET, seq);
        datagram.clear();
    }

    public static ByteBuffer hello(long token) {
        ByteBuffer b = datagram(token, BYTES);
        sequence(b, HELLO);
        return b;
    }
}
