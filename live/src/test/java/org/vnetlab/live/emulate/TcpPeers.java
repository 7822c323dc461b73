package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.vnetlab.live.Deadlines;

/** A TCP server and clients for emulator tests: streams of seeded bytes, checked end to end. */
final class TcpPeers {

    private TcpPeers() {
    }

    /** The bytes a client with {@code seed} sends: the same for the same seed. */
    static void fill(ByteBuffer b, SplittableRandom random) {
        while (b.remaining() >= Long.BYTES) {
            b.putLong(random.nextLong());
        }
        while (b.hasRemaining()) {
            b.put((byte) random.nextInt());
        }
    }

    /**
     * A server that reads each connection to its end, keeps its length and CRC-32 (by the
     * connection's first 8 bytes, the client's id), answers the length, and closes. It also counts
     * all bytes read, for throughput windows.
     */
    /** How long a sender waits for the server's answer after its last byte. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(60);

    static final class Server implements AutoCloseable {
        private final ServerSocketChannel channel;
        private final Thread acceptor;
        private final AtomicLong bytes = new AtomicLong();
        final ConcurrentHashMap<Long, long[]> streams = new ConcurrentHashMap<>();
        private long windowStart;
        private long windowBytes;

        Server(InetSocketAddress bind) throws IOException {
            channel = ServerSocketChannel.open().bind(bind);
            acceptor = new Thread(this::accept, "test-tcp-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        private void accept() {
            try {
                while (true) {
                    SocketChannel c = channel.accept();
                    Thread t = new Thread(() -> serve(c), "test-tcp-conn");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                // the test ended
            }
        }

        private void serve(SocketChannel c) {
            try (c) {
                ByteBuffer b = ByteBuffer.allocate(64 << 10);
                ByteBuffer id = ByteBuffer.allocate(Long.BYTES);
                CRC32 crc = new CRC32();
                long length = 0;
                int n;
                while ((n = c.read(b)) >= 0) {
                    bytes.addAndGet(n);
                    b.flip();
                    while (id.hasRemaining() && b.hasRemaining()) {
                        id.put(b.get());
                    }
                    length += b.remaining();
                    crc.update(b);
                    b.clear();
                }
                streams.put(id.flip().getLong(), new long[] {length, crc.getValue()});
                ByteBuffer answer = ByteBuffer.allocate(Long.BYTES).putLong(length).flip();
                while (answer.hasRemaining()) {
                    c.write(answer);
                }
            } catch (IOException e) {
                // a broken connection shows as a missing stream
            }
        }

        void openWindow() {
            windowStart = System.nanoTime();
            windowBytes = bytes.get();
        }

        double windowMbps() {
            return (bytes.get() - windowBytes) * 8e3 / (System.nanoTime() - windowStart);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Connects to {@code to}, sends its id and {@code length} seeded bytes, closes its side and
     * returns the server's answer; the CRC-32 of what it sent goes to {@code crc}.
     */
    static long send(InetSocketAddress to, long id, long length, CRC32 crc) throws IOException {
        try (SocketChannel c = SocketChannel.open(to)) {
            ByteBuffer head = ByteBuffer.allocate(Long.BYTES).putLong(id).flip();
            while (head.hasRemaining()) {
                c.write(head);
            }
            SplittableRandom random = new SplittableRandom(id);
            ByteBuffer b = ByteBuffer.allocate(64 << 10);
            long left = length;
            while (left > 0) {
                b.clear().limit((int) Math.min(b.capacity(), left));
                fill(b, random);
                b.flip();
                crc.update(b.duplicate());
                while (b.hasRemaining()) {
                    left -= c.write(b);
                }
            }
            c.shutdownOutput();
            ByteBuffer answer = ByteBuffer.allocate(Long.BYTES);
            Deadlines.readFully(c, answer, ANSWER_WAIT);   // the server answers once it read everything
            return answer.position() == Long.BYTES ? answer.flip().getLong() : -1;
        }
    }

    /** Sends seeded bytes to {@code to} until {@code nanos} have passed, then closes. */
    static void bulk(InetSocketAddress to, long nanos) throws IOException {
        long end = System.nanoTime() + nanos;
        try (SocketChannel c = SocketChannel.open(to)) {
            ByteBuffer b = ByteBuffer.allocate(64 << 10);
            fill(b, new SplittableRandom(1));
            while (System.nanoTime() < end) {
                b.clear();
                c.write(b);
            }
        }
    }
}
