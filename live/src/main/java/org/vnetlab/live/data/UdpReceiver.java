package org.vnetlab.live.data;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.vnetlab.live.data.Rejections.Kind;

/**
 * Receives a test's datagrams until its channel is closed: counts delivered payload and reordering,
 * and rejects (counts, never trusts) any datagram of the wrong size, token or source, and any
 * sequence number it took before (a replay, counted as {@code replayed-token}). Allocation-free per
 * datagram; runs on its own thread.
 */
public final class UdpReceiver implements Runnable {

    private final DatagramChannel channel;
    private final long token;
    private final int payload;
    private final InetAddress source;
    private final Rejections rejections;
    private final Tally tally = new Tally();
    private final ByteBuffer buffer;
    private final SequenceWindow window = new SequenceWindow();
    private volatile long reordered;

    /**
     * @param source the only address datagrams are accepted from, or null for any (the client side,
     *               whose channel is connected to the server)
     */
    public UdpReceiver(DatagramChannel channel, long token, int payload, InetAddress source, Rejections rejections) {
        this.channel = channel;
        this.token = token;
        this.payload = payload;
        this.source = source;
        this.rejections = rejections;
        this.buffer = ByteBuffer.allocateDirect(payload + 1);
    }

    @Override
    public void run() {
        try {
            while (true) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                accept(from, buffer.position(), System.nanoTime());
            }
        } catch (ClosedChannelException e) {
            // the test ended
        } catch (IOException e) {
            if (channel.isOpen()) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void accept(SocketAddress from, int length, long now) {
        if (length > payload) {
            rejections.count(Kind.OVERSIZED_DATAGRAM, from);
        } else if (length < payload) {
            rejections.count(Kind.TRUNCATED_DATAGRAM, from);
        } else if (buffer.getLong(DataHeader.TOKEN_OFFSET) != token) {
            rejections.count(Kind.WRONG_TOKEN, from);
        } else if (source != null && !source.equals(((InetSocketAddress) from).getAddress())) {
            rejections.count(Kind.WRONG_SOURCE, from);
        } else {
            long seq = buffer.getLong(DataHeader.SEQUENCE_OFFSET);
            if (seq < 0) {
                return; // a late hello
            }
            switch (window.take(seq)) {
                case IN_ORDER -> tally.add(length, now, true);
                case LATE -> {
                    reordered = reordered + 1;
                    tally.add(length, now, true);
                }
                case REPEATED -> rejections.count(Kind.REPLAYED_TOKEN, from);
            }
        }
    }

    public Tally tally() {
        return tally;
    }

    /** Datagrams that arrived after one with a higher sequence number. */
    public long reordered() {
        return reordered;
    }
}
