package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.JobOutput;
import org.vnetlab.sim.net.JobOutputTask;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.param.GuestStack;

/**
 * An application thread that sleeps on its socket and reads it in jobs: it has work while the
 * socket holds a datagram, and its wake-up runs from when the oldest of them was ready. A job
 * takes datagrams, one receive call (and what the loop does with it) each, and handles each
 * datagram when its call returns: as the CPU has done it, part by part.
 */
abstract class SocketReader extends JobOutputTask {

    protected final PacketQueue socket;
    protected final GuestStack stack;
    private final RandomStream random;

    SocketReader(String name, Domain domain, PacketQueue socket, GuestStack stack, RandomStream random) {
        super(name, domain, Context.THREAD, new JobOutput(name + ".read"));
        this.socket = socket;
        this.stack = stack;
        this.random = random;
        readBy(this, socket);
    }

    /**
     * {@code reader} sleeps on {@code socket} when it is empty: a packet arriving wakes it, and
     * while it sleeps for one on another CPU than the producer's, trains hand that packet over
     * the moment it is done, as packet-by-packet timing would.
     */
    static void readBy(Task reader, PacketQueue socket) {
        socket.onNonEmpty(reader::wake);
        socket.readerWaitingWhen(reader::sleepsForRemoteInput);
        reader.readsInputOfOtherCpus();
    }

    /** Moves the job's datagrams from the socket to {@link #out}, each costing its call and handling. */
    protected abstract void take(long now);

    @Override
    protected final long inputReadySince(long now) {
        return socket.readySince(now);
    }

    @Override
    protected final boolean hasWork(long now) {
        return !socket.isEmpty();
    }

    /** CPU work of the job beside its datagrams' (0 unless the thread does something else first). */
    protected double jobOverhead() {
        return 0;
    }

    @Override
    protected final double beginJob(long now) {
        out.clear();
        take(now);
        return out.work(now, jobOverhead(), random.jitter(stack.costs().jitter), partPackets(), cpuSpeed());
    }
}
