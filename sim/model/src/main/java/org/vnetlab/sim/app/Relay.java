package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * A user-space UDP relay in a guest: reads datagrams from its socket and sends each one on
 * towards machine 2, a batch per job. Each datagram costs a receive call, a send call, the
 * transport and IP layers and the device's transmit work. It takes no more than the device
 * queue has room for (a full queue blocks its send call, so it waits for room); packets keep
 * their sequence numbers and stamps, so the emulator knows which real datagram leaves.
 */
public final class Relay extends Task {

    private final PacketQueue socket;
    private final PacketPort port;
    private final GuestStack stack;
    private final double deviceCost;
    private final int maxBatch;
    private final RandomStream random;
    private final PacketQueue batch = PacketQueue.unbounded("relay.batch");
    private long sendDrops;
    /** A part of the batch being sent on. */
    private final Train out = new Train();

    public Relay(String name, Domain domain, PacketQueue socket, PacketPort port, GuestStack stack, double deviceCost,
                 int maxBatch, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.socket = socket;
        this.port = port;
        this.stack = stack;
        this.deviceCost = deviceCost;
        this.maxBatch = maxBatch;
        this.random = random;
        socket.onNonEmpty(this::wake);
    }

    /** Datagrams lost because the device queue filled while the batch was being relayed. */
    public long sendDrops() {
        return sendDrops;
    }

    @Override
    protected boolean hasWork(long now) {
        if (socket.isEmpty()) {
            return false;
        }
        return port.roomFor(this, now);
    }

    @Override
    protected double beginJob(long now) {
        int take = Math.min(maxBatch, port.room(now));
        double cost = 0;
        while (take > 0 && !socket.isEmpty()) {
            int n = Math.min(take, socket.headCount());
            int payload = socket.headPayload();
            PacketKind kind = socket.headKind().outwards();
            cost += n * (stack.recvCall(payload) + stack.sendCall(payload) + stack.tx(kind) + deviceCost);
            socket.moveHeadTo(batch, n, now, 0);
            take -= n;
        }
        return cost * random.jitter(stack.costs().jitter);
    }

    @Override
    protected void endJob(long start, long end) {
        int total = batch.size();
        long step = (end - start) / Math.max(1, total);
        long ready = start + step;
        // the device queue is shared (netfront's ring, the NIC's): what no longer fits is lost,
        // as it would be counted by the socket's send-buffer limit
        int room = port.room(end);
        while (!batch.isEmpty()) {
            int n = batch.headCount();
            int sendable = Math.min(n, room);
            if (sendable > 0) {
                batch.head(out).count(sendable).readyAt(ready).readyEvery(step).ack(0);
                port.send(out.kind(out.kind().outwards()));
                room -= sendable;
            }
            sendDrops += n - sendable;
            ready += n * step;
            batch.removeHead(n);
        }
    }

    @Override
    protected boolean sendsPackets() {
        return true;
    }
}
