package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.net.SendBuffer;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.Train;

/**
 * An iperf-like UDP client: sends datagrams of one size paced at the requested rate. Each
 * datagram costs the send call, the transport and IP layers and the device's transmit work;
 * when it cannot keep up it sends back to back (100 % of its CPU). Its socket's send buffer
 * holds each datagram until the device frees it; when the buffer is full the send call blocks
 * until the device has freed half of it ({@link SendBuffer}). A device queue that another sender
 * filled blocks it too, until room frees.
 *
 * <p>A job sends every datagram due within the pacing window; each leaves when the CPU has
 * done its send call, but not before it is due. With trains the job's datagrams leave in
 * trains paced at the rate, one per part of the job; with exact timing each leaves alone, at
 * the end of its own part of the job or, if that is early, by a release event at its due time.
 * So does each datagram to a port that wants each packet ({@link PacketPort#wantsEachPacket}):
 * what it does with a datagram depends on when it gets it (a virtio queue kicks its host-side
 * worker for the first frame it finds the worker asleep for), so a datagram handed over before
 * it is due, stamped with its due time, would be seen too early (one kick for a train).
 *
 * <p>Ahead of its rate it sleeps until the next datagram is due; or it paces as iperf 2 does
 * ({@link Iperf2Pacing}): a datagram a loop, and, while ahead, a busy wait after each write, a job
 * that sends nothing and holds the CPU, in slices of at most the pacing window (a loop that finds
 * its time has come after its CPU was taken away goes on at once, so a slice overshoots that by
 * what it had left).
 */
public final class UdpSender extends BatchSender {

    /** What the sender sends: one stream of equal datagrams. */
    public record Stream(int flow, int payload, PacketKind kind, long gapNanos) {
    }

    private final Kernel kernel;
    private final Stream stream;
    private final long window;
    private final int maxBatch;
    /** The socket's send buffer, or null when the port frees each datagram at once. */
    private final SendBuffer socket;
    /** iperf 2's pacing, or null for a sender that sleeps until a datagram is due. */
    private final Iperf2Pacing iperf2;
    /** The reporter's ring it records each datagram in, or null without a reporter. */
    private final ReportRing ring;
    private final double napNs;
    /** Whether the job under way is a nap: the ring was full. */
    private boolean napping;
    private long nextDue = Long.MAX_VALUE;
    private long stopAt = Long.MAX_VALUE;
    private long sent;
    /**
     * When the part not yet released began; the first datagram's due time; datagrams whose part
     * is done (exact timing), released, and to be sent at all (fewer once one found the device
     * queue full: the rest stay due).
     */
    private long partStart;
    private long batchDue;
    private int cpuDone;
    private int released;
    private int committed;
    private boolean jobEnded;
    private final Train out = new Train();
    private final Event release = new Event(name() + ".release") {
        @Override
        protected void fire() {
            releaseDue(kernel.now());
        }
    };
    private final Event wakeup = wakingEvent(name());

    /** A sender without a reporter. */
    public UdpSender(String name, Domain domain, Kernel kernel, PacketPort port, Stream stream, SendBuffer socket,
                     GuestStack stack, double deviceCost, long pacingWindow, int maxBatch, boolean spin,
                     RandomStream random) {
        this(name, domain, kernel, port, stream, socket, stack, deviceCost, pacingWindow, maxBatch, spin, null, 0,
                random);
    }

    /**
     * @param deviceCost the transmit work below IP for one packet (driver, or netfront)
     * @param spin       whether it paces as iperf 2 does, busily, with the stream's gap as its
     *                   whole-microsecond target, rather than asleep
     * @param ring       the reporter's ring it records each datagram in, or null
     * @param napNs      CPU work of a {@code usleep(0)} when the ring is full
     */
    public UdpSender(String name, Domain domain, Kernel kernel, PacketPort port, Stream stream, SendBuffer socket,
                     GuestStack stack, double deviceCost, long pacingWindow, int maxBatch, boolean spin,
                     ReportRing ring, double napNs, RandomStream random) {
        super(name, domain, port, stack.sendCall(stream.payload()) + stack.tx(stream.kind()) + deviceCost,
                stack.costs().jitter, random);
        this.kernel = kernel;
        this.stream = stream;
        this.window = pacingWindow;
        this.maxBatch = maxBatch;
        this.iperf2 = spin ? new Iperf2Pacing(stream.gapNanos()) : null;
        this.socket = port.holdFor(stream.flow(), socket) ? socket : null;
        this.ring = ring;
        this.napNs = napNs;
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
        if (nextDue >= stopAt || (iperf2 != null && now >= stopAt)) {
            return false;
        }
        if (nextDue > now) {
            if (!wakeup.isScheduled() || wakeup.time() != nextDue) {
                kernel.scheduleAt(wakeup, nextDue);
            }
            return false;
        }
        if (iperf2 != null) {
            if (iperf2.spinLeft(now) > 0) {
                return true;
            }
            // the clock is read before the write, which may block: the block counts in this loop
            iperf2.readyToWrite(now);
        }
        return (socket == null || socket.roomFor(this)) && roomFor(now);
    }

