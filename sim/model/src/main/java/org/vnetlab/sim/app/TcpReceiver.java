package org.vnetlab.sim.app;

import java.util.function.LongConsumer;
import org.vnetlab.core.result.DropTrace;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.param.TcpSettings;

/**
 * The receiving end of a bulk TCP connection. The kernel part runs as segments are delivered
 * by the softirq (which paid for it): in-order segments go to the receive buffer, out-of-order
 * ones wait in a reassembly map and trigger an immediate duplicate ACK; every second segment
 * is acknowledged at once, a lone one after the delayed-ACK timer. ACKs carry the next segment
 * expected, the free buffer as window, and the echoed send time. The application part (this
 * task, iperf's server) reads the buffer, one read call per {@code app-io-bytes}.
 */
public final class TcpReceiver extends Task {

    private static final int MAX_BATCH = 16;
    private final Kernel kernel;
    private final PacketPort ackPort;
    private final int mss;
    private final TcpSettings settings;
    private final double perSegment;
    private final RandomStream random;
    private final double spread;
    private final PacketQueue inbox;
    private final PacketQueue buffer;
    private final boolean[] outOfOrder;
    private long rcvNxt;
    private int unacked;
    private long echo;
    private int batch;
    private long segmentsRead;
    private LongConsumer reader = segments -> { };
    /** Segments the application may have read in all; a relay reads no more than it can send on. */
    private long readLimit = Long.MAX_VALUE;
    /** Segments being taken from the inbox. */
    private final Train arrived = new Train();
    /** A segment accepted into the receive buffer. */
    private final Train accepted = new Train();
    /**
     * The ACK being sent: numbered with the next segment expected, carrying the free buffer
     * (segments) as its ack field, stamped with the echoed send time.
     */
    private final Train ack = new Train();
    private final Event delayedAck = new Event(name() + ".delayed-ack") {
        @Override
        protected void fire() {
            sendAck();
        }
    };

    /**
     * @param windowSegments receive buffer, in segments
     * @param dataKind       the kind of the data segments it receives (its ACKs go the other way)
     */
    public TcpReceiver(String name, Domain domain, Kernel kernel, PacketPort ackPort, int flow, int mss,
                       PacketKind dataKind, int windowSegments, GuestStack stack, TcpSettings settings,
                       RandomStream random) {
        super(name, domain, Context.THREAD);
        this.kernel = kernel;
        this.ackPort = ackPort;
        this.mss = mss;
        this.settings = settings;
        this.random = random;
        this.spread = stack.costs().jitter;
        this.perSegment = stack.recvCall(0) * mss / settings.appIoBytes() + stack.costs().socketPerByte * mss;
        this.inbox = PacketQueue.unbounded(name + ".inbox");
        this.buffer = new PacketQueue(DropTrace.socketRx(name), windowSegments);
        this.outOfOrder = new boolean[windowSegments];
        inbox.onNonEmpty(this::drainInbox);
        // the softirq acknowledges segments as it takes them: an ACK to a port that wants each
        // packet leaves when its segment is done, so the segment is handed over then, not in a train
        inbox.readerWaitingWhen(ackPort::wantsEachPacket);
        accepted.of(dataKind, mss, flow);
        ack.of(dataKind.reversed().acknowledgement(), 0, flow);
    }

    /** Where the softirq delivers this connection's data segments. */
    public PacketQueue inbox() {
        return inbox;
    }

    /** Payload bytes the application has read. */
    public long bytesRead() {
        return segmentsRead * mss;
    }

    /** Segments the application has read. */
    public long segmentsRead() {
        return segmentsRead;
    }

    /**
     * The application may now read {@code segments} segments in all (a relay whose onward send
     * buffer is full stops reading; the receive buffer then fills and the window closes).
     */
    public void allowReads(long segments) {
        readLimit = segments;
        wake();
    }

    /** Hears the total of segments read after each read (a relay's or the emulator's onward path). */
    public void onRead(LongConsumer listener) {
        this.reader = listener;
    }

    private void drainInbox() {
        while (!inbox.isEmpty()) {
            inbox.head(arrived);
            for (int j = 0; j < arrived.count(); j++) {
                segment(arrived.seq() + j, arrived.stampOf(j));
            }
            inbox.removeHead(arrived.count());
        }
    }

    private void segment(long seq, long stamp) {
        long now = kernel.now();
        if (seq == rcvNxt) {
            accept(seq, stamp, now);
            while (outOfOrder[slot(rcvNxt)]) {
                outOfOrder[slot(rcvNxt)] = false;
                accept(rcvNxt, stamp, now);
            }
            if (++unacked >= 2) {
                sendAck();
            } else if (!delayedAck.isScheduled()) {
                kernel.scheduleAfter(delayedAck, settings.delayedAckNanos());
            }
        } else {
            if (seq > rcvNxt && seq - rcvNxt < outOfOrder.length) {
                outOfOrder[slot(seq)] = true;
            }
            echo = stamp;
            sendAck();
        }
    }

    private int slot(long seq) {
        return (int) (seq % outOfOrder.length);
    }

    private void accept(long seq, long stamp, long now) {
        if (buffer.offer(accepted.readyAt(now).stampedAt(stamp).seq(seq)) == 1) {
            rcvNxt = seq + 1;
            echo = stamp;
            if (buffer.size() == 1) {
                wake();
            }
        }
    }

    private void sendAck() {
        kernel.cancel(delayedAck);
        unacked = 0;
        if (ackPort.room(kernel.now()) > 0) {
            long now = kernel.now();
            ackPort.send(ack.readyAt(now).stampedAt(echo).seq(rcvNxt).ack(buffer.room()));
        }
    }

    @Override
    protected boolean hasWork(long now) {
        return !buffer.isEmpty() && segmentsRead < readLimit;
    }

    @Override
    protected double beginJob(long now) {
        batch = 0;
        long most = Math.min(MAX_BATCH, readLimit - segmentsRead);
        while (batch < most && !buffer.isEmpty()) {
            int n = (int) Math.min(most - batch, buffer.headCount());
            buffer.removeHead(n);
            batch += n;
        }
        return batch * perSegment * random.jitter(spread);
    }

    @Override
    protected void endJob(long start, long end) {
        segmentsRead += batch;
        reader.accept(segmentsRead);
        // a window that had nearly closed is reopened by an update
        if (buffer.room() - batch < 2 * MAX_BATCH) {
            sendAck();
        }
    }

    @Override
    protected boolean sendsPackets() {
        return true;
    }
}
