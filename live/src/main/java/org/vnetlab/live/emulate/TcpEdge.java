package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's real TCP side: it accepts connections at the listen address and, for each, opens
 * one to the forward address and hands the pair to the {@link TcpCarrier} as a {@link TcpRelay}.
 * A connection the forward address refuses is closed and counted, and so is one past the most
 * connections at once (each holds a ring of megabytes and three threads). The accepted sockets
 * get a small fixed receive buffer: Linux's autotuned one would hold megabytes the model never saw.
 */
public final class TcpEdge implements Edge {

    private static final Logger LOG = LoggerFactory.getLogger(TcpEdge.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final ServerSocketChannel listener;
    private final InetSocketAddress forward;
    private final TcpCarrier carrier;
    private final EmulatorSettings settings;
    private final Set<TcpRelay> relays = ConcurrentHashMap.newKeySet();
    private Thread acceptor;
    private volatile boolean closing;

    /** Binds the listen socket. */
    public TcpEdge(InetSocketAddress listen, InetSocketAddress forward, TcpCarrier carrier, EmulatorSettings settings)
            throws IOException {
        this.listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_RCVBUF, settings.tcpSocketBuffer());
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(listen);
        this.forward = forward;
        this.carrier = carrier;
        this.settings = settings;
    }

    /** The bound address (the real port when the listen port was 0). */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) listener.getLocalAddress();
    }

    @Override
    public void start(Runnable onArrival, BiConsumer<String, String> onFailure) {
        acceptor = new Thread(() -> accept(onArrival, onFailure), "vnetlab-emulator-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(Runnable onArrival, BiConsumer<String, String> onFailure) {
        int connections = 0;
        try {
            while (!closing) {
                SocketChannel client = listener.accept();
                relays.removeIf(TcpRelay::finished);
                if (relays.size() >= settings.tcpMaxConnections()) {
                    LOG.warn("emulator: {} connections open, the most allowed (vnetlab.emulator.tcp.max-connections):"
                            + " closing a new one", relays.size());
                    carrier.rejected();
                    client.close();
                    continue;
                }
                SocketChannel server = connectForward(client);
                if (server == null) {
                    continue;
                }
                TcpRelay relay = new TcpRelay(client, server, carrier.heldBytes(), () -> {
                    carrier.arrived();
                    onArrival.run();
                });
                relays.add(relay);
                relay.start("vnetlab-emulator-tcp" + (++connections));
                carrier.accepted(relay);
                onArrival.run();
            }
        } catch (ClosedChannelException closed) {
            LOG.debug("emulator listen socket closed");
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                onFailure.accept("tcp edge", "accept on " + describe() + ": " + e.getMessage());
            }
        }
    }

    /** The connection to the forward address, or null (counted) when it cannot be made. */
    private SocketChannel connectForward(SocketChannel client) throws IOException {
        SocketChannel server = SocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
            server.socket().connect(forward, CONNECT_TIMEOUT_MILLIS);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return server;
        } catch (IOException e) {
            LOG.warn("emulator: {} did not accept a connection: {}", forward, e.getMessage());
            carrier.refused();
            server.close();
            client.close();
            return null;
        }
    }

    private String describe() {
        try {
            return String.valueOf(listener.getLocalAddress());
        } catch (IOException e) {
            return "the listen socket";
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            listener.close();
            relays.forEach(TcpRelay::close);
            if (acceptor != null) {
                acceptor.join(2000);
            }
        } catch (IOException e) {
            LOG.warn("closing the emulator's listen socket: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
