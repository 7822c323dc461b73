package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * The study's single-threaded user-space UDP reflector: receive one packet, send it back, in a
 * loop. A reply carries the probe's sequence number and send time unchanged.
 */
public final class Reflector extends Task {

    private final PacketQueue socket;
    private final PacketPort port;
    private final GuestStack stack;
    private final double deviceCost;
    private final RandomStream random;
    /** The packet being answered, then its reply: its number and send stamp unchanged. */
    private final Train reply = new Train();
    private long reflected;

    public Reflector(String name, Domain domain, PacketQueue socket, PacketPort port, GuestStack stack,
                     double deviceCost, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.socket = socket;
        this.port = port;
        this.stack = stack;
        this.deviceCost = deviceCost;
        this.random = random;
        SocketReaders.readBy(this, socket);
    }

    public long reflected() {
        return reflected;
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
        socket.head(reply).count(1).readyEvery(0).stampedEvery(0).ack(0).kind(reply.kind().outwards());
        socket.removeHead(1);
        int payload = reply.payload();
        double cost = stack.recvCall(payload) + stack.sendCall(payload) + stack.tx(reply.kind()) + deviceCost;
        return cost * random.jitter(stack.costs().jitter);
    }

    @Override
    protected void endJob(long start, long end) {
        if (port.room(end) > 0) {
            port.send(reply.readyAt(end));
            reflected++;
        }
    }

    @Override
    protected boolean sendsPackets() {
        return true;
    }
}
