package org.vnetlab.live.emulate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real TCP connection through the emulator: the client's connection accepted at the listen
 * address and a new one to the forward address. The client's bytes wait in a ring from the moment
 * they are read until the model has carried them to the server's modelled application; then they
 * are written to the real server. The ring holds what the modelled connection can hold and a
 * little more, so a client that sends faster than the model carries is held back by real TCP
 * flow control. Bytes from the server back to the client are copied straight through (the
 * modelled connection carries the client's stream only).
 *
 * <p>Three threads per connection: one reads the client, one writes the server, one copies the
 * way back. The pacing thread reads {@link #received()} and sets {@link #deliver}.
 */
final class TcpRelay {

    private static final Logger LOG = LoggerFactory.getLogger(TcpRelay.class);
    private static final long IDLE_PARK_NANOS = 1_000_000L;

    private final SocketChannel client;
    private final SocketChannel server;
    private final ByteBuffer ring;
    private final Runnable onArrival;
    private volatile long received;
    private volatile boolean clientClosed;
    private volatile long delivered;
    private volatile long written;
    private volatile boolean forwardDone;
    private volatile boolean backDone;
    private volatile boolean closed;
    private Thread reader;
    private Thread writer;
    private Thread back;

    /**
     * @param limit     bytes of the client's stream that may wait for the model (read, not yet written)
     * @param onArrival called when bytes came in or the client closed (wakes the pacing thread)
     */
    TcpRelay(SocketChannel client, SocketChannel server, int limit, Runnable onArrival) {
        this.client = client;
        this.server = server;
        this.ring = ByteBuffer.allocateDirect(limit);
        this.onArrival = onArrival;
    }

    void start(String name) {
        reader = thread(name + "-in", this::readClient);
        writer = thread(name + "-out", this::writeServer);
        back = thread(name + "-back", this::copyBack);
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Bytes read from the client so far. */
    long received() {
        return received;
    }

    /** The model has carried the client's stream up to byte {@code total}; pacing thread. */
    void deliver(long total) {
        delivered = total;
        LockSupport.unpark(writer);
    }

    /** Whether both directions ended and the sockets are closed. */
    boolean finished() {
        return closed;
    }

    private void readClient() {
        ByteBuffer view = ring.duplicate();
        try {
            while (!closed) {
                long free = ring.capacity() - (received - written);
                if (free == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                    continue;
                }
                int at = (int) (received % ring.capacity());
                view.limit((int) Math.min(ring.capacity(), at + free)).position(at);
                int n = client.read(view);
                if (n < 0) {
                    clientClosed = true;
                    onArrival.run();
                    return;
                }
                received += n;
                onArrival.run();
            }
        } catch (IOException e) {
            abort("reading the client", e);
        }
    }

    private void writeServer() {
        ByteBuffer view = ring.duplicate();
        try {
            while (!closed) {
                long d = delivered;
                if (d > written) {
                    int at = (int) (written % ring.capacity());
                    view.limit((int) Math.min(ring.capacity(), at + (d - written))).position(at);
                    written += server.write(view);
                    LockSupport.unpark(reader);
                } else if (clientClosed && written == received) {
                    server.shutdownOutput();
                    forwardDone = true;
                    closeIfDone();
                    return;
                } else {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
        } catch (IOException e) {
            abort("writing the server", e);
        }
    }

    private void copyBack() {
        ByteBuffer b = ByteBuffer.allocateDirect(64 << 10);
        try {
            while (server.read(b) >= 0) {
                b.flip();
                while (b.hasRemaining()) {
                    client.write(b);
                }
                b.clear();
            }
            client.shutdownOutput();
            backDone = true;
            closeIfDone();
        } catch (IOException e) {
            abort("copying the server's bytes back", e);
        }
    }

    private synchronized void closeIfDone() {
        if (forwardDone && backDone) {
            close();
        }
    }

    private void abort(String what, IOException e) {
        if (!closed) {
            LOG.debug("TCP connection ended while {}: {}", what, e.getMessage());
            close();
        }
    }

    /** Closes both sockets; the threads end. Any thread. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SocketChannel c : new SocketChannel[] {client, server}) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing a TCP socket: {}", e.getMessage());
            }
        }
        LockSupport.unpark(reader);
        LockSupport.unpark(writer);
    }
}
