package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.net.JobOutput;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.net.RoomWait;
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
    private final RoomWait roomWait;
    private final GuestStack stack;
    private final double deviceCost;
    private final int maxBatch;
    private final RandomStream random;
    private final JobOutput batch;
    private final JobOutput.Delivery sendOn;
    private long sendDrops;
    /** When the packets being sent on were done: a part's end, or the job's. */
    private long releasedAt;
    /** A part of the batch being sent on. */
    private final Train out = new Train();

    public Relay(String name, Domain domain, PacketQueue socket, PacketPort port, GuestStack stack, double deviceCost,
                 int maxBatch, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.socket = socket;
        this.port = port;
        this.roomWait = new RoomWait(port, this);
        this.stack = stack;
        this.deviceCost = deviceCost;
        this.maxBatch = maxBatch;
        this.random = random;
        this.batch = new JobOutput(name + ".batch");
        // the device queue is shared (netfront's ring, the NIC's): what no longer fits is lost,
        // as it would be counted by the socket's send-buffer limit
        this.sendOn = (segment, n, first, step) -> {
            PacketQueue q = batch.taken();
            int sendable = Math.min(n, port.room(releasedAt));
            if (sendable > 0) {
                q.head(out).count(sendable).readyAt(first).readyEvery(step).ack(0);
                port.send(out.kind(out.kind().outwards()));
            }
            sendDrops += n - sendable;
            q.removeHead(n);
        };
        SocketReader.readBy(this, socket);
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
        return roomWait.roomFor(now);
    }

    @Override
    protected double beginJob(long now) {
        int take = Math.min(maxBatch, port.room(now));
        batch.clear();
        while (take > 0 && !socket.isEmpty()) {
            int n = Math.min(take, socket.headCount());
            int payload = socket.headPayload();
            PacketKind kind = socket.headKind().outwards();
            batch.take(socket, n, stack.recvCall(payload) + stack.sendCall(payload) + stack.tx(kind) + deviceCost, now);
            take -= n;
        }
        return batch.work(now, 0, random.jitter(stack.costs().jitter), port.wantsEachPacket() ? 1 : partPackets(),
                cpuSpeed());
    }

    @Override
    protected double nextPart() {
        return batch.nextPart();
    }

    @Override
    protected void partDone(long now) {
        releasedAt = now;
        batch.partDone(now, sendOn);
    }

    @Override
    protected void endJob(long start, long end) {
        releasedAt = end;
        batch.finish(end, sendOn);
    }

    @Override
    protected boolean sendsPackets() {
        return true;
    }
}
