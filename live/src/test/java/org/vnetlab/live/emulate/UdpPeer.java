package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The test's machine 2: a receiving socket on its own thread that counts datagrams and payload
 * bytes (with arrival times for a window), and a paced sender. Every thread and socket ends in close().
 */
final class UdpPeer implements AutoCloseable {

    final DatagramChannel channel;
    private final Thread receiver;
    private volatile boolean closing;
    final AtomicLong packets = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    /** Bytes received from {@link #windowStart} on. */
    private volatile long windowStart = Long.MAX_VALUE;
    final AtomicLong windowBytes = new AtomicLong();
    private volatile long lastArrival;

    UdpPeer(InetSocketAddress bind) throws IOException {
        channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.bind(bind);
        receiver = new Thread(this::receive, "test-peer-rx");
        receiver.setDaemon(true);
        receiver.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void receive() {
        ByteBuffer b = ByteBuffer.allocateDirect(65536);
        try {
            while (!closing) {
                b.clear();
                channel.receive(b);
                long now = System.nanoTime();
                packets.incrementAndGet();
                bytes.addAndGet(b.position());
                if (now >= windowStart) {
                    windowBytes.addAndGet(b.position());
                    lastArrival = now;
                }
            }
        } catch (IOException closed) {
            // closed by close()
        }
    }

    /** Counts bytes in a window from now on. */
    void openWindow() {
        windowStart = System.nanoTime();
    }

    /** Payload Mbit/s over the window up to now. */
    double windowMbps() {
        return windowBytes.get() * 8e3 / (System.nanoTime() - windowStart);
    }

    /** Sends {@code payload}-byte datagrams to {@code to} at {@code rate} per second for {@code nanos}; returns how many. */
    long send(InetSocketAddress to, int payload, double rate, long nanos) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(payload);
        long gap = Math.round(1e9 / rate);
        long start = System.nanoTime();
        long next = start;
        long sent = 0;
        while (next - start < nanos) {
            long wait = next - System.nanoTime();
            if (wait > 100_000) {
                LockSupport.parkNanos(wait - 80_000);
                continue;
            }
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            b.clear();
            b.putLong(0, sent);
            channel.send(b, to);
            sent++;
            next += gap;
        }
        return sent;
    }

    @Override
    public void close() throws IOException {
        closing = true;
        channel.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