    /**
     * iperf 2's {@code delay_loop}: the clock read in a loop until the wait after the last write
     * is over; else, with the reporter's ring full, a {@code usleep(0)} (iperf 2.0's
     * {@code ReportPacket} naps after the write that found it full; here before the next write).
     */
    @Override
    protected double waitWork(long now) {
        double spin = iperf2 == null ? 0 : Math.min(iperf2.spinLeft(now), window) * executor().speed();
        napping = spin == 0 && ring != null && ring.room() == 0;
        return napping ? napNs : spin;
    }

    /** A nap lasts until the CPU's next tick. */
    @Override
    protected void waited(long end) {
        if (napping) {
            napping = false;
            sleepUntilTick();
        }
    }

    @Override
    protected int beginBatch(long now) {
        // iperf 2 sends one datagram a loop, as soon as its loop comes
        int n = Math.min(iperf2 != null ? 1 : due(now), socketRoom(port.room(now)));
        if (ring != null) {
            n = Math.min(n, ring.room());
        }
        partStart = now;
        batchDue = iperf2 != null ? now : nextDue;
        cpuDone = 0;
        released = 0;
        committed = n;
        jobEnded = false;
        return n;
    }

    /** At most {@code n}, and no more than the socket's send buffer has room for. */
    private int socketRoom(int n) {
        return socket == null ? n : Math.min(n, socket.room());
    }

    /** Hands {@code train} to the device, charging its datagrams to the socket. */
    private void sendOut(Train train) {
        if (socket != null) {
            socket.hold(train.count());
        }
        port.send(train);
        sent += train.count();
        if (ring != null) {
            ring.record(train.count());
        }
    }

    @Override
    protected void batchDone(long end) {
        batch = committed;
        jobEnded = true;
        if (iperf2 != null) {
            iperf2.written(end);
            return;
        }
        // like iperf, keep the average rate: a sender that woke late catches up by sending what
        // is overdue at once, but never more than one pacing window's worth
        nextDue = Math.max(nextDue + batch * stream.gapNanos(), end - window);
    }

    /** The CPU has done the datagrams up to {@code upTo} by {@code now}: they leave, but not before they are due. */
    @Override
    protected void release(int upTo, long now) {
        if (exact() || port.wantsEachPacket()) {
            cpuDone = upTo;
            releaseDue(now);
            return;
        }
        int n = Math.min(upTo, committed) - released;
        if (n <= 0) {
            return;
        }
        // another sender may have filled a shared device queue meanwhile: what does not fit
        // now is not sent (the socket call would have blocked) and stays due
        int sendable = Math.min(n, port.room(now));
        if (sendable > 0) {
            // the train's datagrams leave as the CPU did them, paced at the rate
            long cpuStep = (now - partStart) / n;
            long step = Math.max(stream.gapNanos(), cpuStep);
            long first = Math.max(batchDue + released * stream.gapNanos(), partStart + cpuStep);
            sendOut(out.readyAt(first).readyEvery(step).stampedAt(first).stampedEvery(step).seq(sent)
                    .count(sendable));
            released += sendable;
        }
        if (sendable < n) {
            committed = released;
        }
        partStart = now;
    }

    /**
     * Exact timing: sends, in order, the datagrams whose part is done and that are due by
     * {@code now}; waits for the next one's due time. A full device queue stops the batch: the
     * rest stays due, as a blocked send call would leave it.
     */
    private void releaseDue(long now) {
        while (released < cpuDone && released < committed) {
            long due = batchDue + released * stream.gapNanos();
            if (due > now) {
                kernel.scheduleAt(release, due);
                return;
            }
            if (port.room(now) == 0) {
                committed = released;
                if (jobEnded) {
                    nextDue = Math.min(nextDue, due);
                    wake();
                }
                return;
            }
            sendOut(out.readyAt(now).readyEvery(0).stampedAt(now).stampedEvery(0).seq(sent).count(1));
            released++;
        }
    }
}
