package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.JobOutput;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.param.GuestStack;

/**
 * A socket reader that takes a batch of datagrams per job, one receive call each, and handles
 * each datagram when its call returns: as the CPU has done the call, part by part, not when the
 * whole batch is done.
 */
abstract class DatagramReader extends SocketReader {

    private final JobOutput read;
    private final JobOutput.Delivery returned;

    DatagramReader(String name, Domain domain, PacketQueue socket, GuestStack stack, RandomStream random) {
        super(name, domain, socket, stack, random);
        this.read = new JobOutput(name + ".read");
        this.returned = (segment, n, first, step) -> returned(read.taken(), n, first, step);
    }

    /** Moves the job's datagrams from the socket to {@code batch}, each costing its receive call. */
    protected abstract void take(JobOutput batch, long now);

    /**
     * The calls of the first {@code n} datagrams of {@code batch}'s head train returned, the first
     * at {@code first}, one every {@code step}: handles them and removes them from {@code batch}.
     */
    protected abstract void returned(PacketQueue batch, int n, long first, long step);

    @Override
    protected final double beginJob(long now) {
        read.clear();
        take(read, now);
        return read.work(now, 0, noise(), partPackets());
    }

    @Override
    protected final double nextPart() {
        return read.nextPart();
    }

    @Override
    protected final void partDone(long now) {
        read.partDone(now, returned);
    }

    @Override
    protected final void endJob(long start, long end) {
        read.finish(end, returned);
    }
}
