package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's real UDP socket. A dedicated receive thread (blocking {@link DatagramChannel},
 * no Pekko Streams on the data path: their UDP send side has no backpressure) stamps each
 * datagram's arrival and hands it to the {@link IngressRing}; the pacing thread sends datagrams
 * on from the same socket, to the forward address or back to their sender.
 */
public final class UdpEdge implements Edge, Egress {

    private static final Logger LOG = LoggerFactory.getLogger(UdpEdge.class);
    /** Socket buffers asked for, bytes: bursts of a fast client must not be lost before the model sees them. */
    private static final int SOCKET_BUFFER = 4 << 20;

    private final DatagramChannel channel;
    private final IngressRing ring;
    private final SocketAddress forward;
    private final int maxPayload;
    private Thread receiver;
    private volatile boolean closing;

    /** Binds the socket; it takes datagrams as large as its ring's slots hold. */
    public UdpEdge(InetSocketAddress listen, SocketAddress forward, IngressRing ring) throws IOException {
        this(listen, forward, ring, Integer.MAX_VALUE);
    }

    /**
     * Binds the socket.
     *
     * @param forward    where datagrams go on, or null to answer each one to its sender
     * @param maxPayload the largest datagram the modelled path carries (its MTU less the IP and UDP
     *                   headers); larger ones are dropped as oversize, as the model has no fragments
     */
    public UdpEdge(InetSocketAddress listen, SocketAddress forward, IngressRing ring, int maxPayload)
            throws IOException {
        this.channel = DatagramChannel.open(listen.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
        channel.bind(listen);
        this.ring = ring;
        this.forward = forward;
        this.maxPayload = maxPayload;
    }

    @Override
    public void start(Runnable onArrival, BiConsumer<String, String> onFailure) {
        receiver = new Thread(() -> receive(onArrival, onFailure), "vnetlab-emulator-rx");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** The bound address (the real port when the listen port was 0). */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void receive(Runnable onArrival, BiConsumer<String, String> onFailure) {
        ByteBuffer spill = ByteBuffer.allocateDirect(65536);
        try {
            while (!closing) {
                ByteBuffer slot = ring.claim();
                if (slot == null) {
                    spill.clear();
                    channel.receive(spill);
                    ring.overflowed();
                    continue;
                }
                SocketAddress from = channel.receive(slot);
                if (!slot.hasRemaining() || slot.position() > maxPayload) {
                    // filled the slot: the datagram may have been cut; never forward a truncated one,
                    // nor one the modelled path's MTU would not carry
                    ring.oversized();
                    continue;
                }
                ring.publish(from, System.nanoTime());
                onArrival.run();
            }
        } catch (ClosedChannelException closed) {
            LOG.debug("emulator socket closed");
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                onFailure.accept("udp edge", "receive on " + describe() + ": " + e.getMessage());
            }
        }
    }

    private String describe() {
        try {
            return String.valueOf(channel.getLocalAddress());
        } catch (IOException e) {
            return "the listen socket";
        }
    }

    @Override
    public void send(ByteBuffer datagram, SocketAddress source) throws IOException {
        channel.send(datagram, forward != null ? forward : source);
    }

    @Override
    public void close() {
        closing = true;
        try {
            channel.close();
            if (receiver != null) {
                receiver.join(2000);
            }
        } catch (IOException e) {
            LOG.warn("closing the emulator socket: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
