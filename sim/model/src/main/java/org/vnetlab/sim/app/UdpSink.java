package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * An iperf-like UDP server: reads datagrams from its socket, one receive call each, and counts
 * the payload delivered when the call returns. The socket holds what its receive buffer
 * allows; the rest is dropped there ({@code GUEST.socket.rx.drop}).
 *
 * <p>As iperf 2.0's server does, it may record each datagram in its reporter's ring
 * ({@link ReportRing}): a job takes no more datagrams than the ring has slots for, and when it
 * has none the thread naps in {@code usleep(0)} until its CPU's next tick and tries again
 * (iperf naps after the receive call that found the ring full; here the datagram waits in the
 * socket meanwhile, which moves one datagram's room).
 */
public final class UdpSink extends SocketReader {

    private final int maxBatch;
    /** The reporter's ring it records in, or null without a reporter. */
    private final ReportRing ring;
    private final double napNs;
    /** Whether the job under way is a nap: the ring was full. */
    private boolean napping;
    private long packets;
    private long bytes;

    /** A server without a reporter. */
    public UdpSink(String name, Domain domain, PacketQueue socket, GuestStack stack, int maxBatch,
                   RandomStream random) {
        this(name, domain, socket, stack, maxBatch, null, 0, random);
    }

    /**
     * @param ring  the reporter's ring it records each datagram in
     * @param napNs CPU work of a {@code usleep(0)} when the ring is full
     */
    public UdpSink(String name, Domain domain, PacketQueue socket, GuestStack stack, int maxBatch, ReportRing ring,
                   double napNs, RandomStream random) {
        super(name, domain, socket, stack, random);
        this.maxBatch = maxBatch;
        this.ring = ring;
        this.napNs = napNs;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    protected void take(long now) {
        int limit = ring == null ? maxBatch : Math.min(maxBatch, ring.room());
        napping = limit == 0;
        int taken = 0;
        while (taken < limit && !socket.isEmpty()) {
            int n = Math.min(limit - taken, socket.headCount());
            out.take(socket, n, stack.recvCall(socket.headPayload()), now);
            taken += n;
        }
    }

    @Override
    protected double jobOverhead() {
        return napping ? napNs : 0;
    }

    @Override
    protected void jobEnded(long start, long end) {
        if (napping) {
            sleepUntilTick();
        }
    }

    /** Counts the datagrams delivered, each recorded in the ring. */
    @Override
    protected void release(PacketQueue done, int n, long first, long step) {
        packets += n;
        bytes += (long) n * done.headPayload();
        done.removeHead(n);
        if (ring != null) {
            ring.record(n);
        }
    }
}
