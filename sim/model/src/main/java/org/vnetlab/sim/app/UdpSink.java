package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.JobOutput;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * An iperf-like UDP server: reads datagrams from its socket, one receive call each, and counts
 * the payload delivered when the call returns. The socket holds what its receive buffer
 * allows; the rest is dropped there ({@code GUEST.socket.rx.drop}).
 */
public final class UdpSink extends Task {

    private final PacketQueue socket;
    private final GuestStack stack;
    private final int maxBatch;
    private final RandomStream random;
    private final JobOutput read;
    private final JobOutput.Delivery count;
    private long packets;
    private long bytes;

    public UdpSink(String name, Domain domain, PacketQueue socket, GuestStack stack, int maxBatch,
                   RandomStream random) {
        super(name, domain, Context.THREAD);
        this.socket = socket;
        this.stack = stack;
        this.maxBatch = maxBatch;
        this.random = random;
        this.read = new JobOutput(name + ".read");
        this.count = (segment, n, first, step) -> {
            PacketQueue q = read.taken();
            packets += n;
            bytes += (long) n * q.headPayload();
            q.removeHead(n);
        };
        SocketReaders.readBy(this, socket);
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    protected long inputReadySince(long now) {
        return socket.readySince(now);
    }

    @Override
    protected boolean hasWork(long now) {
        return !socket.isEmpty();
    }

    @Override
    protected double beginJob(long now) {
        read.clear();
        int batch = 0;
        while (batch < maxBatch && !socket.isEmpty()) {
            int n = Math.min(maxBatch - batch, socket.headCount());
            read.take(socket, n, stack.recvCall(socket.headPayload()), now);
            batch += n;
        }
        return read.work(now, 0, random.jitter(stack.costs().jitter), partPackets());
    }

    @Override
    protected double nextPart() {
        return read.nextPart();
    }

    @Override
    protected void partDone(long now) {
        read.partDone(now, count);
    }

    @Override
    protected void endJob(long start, long end) {
        read.finish(end, count);
    }
}
