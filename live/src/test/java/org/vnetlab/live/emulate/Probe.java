package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

/**
 * A minimal RTT probe (the test's stand-in for `measure rtt`): sends numbered datagrams one at a
 * time to a reflector and times each answer; and a plain echo server for the direct path.
 */
final class Probe {

    private Probe() {
    }

    /**
     * A probe sender with its own socket, connected to one reflector. A probe not answered within
     * {@link #LOST_AFTER_NANOS} is lost: its RTT is infinite, so a median over many stays what it is
     * unless half are lost, and no lost datagram can hang a test.
     */
    static final class Pinger implements AutoCloseable {
        static final long LOST_AFTER_NANOS = 1_000_000_000L;
        private final DatagramChannel channel;
        private final Selector selector;
        private final ByteBuffer out;
        private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
        private long next;

        Pinger(InetSocketAddress to, int payload) throws IOException {
            channel = DatagramChannel.open(family(to));
            channel.bind(new InetSocketAddress(to.getAddress(), 0));
            channel.connect(to);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            out = ByteBuffer.allocateDirect(payload);
        }

        /** Sends one numbered probe and waits for its answer; its RTT in microseconds, infinite if lost. */
        double rttMicros() throws IOException {
            long id = next++;
            out.clear();
            out.putLong(0, id);
            long sent = System.nanoTime();
            channel.write(out);
            while (true) {
                in.clear();
                if (channel.read(in) > 0) {
                    if (in.getLong(0) == id) {
                        return (System.nanoTime() - sent) / 1e3;
                    }
                    continue;   // a late answer to an earlier probe
                }
                long left = sent + LOST_AFTER_NANOS - System.nanoTime();
                if (left <= 0) {
                    return Double.POSITIVE_INFINITY;
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
            }
        }

        @Override
        public void close() throws IOException {
            selector.close();
            channel.close();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static StandardProtocolFamily family(InetSocketAddress a) {
        return a.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
    }

    /** A UDP echo server on its own thread: the direct path's reflector. */
    static final class Echo implements AutoCloseable {
        final DatagramChannel channel;
        private final Thread thread;

        Echo(InetSocketAddress bind) throws IOException {
            channel = DatagramChannel.open(family(bind));
            channel.bind(bind);
            thread = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocateDirect(2048);
                try {
                    while (true) {
                        b.clear();
                        var from = channel.receive(b);
                        b.flip();
                        channel.send(b, from);
                    }
                } catch (IOException closed) {
                    // closed by close()
                }
            }, "test-echo");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        @Override
        public void close() throws IOException {
            channel.close();
            try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        }
    }
}
