package org.vnetlab.live.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Rejections.Kind;
import org.vnetlab.live.data.Sockets;
import org.vnetlab.live.data.Tally;

/**
 * The single-threaded UDP reflector of the study: receive one probe, send it back, in a loop. It is
 * not a weapon: it answers only a probe that carries the token of a live test and comes from that
 * test's client address and port, no longer than the test's payload, and only until the test's end.
 * It sends back exactly the bytes it received, never more, and never to itself: a lease for its
 * own address and port is refused, so no single spoofed probe can loop it. Allocation-free per probe.
 */
public final class Reflector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);
    /** Ended tests remembered so their tokens count as replayed rather than unknown. */
    private static final int REMEMBERED = 64;

    /** A live test: its token, client, largest probe and end. */
    public static final class Lease {
        final long token;
        final InetSocketAddress client;
        final int payload;
        final long deadlineNanos;
        final Tally tally = new Tally();

        Lease(long token, InetSocketAddress client, int payload, long deadlineNanos) {
            this.token = token;
            this.client = client;
            this.payload = payload;
            this.deadlineNanos = deadlineNanos;
        }

        /** What was reflected under this lease. */
        public Tally tally() {
            return tally;
        }
    }

    private final DatagramChannel channel;
    private final Rejections rejections;
    private final Thread thread;
    private final long[] ended = new long[REMEMBERED];
    private int endedNext;
    private volatile Lease[] leases = new Lease[0];

    /** Binds {@code address} and starts the reflecting thread. */
    public Reflector(InetSocketAddress address, int maxPayload, Rejections rejections) throws IOException {
        this.channel = Sockets.udp(address.getAddress(), address.getPort());
        this.rejections = rejections;
        ByteBuffer buffer = ByteBuffer.allocateDirect(maxPayload + 1);
        this.thread = new Thread(() -> loop(buffer), "vnetlab-reflector");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public int port() {
        return ((InetSocketAddress) localAddress()).getPort();
    }

    /**
     * Lets {@code client} have its probes with {@code token} reflected until {@code deadlineNanos}.
     *
     * @throws IllegalArgumentException when the client is this reflector's own socket
     */
    public synchronized Lease open(long token, InetSocketAddress client, int payload, long deadlineNanos) {
        if (isSelf(client)) {
            throw new IllegalArgumentException("a reflector does not send to itself (" + client + ")");
        }
        Lease lease = new Lease(token, client, payload, deadlineNanos);
        Lease[] next = Arrays.copyOf(leases, leases.length + 1);
        next[leases.length] = lease;
        leases = next;
        return lease;
    }

    /**
     * Whether {@code address} is this reflector's own socket: its port at its bound address, or
     * at any address of this host when it is bound to the wildcard.
     */
    public boolean isSelf(InetSocketAddress address) {
        if (address.getPort() != port()) {
            return false;
        }
        InetAddress a = address.getAddress();
        InetAddress bound = ((InetSocketAddress) localAddress()).getAddress();
        if (a.equals(bound) || a.isLoopbackAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        try {
            return bound.isAnyLocalAddress() && NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            return true;   // cannot tell: refuse rather than risk a loop
        }
    }

    private SocketAddress localAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ends a test: its token is answered no more. */
    public synchronized void end(Lease lease) {
        Lease[] next = Arrays.stream(leases).filter(l -> l != lease).toArray(Lease[]::new);
        if (next.length != leases.length) {
            ended[endedNext] = lease.token;
            endedNext = (endedNext + 1) % REMEMBERED;
        }
        leases = next;
    }

    private void loop(ByteBuffer buffer) {
        try {
            while (true) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                int length = buffer.position();
                Lease lease = admit(buffer, from, length);
                if (lease != null) {
                    buffer.flip();
                    channel.send(buffer, from);
                    lease.tally.add(length, System.nanoTime(), true);
                }
            }
        } catch (ClosedChannelException e) {
            LOG.debug("reflector closed");
        } catch (IOException e) {
            LOG.error("reflector stopped: {}", e.toString());
        }
    }

    /** The lease this probe may be answered under, or null (counted as rejected). */
    private Lease admit(ByteBuffer buffer, SocketAddress from, int length) {
        if (length >= buffer.capacity()) {
            rejections.count(Kind.OVERSIZED_DATAGRAM, from);
            return null;
        }
        if (length < ProbePacket.BYTES) {
            rejections.count(Kind.TRUNCATED_DATAGRAM, from);
            return null;
        }
        long token = ProbePacket.token(buffer);
        Lease[] live = leases;
        for (Lease l : live) {
            if (l.token != token) {
                continue;
            }
            if (!l.client.equals(from)) {
                rejections.count(Kind.WRONG_SOURCE, from);
                return null;
            }
            if (System.nanoTime() - l.deadlineNanos > 0) {
                rejections.count(Kind.REPLAYED_TOKEN, from);
                return null;
            }
            if (length > l.payload) {
                rejections.count(Kind.OVERSIZED_DATAGRAM, from);
                return null;
            }
            return l;
        }
        rejections.count(wasLive(token) ? Kind.REPLAYED_TOKEN : Kind.WRONG_TOKEN, from);
        return null;
    }

    private synchronized boolean wasLive(long token) {
        for (long t : ended) {
            if (t == token && t != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
