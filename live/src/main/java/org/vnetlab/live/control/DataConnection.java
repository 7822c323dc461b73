package org.vnetlab.live.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Rejections.Kind;

/**
 * Finds a TCP test's data connection among those its listener accepts: the first from the control
 * peer's address to present the test's token. Every candidate is read at once, each with a
 * deadline of its own, so a silent or slow connection delays no other; any other connection is
 * counted ({@code bad-data-connection}) and closed.
 */
final class DataConnection {

    /** Candidates read at once; one more is turned away while they are. */
    static final int CANDIDATES = 4;
    /** Longest wait in the selector: a listener closed from outside is noticed within this. */
    private static final long POLL_MILLIS = 100;

    private final ServerSocketChannel listener;
    private final InetAddress client;
    private final long token;
    private final String test;
    private final Rejections rejections;
    private final List<Candidate> candidates = new ArrayList<>();

    /** A connection whose token is still being read. */
    private static final class Candidate {
        final SocketChannel channel;
        final ByteBuffer token = ByteBuffer.allocate(Long.BYTES);
        final long deadlineNanos;

        Candidate(SocketChannel channel, long deadlineNanos) {
            this.channel = channel;
            this.deadlineNanos = deadlineNanos;
        }
    }

    DataConnection(ServerSocketChannel listener, InetAddress client, long token, String test, Rejections rejections) {
        this.listener = listener;
        this.client = client;
        this.token = token;
        this.test = test;
        this.rejections = rejections;
    }

    /**
     * The connection, blocking, within {@code waitMillis}; each candidate has {@code tokenMillis}
     * to send its token.
     *
     * @throws IOException when none presented the token in time, or the listener was closed
     */
    SocketChannel await(long waitMillis, long tokenMillis) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        SocketChannel found = null;
        try (Selector selector = Selector.open()) {
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (found == null) {
                long now = System.nanoTime();
                expire(now);
                long next = deadline;
                for (Candidate c : candidates) {
                    next = Math.min(next, c.deadlineNanos);
                }
                if (now - deadline >= 0) {
                    throw new IOException("no data connection with the test's token within " + waitMillis + " ms");
                }
                if (!listener.isOpen()) {
                    throw new ClosedChannelException();
                }
                selector.select(Math.max(1, Math.min(POLL_MILLIS, (next - now) / 1_000_000)));
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept(selector, System.nanoTime() + tokenMillis * 1_000_000L);
                    } else if (key.isValid() && key.isReadable() && read((Candidate) key.attachment())) {
                        found = ((Candidate) key.attachment()).channel;
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (Candidate c : candidates) {
                if (c.channel != found) {
                    c.channel.close();
                }
            }
        }
        found.configureBlocking(true);
        return found;
    }

    private void accept(Selector selector, long tokenDeadline) throws IOException {
        SocketChannel c;
        while ((c = listener.accept()) != null) {
            InetSocketAddress peer = (InetSocketAddress) c.getRemoteAddress();
            if (!client.equals(peer.getAddress())) {
                reject(c, "from " + peer + ", not the control connection's address");
            } else if (candidates.size() >= CANDIDATES) {
                reject(c, "from " + peer + ", while " + CANDIDATES + " others were still to send their token");
            } else {
                c.configureBlocking(false);
                Candidate candidate = new Candidate(c, tokenDeadline);
                candidates.add(candidate);
                c.register(selector, SelectionKey.OP_READ, candidate);
            }
        }
    }

    /** Reads what the candidate sent; true when it is the test's token (a wrong one is rejected). */
    private boolean read(Candidate c) throws IOException {
        int n;
        try {
            n = c.channel.read(c.token);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            drop(c, "closed before its token");
            return false;
        }
        if (c.token.hasRemaining()) {
            return false;
        }
        if (c.token.getLong(0) != token) {
            drop(c, "with a wrong token");
            return false;
        }
        return true;
    }

    private void expire(long now) throws IOException {
        for (Candidate c : List.copyOf(candidates)) {
            if (now - c.deadlineNanos >= 0) {
                drop(c, "without its token in time");
            }
        }
    }

    private void drop(Candidate c, String why) throws IOException {
        candidates.remove(c);
        reject(c.channel, peer(c.channel) + " " + why);
    }

    private void reject(SocketChannel c, String why) throws IOException {
        rejections.count(Kind.BAD_DATA_CONNECTION, test + ": " + why);
        c.close();
    }

    private static String peer(SocketChannel c) {
        try {
            return "from " + c.getRemoteAddress();
        } catch (IOException e) {
            return "from an unknown address";
        }
    }
}
