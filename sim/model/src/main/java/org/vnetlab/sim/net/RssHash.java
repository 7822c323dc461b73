package org.vnetlab.sim.net;

import java.util.Arrays;
import org.vnetlab.sim.kernel.RandomStream;

/**
 * Receive-side scaling: which of a NIC's queues a flow's frames go to. The NIC computes the
 * Toeplitz hash of the flow's tuple with the 40-byte key of Microsoft's RSS specification (Linux
 * drivers draw theirs at boot), and its low 7 bits index a 128-entry indirection table (ixgbe's
 * size) filled with 0, 1, ..., N-1, 0, 1, ..., Linux's default ({@code ethtool -X equal N}).
 *
 * <p>The simulator's flows are numbered, not addressed: the tuple hashed is the flow's id (4
 * bytes, standing for its address pair), its client's ephemeral port and the iperf server port
 * 5001. The client port is drawn from the run's seed, as Linux picks one at random, so which
 * flows share a queue depends on the seed as it does from run to run on a real host; the same
 * seed gives the same queues.
 */
public final class RssHash {

    /** The Toeplitz key of Microsoft's RSS specification ("Verifying the RSS Hash Calculation"). */
    private static final byte[] KEY = bytes(
            0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
            0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
            0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa);
    /** Entries of the indirection table (ETH_RSS_HASH table size of most 10 GbE drivers). */
    static final int TABLE = 128;
    private static final int SERVER_PORT = 5001;
    private static final int EPHEMERAL_LOW = 32768;
    /** Linux's default ip_local_port_range is 32768 to 60999. */
    private static final int EPHEMERAL_PORTS = 60999 - 32768 + 1;

    private final int queues;
    private final long seed;
    /** Each flow's queue, by flow id, once hashed; -1 for a flow not seen yet. */
    private int[] queueOf = new int[0];

    /** @param seed the run's seed, from which each flow's client port is drawn */
    public RssHash(int queues, long seed) {
        if (queues < 1 || queues > TABLE) {
            throw new IllegalArgumentException("queues must be 1 to " + TABLE + ", got " + queues);
        }
        this.queues = queues;
        this.seed = seed;
    }

    public int queues() {
        return queues;
    }

    /** The queue of flow {@code flow}'s frames. */
    public int queueOf(int flow) {
        if (queues == 1) {
            return 0;
        }
        if (flow >= queueOf.length) {
            // a new flow: the table grows once per flow, not per frame
            int old = queueOf.length;
            queueOf = Arrays.copyOf(queueOf, Math.max(flow + 1, 2 * old));
            Arrays.fill(queueOf, old, queueOf.length, -1);
        }
        if (queueOf[flow] < 0) {
            queueOf[flow] = (toeplitz(tuple(flow, clientPort(flow))) & (TABLE - 1)) % queues;
        }
        return queueOf[flow];
    }

    /** Flow {@code flow}'s client port: uniform over Linux's ephemeral range, from the seed. */
    int clientPort(int flow) {
        long r = new RandomStream(seed, "rss.flow" + flow).nextLong();
        return EPHEMERAL_LOW + (int) Long.remainderUnsigned(r, EPHEMERAL_PORTS);
    }

    private static byte[] tuple(int flow, int clientPort) {
        return new byte[] {(byte) (flow >>> 24), (byte) (flow >>> 16), (byte) (flow >>> 8), (byte) flow,
            (byte) (clientPort >>> 8), (byte) clientPort, (byte) (SERVER_PORT >>> 8), (byte) SERVER_PORT};
    }

    /**
     * The Toeplitz hash of {@code input}: for every set bit of the input, from the most
     * significant bit of its first byte on, the 32 bits of the key starting at that bit's
     * position are XORed into the result.
     */
    static int toeplitz(byte[] input) {
        int result = 0;
        // the key's 32-bit window at the current input bit, and the key bits still to shift in
        int window = (KEY[0] & 0xff) << 24 | (KEY[1] & 0xff) << 16 | (KEY[2] & 0xff) << 8 | (KEY[3] & 0xff);
        for (int i = 0; i < input.length; i++) {
            int next = i + 4 < KEY.length ? KEY[i + 4] & 0xff : 0;
            for (int bit = 7; bit >= 0; bit--) {
                if ((input[i] >>> bit & 1) != 0) {
                    result ^= window;
                }
                window = window << 1 | (next >>> bit & 1);
            }
        }
        return result;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
