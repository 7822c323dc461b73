package org.vnetlab.sim.app;

import java.util.function.LongConsumer;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.param.Gso;
import org.vnetlab.sim.param.TcpSettings;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * An iperf-like bulk TCP sender, per segment: slow start, congestion avoidance (Reno or CUBIC),
 * fast retransmit and NewReno recovery after three duplicate ACKs, a retransmission timeout
 * (RFC 6298, Linux's 200 ms floor) that goes back to the first unacknowledged segment, and the
 * receiver's advertised window. Sequence numbers count segments of one MSS. ACKs arrive on
 * {@link #acks()}, already paid for by the receiving softirq. It has data without end (iperf),
 * unless its application hands it over with {@link #supply}: a relay, or the emulator's real socket.
 */
public final class TcpSender extends BatchSender {

    /** The segments a sender sends. */
    public record Segments(int flow, int mss, PacketKind kind) {
    }

    private static final int MAX_BATCH = 16;
    private final Kernel kernel;
    private final Segments segments;
    private final TcpSettings settings;
    private final CongestionControl congestion;
    private final PacketQueue acks;
    /** Segments the send buffer holds: the most that can be unacknowledged. */
    private final long sendBuffer;
    private long stopAt = Long.MAX_VALUE;
    /** Segments the application has handed over; new data is never sent past it. */
    private long supplied = Long.MAX_VALUE;
    private LongConsumer acknowledged = segments -> { };
    private long sndUna;
    private long sndNxt;
    private long recover;
    private double cwnd;
    private double ssthresh = Double.MAX_VALUE;
    private long rwnd;
    private int dupAcks;
    private boolean inRecovery;
    private long retransmitSeq = -1;
    private long srtt;
    private long rttvar;
    private long rto;
    private long sent;
    private long retransmitted;
    private long batchSeq;
    /**
     * When the part not yet released began, the segments sent, and whether one did not fit in
     * the device queue.
     */
    private long partStart;
    private int sentInJob;
    private boolean blocked;
    private final Train out = new Train();
    /** The ACKs being read. */
    private final Train ack = new Train();
    private final Event timeout = new Event(name() + ".rto") {
        @Override
        protected void fire() {
            onTimeout();
        }
    };

    /**
     * @param deviceCost transmit work below IP per request of the device (the driver's per skb, netfront's per ring slot)
     * @param gso        whether the segments go to the device in GSO skbs of up to 64 KB, and its requests per skb
     * @param window     the receiver's window until its first ACK, segments
     */
    public TcpSender(String name, Domain domain, Kernel kernel, PacketPort port, Segments segments, GuestStack stack,
                     double deviceCost, Gso gso, TcpSettings settings, CongestionControl congestion, long window,
                     RandomStream random) {
        super(name, domain, port, perSegment(segments, stack, settings, deviceCost, gso), stack.costs().jitter,
                random);
        this.kernel = kernel;
        this.segments = segments;
        this.settings = settings;
        this.congestion = congestion;
        this.cwnd = settings.initialWindow();
        this.sendBuffer = settings.sendBufferSegments(segments.mss());
        this.rwnd = window;
        this.rto = Math.max(settings.minRtoNanos(), 1_000_000_000L);
        this.acks = PacketQueue.unbounded(name + ".acks");
        acks.onNonEmpty(this::drainAcks);
        out.of(segments.kind(), segments.mss(), segments.flow());
    }

    /**
     * The CPU work of one segment: its share of a write call, the copy, and the layers below, which
     * a GSO skb pays once for all its segments (TCP and IP output) or per device request (a driver
     * transmit, or a ring slot of netfront).
     */
    private static double perSegment(Segments segments, GuestStack stack, TcpSettings settings, double deviceCost,
                                     Gso gso) {
        double writeShare = (double) segments.mss() / settings.appIoBytes();
        PacketKind kind = segments.kind();
        return stack.sendCall(0) * writeShare + stack.costs().socketPerByte * segments.mss()
                + stack.tx(kind) * gso.perSkb(kind, segments.mss()) + deviceCost * gso.perRequest(kind, segments.mss());
    }

    /** Where the ACKs of this connection are delivered. */
    public PacketQueue acks() {
        return acks;
    }

    public void start(long at, long until) {
        stopAt = until;
        kernel.scheduleAt(new Event(name()) {
            @Override
            protected void fire() {
                wake();
            }
        }, at);
    }

    /**
     * The application has now handed over {@code segments} segments in all (never fewer than
     * before); from this call on the sender sends no new data past them.
     */
    public void supply(long segments) {
        supplied = segments;
        wake();
    }

    /** Hears the total of segments acknowledged, as it grows (a relay reads more when its sent data is acknowledged). */
    public void onAcknowledged(LongConsumer listener) {
        this.acknowledged = listener;
    }

    /** Segments the send buffer holds: the most the application can have handed over and not yet acknowledged. */
    public long sendBufferSegments() {
        return sendBuffer;
    }

    /** Segments acknowledged so far (all before the first unacknowledged one). */
    public long acknowledged() {
        return sndUna;
    }

    /** Whether all the data supplied is sent and acknowledged. */
    public boolean idle() {
        return sndUna == sndNxt && sndNxt >= supplied;
    }

    /** Segments sent, retransmissions included. */
    public long sent() {
        return sent;
    }

    public long retransmitted() {
        return retransmitted;
    }

    private long window() {
        return Math.min(Math.min((long) Math.floor(cwnd), rwnd), sendBuffer);
    }

    @Override
    protected boolean hasWork(long now) {
        boolean want = retransmitSeq >= 0 || (now < stopAt && sndNxt < supplied && sndNxt - sndUna < window());
        if (!want) {
            return false;
        }
        return roomFor(now);
    }

    @Override
    protected int beginBatch(long now) {
        int n;
        if (retransmitSeq >= 0) {
            batchSeq = retransmitSeq;
            n = 1;
            retransmitSeq = -1;
            retransmitted++;
        } else {
            batchSeq = sndNxt;
            n = (int) Math.min(Math.min(Math.min(window() - (sndNxt - sndUna), MAX_BATCH), port.room(now)),
                    supplied - sndNxt);
            sndNxt += n;
        }
        partStart = now;
        sentInJob = 0;
        blocked = false;
        return n;
    }

    @Override
    protected void batchDone(long end) {
        // what did not fit in the device queue is sent again later
        if (sentInJob < batch && batchSeq + batch == sndNxt) {
            sndNxt -= batch - sentInJob;
        }
    }

    /**
     * The CPU has done the segments up to {@code upTo} by {@code now}: they leave as one train,
     * evenly over the part, unless the device queue is (or was) full.
     */
    @Override
    protected void release(int upTo, long now) {
        int n = upTo - sentInJob;
        int sendable = blocked ? 0 : Math.min(n, port.room(now));
        if (sendable > 0) {
            long step = (now - partStart) / n;
            long first = now - (n - 1) * step;
            port.send(out.readyAt(first).readyEvery(step).stampedAt(first).stampedEvery(step)
                    .seq(batchSeq + sentInJob).count(sendable));
            sentInJob += sendable;
            sent += sendable;
            armTimeout(first);
        }
        blocked |= sendable < n;
        partStart = now;
    }

    /**
     * Arms the retransmission timer, unless it runs, from the send of the first segment that
     * found none outstanding (tcp_event_new_data_sent): in trains a part's segments are handed
     * over at its end, but the first of them left at {@code firstSent}.
     */
    private void armTimeout(long firstSent) {
        if (!timeout.isScheduled()) {
            kernel.scheduleAt(timeout, firstSent + rto);
        }
    }

    private void drainAcks() {
        long now = kernel.now();
        while (!acks.isEmpty()) {
            // an ACK is numbered with the next segment its receiver expects and carries its window
            acks.head(ack);
            for (int j = 0; j < ack.count(); j++) {
                // tcp_ack runs as the softirq takes each ACK: in trains a part's ACKs are handed
                // over at its end, each ready (taken) at its own time
                onAck(ack.seq() + j, ack.ack(), ack.stampOf(j), Math.min(ack.readyOf(j), now));
            }
            acks.removeHead(ack.count());
        }
        acknowledged.accept(sndUna);
        wake();
    }

    /**
     * One ACK: cumulative acknowledgement {@code ack} (the next segment expected), the
     * receiver's window in segments, and the echoed send time of the segment it answers.
     */
    private void onAck(long ack, long window, long echo, long now) {
        rwnd = window;
        if (ack > sndUna) {
            int acked = (int) (ack - sndUna);
            sndUna = ack;
            sample(now - echo);
            if (inRecovery) {
                if (ack >= recover) {
                    inRecovery = false;
                    cwnd = ssthresh;
                } else {
                    // NewReno partial ACK: the next hole is lost too
                    retransmitSeq = sndUna;
                    cwnd = Math.max(cwnd - acked + 1, 1);
                }
            } else if (cwnd < ssthresh) {
                cwnd += acked;
            } else {
                cwnd = congestion.avoid(cwnd, acked, now, srtt);
            }
            dupAcks = 0;
            if (sndNxt < sndUna) {
                sndNxt = sndUna;
            }
            if (sndNxt > sndUna) {
                kernel.scheduleAt(timeout, now + rto);
            } else {
                kernel.cancel(timeout);
            }
        } else if (ack == sndUna && sndNxt > sndUna) {
            dupAcks++;
            if (dupAcks == settings.dupackThreshold() && !inRecovery) {
                ssthresh = congestion.onLoss(Math.min(cwnd, sndNxt - sndUna), now);
                cwnd = ssthresh + settings.dupackThreshold();
                inRecovery = true;
                recover = sndNxt;
                retransmitSeq = sndUna;
            } else if (inRecovery) {
                cwnd += 1;
            }
        }
    }

    /** RFC 6298 smoothing of a round-trip sample, with Linux's floor on the timeout. */
    private void sample(long rtt) {
        if (rtt <= 0) {
            return;
        }
        if (srtt == 0) {
            srtt = rtt;
            rttvar = rtt / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        rto = Math.max(settings.minRtoNanos(), srtt + 4 * rttvar);
    }

    private void onTimeout() {
        if (sndNxt == sndUna) {
            return;
        }
        ssthresh = congestion.onLoss(Math.min(cwnd, sndNxt - sndUna), kernel.now());
        cwnd = 1;
        sndNxt = sndUna;
        inRecovery = false;
        dupAcks = 0;
        retransmitSeq = -1;
        rto = Math.min(rto * 2, 60_000_000_000L);
        wake();
    }
}
