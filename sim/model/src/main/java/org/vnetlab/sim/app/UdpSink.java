package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * An iperf-like UDP server: reads datagrams from its socket, one receive call each, and counts
 * the payload delivered. The socket holds what its receive buffer allows; the rest is dropped
 * there ({@code GUEST.socket.rx.drop}).
 */
public final class UdpSink extends Task {

    private final PacketQueue socket;
    private final GuestStack stack;
    private final int maxBatch;
    private final RandomStream random;
    private int batch;
    private long batchBytes;
    private long packets;
    private long bytes;

    public UdpSink(String name, Domain domain, PacketQueue socket, GuestStack stack, int maxBatch,
                   RandomStream random) {
        super(name, domain, Context.THREAD);
        this.socket = socket;
        this.stack = stack;
        this.maxBatch = maxBatch;
        this.random = random;
        socket.onNonEmpty(this::wake);
    }


    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    protected boolean hasWork(long now) {
        return !socket.isEmpty();
    }

    @Override
    protected double beginJob(long now) {
        batch = 0;
        batchBytes = 0;
        double cost = 0;
        while (batch < maxBatch && !socket.isEmpty()) {
            int n = Math.min(maxBatch - batch, socket.headCount());
            int payload = socket.headPayload();
            batchBytes += (long) n * payload;
            cost += n * stack.recvCall(payload);
            socket.removeHead(n);
            batch += n;
        }
        return cost * random.jitter(stack.costs().jitter);
    }

    @Override
    protected void endJob(long start, long end) {
        packets += batch;
        bytes += batchBytes;
    }
}
