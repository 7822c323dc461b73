package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Packets;

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
    private long seq;
    private long stamp;
    private int payload;
    private int flow;
    private int flags;
    private long reflected;

    public Reflector(String name, Domain domain, PacketQueue socket, PacketPort port, GuestStack stack,
                     double deviceCost, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.socket = socket;
        this.port = port;
        this.stack = stack;
        this.deviceCost = deviceCost;
        this.random = random;
        socket.onNonEmpty(this::wake);
    }

    public long reflected() {
        return reflected;
    }

    @Override
    protected boolean hasWork(long now) {
        return !socket.isEmpty();
    }

    @Override
    protected double beginJob(long now) {
        seq = socket.headSeq();
        stamp = socket.headStamp();
        payload = socket.headPayload();
        flow = socket.headFlow();
        flags = socket.headFlags() | Packets.OUTBOUND;
        socket.removeHead(1);
        double cost = stack.recvCall(payload) + stack.sendCall(payload) + stack.tx(flags) + deviceCost;
        return cost * random.jitter(stack.costs().jitter);
    }

    @Override
    protected void endJob(long start, long end) {
        if (port.room(end) > 0) {
            port.send(end, 0, stamp, 0, 1, payload, flow, seq, 0, flags);
            reflected++;
        }
    }

    @Override
    protected boolean sendsPackets() {
        return true;
    }
}
