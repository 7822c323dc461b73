package org.vnetlab.live.probe;

import java.nio.ByteBuffer;

/**
 * The RTP-like probe (RFC 3550 section 5.1 fixed header, then vnetlab's fields), big-endian:
 * <pre>
 *  0  V=2,P,X,CC (0x80)   1  M, PT (96, dynamic)   2-3  sequence number (16 bits)
 *  4-7   timestamp (send time, 1 MHz clock, 32 bits)
 *  8-11  SSRC (random per stream)
 *  12-19 the test's token (the reflector answers nothing else)
 *  20-27 send time in nanoseconds of the prober's clock (the RTT is measured on one clock only)
 *  28-31 sequence number (32 bits)
 * </pre>
 * The rest of the payload is zeros.
 */
public final class ProbePacket {

    public static final int TOKEN_OFFSET = 12;
    public static final int SEND_NANOS_OFFSET = 20;
    public static final int SEQUENCE_OFFSET = 28;
    /** Bytes of the header, and so the smallest probe. */
    public static final int BYTES = 32;
    private static final byte VERSION_2 = (byte) 0x80;
    private static final byte PAYLOAD_TYPE = 96;

    private ProbePacket() {
    }

    /** A direct buffer of {@code payload} bytes with the constant fields set. */
    public static ByteBuffer create(int payload, long token, int ssrc) {
        ByteBuffer b = ByteBuffer.allocateDirect(payload);
        b.put(0, VERSION_2).put(1, PAYLOAD_TYPE).putInt(8, ssrc).putLong(TOKEN_OFFSET, token);
        return b;
    }

    /** Stamps probe {@code seq} with the send time {@code nanos} and rewinds the buffer for sending. */
    public static void stamp(ByteBuffer b, int seq, long nanos) {
        b.putShort(2, (short) seq).putInt(4, (int) (nanos / 1000)).putLong(SEND_NANOS_OFFSET, nanos)
                .putInt(SEQUENCE_OFFSET, seq);
        b.clear();
    }

    public static long token(ByteBuffer b) {
        return b.getLong(TOKEN_OFFSET);
    }

    public static long sendNanos(ByteBuffer b) {
        return b.getLong(SEND_NANOS_OFFSET);
    }

    public static int sequence(ByteBuffer b) {
        return b.getInt(SEQUENCE_OFFSET);
    }
}
