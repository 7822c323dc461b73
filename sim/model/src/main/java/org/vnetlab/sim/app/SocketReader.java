package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.param.GuestStack;

/**
 * An application thread that sleeps on its socket and reads it: it has work while the socket
 * holds a packet, and its wake-up runs from when the oldest of them was ready.
 */
abstract class SocketReader extends Task {

    protected final PacketQueue socket;
    protected final GuestStack stack;
    private final RandomStream random;

    SocketReader(String name, Domain domain, PacketQueue socket, GuestStack stack, RandomStream random) {
        super(name, domain, Context.THREAD);
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
    }

    /** A job's noise: what its CPU work is scaled by, drawn once per job. */
    protected final double noise() {
        return random.jitter(stack.costs().jitter);
    }

    @Override
    protected final long inputReadySince(long now) {
        return socket.readySince(now);
    }

    @Override
    protected final boolean hasWork(long now) {
        return !socket.isEmpty();
    }
}
