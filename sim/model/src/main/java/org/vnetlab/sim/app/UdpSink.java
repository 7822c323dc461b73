package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * An iperf-like UDP server: reads datagrams from its socket, one receive call each, and counts
 * the payload delivered when the call returns. The socket holds what its receive buffer
 * allows; the rest is dropped there ({@code GUEST.socket.rx.drop}).
 */
public final class UdpSink extends SocketReader {

    private final int maxBatch;
    private long packets;
    private long bytes;

    public UdpSink(String name, Domain domain, PacketQueue socket, GuestStack stack, int maxBatch,
                   RandomStream random) {
        super(name, domain, socket, stack, random);
        this.maxBatch = maxBatch;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    protected void take(long now) {
        int taken = 0;
        while (taken < maxBatch && !socket.isEmpty()) {
            int n = Math.min(maxBatch - taken, socket.headCount());
            out.take(socket, n, stack.recvCall(socket.headPayload()), now);
            taken += n;
        }
    }

    /** Counts the datagrams delivered. */
    @Override
    protected void release(PacketQueue done, int n, long first, long step) {
        packets += n;
        bytes += (long) n * done.headPayload();
        done.removeHead(n);
    }
}
