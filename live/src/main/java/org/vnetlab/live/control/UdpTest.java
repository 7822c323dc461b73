package org.vnetlab.live.control;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.vnetlab.live.data.DataThreads;
import org.vnetlab.live.data.Sockets;

/**
 * The server's side of a UDP test, either way: a data socket on the control connection's local
 * address, the one worker that uses it (a receiver or a paced sender) and the data thread it runs on.
 *
 * @param <W> the worker
 */
abstract sealed class UdpTest<W> implements ServerTest permits UdpReceiveTest, UdpSendTest {

    final DatagramChannel channel;
    final W worker;
    private final String thread;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** Opens the data socket and makes the worker on it; {@code thread} names the data thread. */
    UdpTest(String thread, InetAddress local, Function<DatagramChannel, W> worker) throws IOException {
        this.thread = thread;
        this.channel = Sockets.udp(local, 0);
        try {
            this.worker = worker.apply(channel);
        } catch (RuntimeException | Error e) {
            channel.close();   // no memory for the worker's buffer: the socket must not outlive the refusal
            throw e;
        }
    }

    /** What the data thread does; the test ends when it returns. */
    abstract void serve() throws IOException;

    @Override
    public final int dataPort() {
        return Sockets.port(channel);
    }

    @Override
    public final void start() {
        DataThreads.start(thread, () -> {
            serve();
            return null;
        }).whenComplete(DataThreads.into(done));
    }

    @Override
    public final CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
