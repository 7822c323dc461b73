package org.vnetlab.live;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** Blocking reads for tests, each with a deadline, so a peer that never answers fails the test instead of hanging it. */
public final class Deadlines {

    private Deadlines() {
    }

    /** True when the peer closed (or reset) the connection within {@code wait}; false when it is still open. */
    public static boolean closedWithin(SocketChannel c, Duration wait) throws IOException {
        c.socket().setSoTimeout((int) wait.toMillis());
        try {
            return c.socket().getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Fills {@code b} from {@code c} within {@code wait}, or stops at the end of the stream.
     *
     * @throws SocketTimeoutException when the peer sent less within {@code wait}
     */
    public static void readFully(SocketChannel c, ByteBuffer b, Duration wait) throws IOException {
        c.socket().setSoTimeout((int) wait.toMillis());
        var in = c.socket().getInputStream();
        while (b.hasRemaining()) {
            int n = in.read(b.array(), b.arrayOffset() + b.position(), b.remaining());
            if (n < 0) {
                return;
            }
            b.position(b.position() + n);
        }
    }
}
