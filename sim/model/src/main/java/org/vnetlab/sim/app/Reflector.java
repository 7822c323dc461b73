package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * The study's single-threaded user-space UDP reflector: receive one packet, send it back, in a
 * loop. A reply carries the probe's sequence number and send time unchanged.
 */
public final class Reflector extends SocketReader {

    private final PacketPort port;
    private final double deviceCost;
    /** The packet being answered, then its reply: its number and send stamp unchanged. */
    private final Train reply = new Train();
    private long reflected;

    public Reflector(String name, Domain domain, PacketQueue socket, PacketPort port, GuestStack stack,
                     double deviceCost, RandomStream random) {
        super(name, domain, socket, stack, random);
        this.port = port;
        this.deviceCost = deviceCost;
    }

    public long reflected() {
        return reflected;
    }

    /** One datagram, whose reply is sent by the same loop turn. */
    @Override
    protected void take(long now) {
        int payload = socket.headPayload();
        double cost = stack.recvCall(payload) + stack.sendCall(payload) + stack.tx(socket.headKind().outwards())
                + deviceCost;
        out.take(socket, 1, cost, now);
    }

    /** Sends the reply when the loop turn is done, if the device queue has room. */
    @Override
    protected void release(PacketQueue done, int n, long first, long step) {
        done.head(reply).count(1).readyEvery(0).stampedEvery(0).ack(0).kind(reply.kind().outwards());
        done.removeHead(1);
        if (port.room(first) > 0) {
            port.send(reply.readyAt(first));
            reflected++;
        }
    }

    @Override
    protected boolean sendsPackets() {
        return true;
    }
}
