package org.vnetlab.live.emulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.vnetlab.sim.forward.TcpForwardingHost;

/**
 * Connections through the model. Each real connection the {@link TcpEdge} accepts gets its own
 * modelled connection ({@link TcpForwardingHost#open}). The client's bytes are cut into segments
 * of one MSS as they arrive and supplied to the modelled sender on machine 2. A shorter last
 * piece goes as a segment of its own only when everything sent before is acknowledged (Nagle's
 * rule), so a bulk stream is carried in full segments. No more is supplied than the modelled
 * sender's send buffer takes, as a real application's write would block; the rest waits in the
 * connection's ring, and once that is full, real TCP flow control holds the client back. When the modelled server application has
 * read a segment, the bytes up to that segment's end are written to the real server.
 */
public final class TcpCarrier implements Carrier {

    /** Drop trace of connections refused because the forward address did not accept them. */
    public static final String REFUSED = "emulator.tcp.refused";
    /** Drop trace of connections closed because the most allowed were open. */
    public static final String REJECTED = "emulator.tcp.rejected";
    /** Segments a connection may have between cut and delivered (a power of two). */
    private static final int SEGMENTS = 1 << 14;
    private static final PacingStats.Summary UNTIMED = new PacingStats.Summary(0, 0, 0, 0, 0);

    private final TcpForwardingHost host;
    private final int mss;
    private final int heldBytes;
    private final Queue<TcpRelay> accepted = new ConcurrentLinkedQueue<>();
    private final List<Stream> streams = new ArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean arrived;
    private long segmentsIn;
    private long segmentsOut;
    private long bytesOut;

    /**
     * @param readAhead bytes of a client's stream read beyond what the modelled connection holds
     */
    public TcpCarrier(TcpForwardingHost host, long readAhead) {
        this.host = host;
        this.mss = host.mss();
        long held = host.heldBytes() + readAhead;
        if (held > 1 << 29) {
            throw new IllegalArgumentException("a TCP connection would hold " + held + " bytes: lower the scenario's"
                    + " tcp window or vnetlab.emulator.tcp.read-ahead");
        }
        this.heldBytes = (int) held;
    }

    /**
     * Bytes of a client's stream a connection keeps until they leave: what the modelled
     * connection can hold (so that is never the limit) plus the read-ahead.
     */
    int heldBytes() {
        return heldBytes;
    }

    /** A connection the edge accepted and connected on; any thread. */
    void accepted(TcpRelay relay) {
        accepted.add(relay);
        arrived();
    }

    /** A connection the forward address refused; any thread. */
    void refused() {
        refused.incrementAndGet();
    }

    /** A connection closed because the most allowed were open; any thread. */
    void rejected() {
        rejected.incrementAndGet();
    }

    /** Bytes came in or a client closed; any thread. */
    void arrived() {
        arrived = true;
    }

    @Override
    public void start(long epoch) {
        // a stream's bytes enter the model when the pacing thread sees them: no arrival times to convert
    }

    @Override
    public boolean hasArrivals() {
        return arrived;
    }

    @Override
    public void admit() {
        arrived = false;
        TcpRelay relay;
        while ((relay = accepted.poll()) != null) {
            streams.add(new Stream(relay, host.open()));
        }
        // by index, not an iterator: this runs on every turn of the realtime loop
        for (int i = streams.size() - 1; i >= 0; i--) {
            Stream s = streams.get(i);
            s.cut();
            if (s.relay.finished()) {
                streams.remove(i);
            }
        }
    }

    @Override
    public long nextDeparture() {
        // bytes leave from inside the model's events (the server application's reads)
        return Long.MAX_VALUE;
    }

    @Override
    public void depart(long now) {
        // see nextDeparture
    }

    @Override
    public long packetsIn() {
        return segmentsIn;
    }

    @Override
    public long packetsOut() {
        return segmentsOut;
    }

    @Override
    public long bytesOut() {
        return bytesOut;
    }

    @Override
    public void addDrops(Map<String, Long> drops) {
        if (refused.get() > 0) {
            drops.put(REFUSED, refused.get());
        }
        if (rejected.get() > 0) {
            drops.put(REJECTED, rejected.get());
        }
    }

    /** Bytes leave from the model's own events, so there is no release lateness to report. */
    @Override
    public PacingStats.Summary release() {
        return UNTIMED;
    }

    /** A connection's bytes are not timed one by one through the model. */
    @Override
    public PacingStats.Summary transit() {
        return UNTIMED;
    }

    /** A real connection and its modelled one: which bytes each modelled segment carries. */
    private final class Stream {
        private final TcpRelay relay;
        private final TcpForwardingHost.Connection model;
        /** The stream offset where segment i ends, at {@code i & (SEGMENTS - 1)}. */
        private final long[] ends = new long[SEGMENTS];
        private long cut;
        private long segments;
        private long delivered;
        private long deliveredEnd;

        Stream(TcpRelay relay, TcpForwardingHost.Connection model) {
            this.relay = relay;
            this.model = model;
            model.supply(0);
            model.onDelivered(this::delivered);
        }

        /** Cuts what arrived into segments and supplies them to the model. */
        void cut() {
            long received = relay.received();
            long before = segments;
            long most = Math.min(model.suppliable(), delivered + SEGMENTS);
            while (received - cut >= mss && segments < most) {
                add(cut + mss);
            }
            if (received > cut && segments < most && model.idle()) {
                add(received);
            }
            if (segments > before) {
                segmentsIn += segments - before;
                model.supply(segments);
            }
        }

        private void add(long end) {
            ends[(int) (segments & (SEGMENTS - 1))] = end;
            segments++;
            cut = end;
        }

        /** The modelled server application has read {@code total} segments; on the model's thread. */
        private void delivered(long total) {
            long end = ends[(int) ((total - 1) & (SEGMENTS - 1))];
            segmentsOut += total - delivered;
            bytesOut += end - deliveredEnd;
            deliveredEnd = end;
            delivered = total;
            relay.deliver(end);
        }
    }
}
