package org.vnetlab.sim.net;

import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.Packets;

/**
 * A NIC's transmit side and the wire behind it: frames leave in order, each serialised at the
 * link rate once the previous one is out, and reach the far NIC one propagation delay after
 * their last bit. The ring (with the qdisc in front of it) holds at most {@code capacity}
 * frames not yet on the wire; a sender finding it full waits.
 */
public final class NicTx implements PacketPort {

    private final Kernel kernel;
    private final int capacity;
    private final DataRate rate;
    private final long propagation;
    private final NicRx far;
    /** Times the queued frames start on the wire, oldest first (a ring of longs). */
    private final long[] wireStart;
    private int head;
    private int size;
    private long busyUntil;
    private long framesSent;
    private long bytesOnWire;
    private Task waiting;
    private final Event roomEvent = new Event() {
        @Override
        protected void fire() {
            Task t = waiting;
            waiting = null;
            if (t != null) {
                t.wake();
            }
        }
    };

    public NicTx(Kernel kernel, int capacity, DataRate rate, long propagation, NicRx far) {
        this.kernel = kernel;
        this.capacity = capacity;
        this.rate = rate;
        this.propagation = propagation;
        this.far = far;
        this.wireStart = new long[capacity];
    }

    private void retire(long now) {
        while (size > 0 && wireStart[head] <= now) {
            head = (head + 1) % capacity;
            size--;
        }
    }

    @Override
    public int room(long now) {
        retire(now);
        return capacity - size;
    }

    @Override
    public void send(long ready, long stamp, int payload, int flow, long seq, long ack, int flags) {
        retire(kernel.now());
        if (size == capacity) {
            throw new IllegalStateException("send to a full transmit ring; senders must check room()");
        }
        int wire = Packets.wireBytes(payload, flags);
        long start = Math.max(ready, busyUntil);
        busyUntil = start + rate.nanosFor(wire);
        wireStart[(head + size) % capacity] = start;
        size++;
        framesSent++;
        bytesOnWire += wire;
        far.arrive(busyUntil + propagation, stamp, payload, flow, seq, ack, flags);
    }

    @Override
    public void wakeWhenRoom(Task sender) {
        waiting = sender;
        retire(kernel.now());
        // wake once a quarter of the ring has drained, so senders work in batches
        int index = Math.min(size - 1, Math.max(0, capacity / 4 - (capacity - size)));
        long at = size == 0 ? kernel.now() : Math.max(kernel.now(), wireStart[(head + index) % capacity] + 1);
        kernel.scheduleAt(roomEvent, at);
    }

    public long framesSent() {
        return framesSent;
    }

    /** Wire bytes sent so far (frames with preamble, FCS and gap). */
    public long bytesOnWire() {
        return bytesOnWire;
    }
}
