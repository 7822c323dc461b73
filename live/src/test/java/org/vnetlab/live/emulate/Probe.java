package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

/**
 * A minimal RTT probe (the test's stand-in for `measure rtt`): sends numbered datagrams one at a
 * time to a reflector and times each answer; and a plain echo server for the direct path.
 */
final class Probe {

    private Probe() {
    }

    /** Median RTT in microseconds of {@code count} probes of {@code payload} bytes, {@code gapMillis} apart. */
    static double medianRttMicros(InetSocketAddress to, int payload, int count, long gapMillis) throws Exception {
        try (DatagramChannel c = DatagramChannel.open(family(to))) {
            c.bind(new InetSocketAddress(to.getAddress(), 0));
            c.connect(to);
            ByteBuffer out = ByteBuffer.allocateDirect(payload);
            ByteBuffer in = ByteBuffer.allocateDirect(2048);
            double[] rtt = new double[count];
            for (int i = 0; i < count; i++) {
                out.clear();
                out.putLong(0, i);
                long sent = System.nanoTime();
                c.write(out);
                do {
                    in.clear();
                    c.read(in);
                } while (in.getLong(0) != i);
                rtt[i] = (System.nanoTime() - sent) / 1e3;
                Thread.sleep(gapMillis);
            }
            Arrays.sort(rtt);
            return rtt[count / 2];
        }
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
