package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.Train;

/**
 * An iperf-like UDP client: sends datagrams of one size paced at the requested rate. Each
 * datagram costs the send call, the transport and IP layers and the device's transmit work;
 * when it cannot keep up it sends back to back (100 % of its CPU), and when the device queue is
 * full it blocks until room frees, as a socket with send-buffer accounting does.
 */
public final class UdpSender extends Task {

    /** What the sender sends: one stream of equal datagrams. */
    public record Stream(int flow, int payload, PacketKind kind, long gapNanos) {
    }

    private final Kernel kernel;
    private final PacketPort port;
    private final Stream stream;
    private final double perPacket;
    private final long window;
    private final int maxBatch;
    private final RandomStream random;
    private final double spread;
    private long nextDue = Long.MAX_VALUE;
    private long stopAt = Long.MAX_VALUE;
    private long sent;
    private int batch;
    private final Train out = new Train();
    private final Event wakeup = new Event(name()) {
        @Override
        protected void fire() {
            wake();
        }
    };

    /**
     * @param deviceCost the transmit work below IP for one packet (driver, or netfront)
     */
    public UdpSender(String name, Domain domain, Kernel kernel, PacketPort port, Stream stream, GuestStack stack,
                     double deviceCost, long pacingWindow, int maxBatch, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.kernel = kernel;
        this.port = port;
        this.stream = stream;
        this.perPacket = stack.sendCall(stream.payload()) + stack.tx(stream.kind()) + deviceCost;
        this.window = pacingWindow;
        this.maxBatch = maxBatch;
        this.random = random;
        this.spread = stack.costs().jitter;
        out.of(stream.kind(), stream.payload(), stream.flow());
    }

    /** Starts sending at {@code at} and stops at {@code until}. */
    public void start(long at, long until) {
        nextDue = at;
        stopAt = until;
        kernel.scheduleAt(wakeup, at);
    }

    /** Datagrams sent so far. */
    public long sent() {
        return sent;
    }

    /** Packets to send now: none before the next one is due, then all due within the window. */
    private int due(long now) {
        if (nextDue >= stopAt || nextDue > now) {
            return 0;
        }
        long inWindow = (Math.min(now + window, stopAt - 1) - nextDue) / stream.gapNanos() + 1;
        return (int) Math.min(inWindow, maxBatch);
    }

    @Override
    protected boolean hasWork(long now) {
        if (nextDue >= stopAt) {
            return false;
        }
        if (due(now) == 0) {
            if (!wakeup.isScheduled() || wakeup.time() != nextDue) {
                kernel.scheduleAt(wakeup, nextDue);
            }
            return false;
        }
        return port.roomFor(this, now);
    }

    @Override
    protected double beginJob(long now) {
        batch = Math.min(due(now), port.room(now));
        return batch * perPacket * random.jitter(spread);
    }

    @Override
    protected void endJob(long start, long end) {
        // another sender may have filled a shared device queue meanwhile: what does not fit
        // now is not sent (the socket call would have blocked) and stays due
        batch = Math.min(batch, port.room(end));
        if (batch > 0) {
            // each datagram leaves when the CPU has done it, but not before it is due
            long cpuStep = (end - start) / batch;
            long step = Math.max(stream.gapNanos(), cpuStep);
            long first = Math.max(nextDue, start + cpuStep);
            port.send(out.readyAt(first).readyEvery(step).stampedAt(first).stampedEvery(step).seq(sent).count(batch));
            sent += batch;
        }
        // like iperf, keep the average rate: a sender that woke late catches up by sending what
        // is overdue at once, but never more than one pacing window's worth
        nextDue = Math.max(nextDue + batch * stream.gapNanos(), end - window);
    }

    @Override
    protected boolean sendsPackets() {
        return true;
    }
}
