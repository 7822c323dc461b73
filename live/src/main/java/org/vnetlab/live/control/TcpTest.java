package org.vnetlab.live.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.data.DataThreads;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Tally;
import org.vnetlab.live.data.TcpBulk;

/**
 * A TCP bulk test, either way. The data listener takes the first connection from the control
 * peer's address that presents the test's token; any other connection is counted and closed. rx:
 * the server reads until the client closes; tx: it writes for the duration.
 */
final class TcpTest implements ServerTest {

    private final ServerSocketChannel listener;
    private final String name;
    private final InetAddress client;
    private final long token;
    private final boolean serverSends;
    private final long durationNanos;
    private final long handshakeMillis;
    private final long tokenMillis;
    private final Rejections rejections;
    private final TcpBulk bulk = new TcpBulk();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile SocketChannel data;

    TcpTest(String name, InetSocketAddress local, InetAddress client, long token, boolean serverSends,
            long durationNanos, long handshakeMillis, long tokenMillis, Rejections rejections) throws IOException {
        this.name = name;
        this.client = client;
        this.token = token;
        this.serverSends = serverSends;
        this.durationNanos = durationNanos;
        this.handshakeMillis = handshakeMillis;
        this.tokenMillis = tokenMillis;
        this.rejections = rejections;
        this.listener = ServerSocketChannel.open(org.vnetlab.live.data.Sockets.family(local.getAddress()));
        listener.bind(new InetSocketAddress(local.getAddress(), 0), 4);
    }

    @Override
    public int dataPort() {
        return listener.socket().getLocalPort();
    }

    @Override
    public void start() {
        DataThreads.start(name + (serverSends ? "-tcp-tx" : "-tcp-rx"), () -> {
            SocketChannel c = awaitClient();
            data = c;
            try (c) {
                if (serverSends) {
                    bulk.send(c, durationNanos);
                } else {
                    bulk.receive(c);
                }
            }
            return null;
        }).whenComplete(DataThreads.into(done));
    }

    private SocketChannel awaitClient() throws IOException {
        try (listener) {
            return new DataConnection(listener, client, token, name, rejections).await(handshakeMillis, tokenMillis);
        }
    }

    @Override
    public void finish(Finish finish) {
        // rx ends when the client closes its data connection; tx when the duration is over
    }

    @Override
    public Tally tally() {
        return bulk.tally();
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() throws IOException {
        bulk.stop();
        listener.close();
        SocketChannel c = data;
        if (c != null) {
            c.close();
        }
    }
}
