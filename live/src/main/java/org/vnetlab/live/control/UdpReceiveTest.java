package org.vnetlab.live.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.data.DataThreads;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Sockets;
import org.vnetlab.live.data.Tally;
import org.vnetlab.live.data.UdpReceiver;

/** rx over UDP: the client sends, the server's receiver counts; ends a moment after the client's Finish. */
final class UdpReceiveTest implements ServerTest {

    /** How long after Finish datagrams still in flight are waited for. */
    static final long DRAIN_MILLIS = 200;

    private final DatagramChannel channel;
    private final UdpReceiver receiver;
    private final String name;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    UdpReceiveTest(String name, InetSocketAddress local, InetAddress client, long token, int payload,
                   Rejections rejections) throws IOException {
        this.name = name;
        this.channel = Sockets.udp(local.getAddress(), 0);
        try {
            this.receiver = new UdpReceiver(channel, token, payload, client, rejections);
        } catch (RuntimeException | Error e) {
            channel.close();   // no memory for the receive buffer: the socket must not outlive the refusal
            throw e;
        }
    }

    @Override
    public int dataPort() {
        return Sockets.port(channel);
    }

    @Override
    public void start() {
        DataThreads.start(name + "-udp-rx", () -> {
            receiver.run();
            return null;
        }).whenComplete(DataThreads.into(done));
    }

    @Override
    public void finish(Finish finish) {
        // closing the channel ends the receiver's loop, and with it the test
        Executor later = CompletableFuture.delayedExecutor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        CompletableFuture.runAsync(() -> {
            try {
                close();
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        }, later);
    }

    @Override
    public Tally tally() {
        return receiver.tally();
    }

    @Override
    public long reordered() {
        return receiver.reordered();
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
