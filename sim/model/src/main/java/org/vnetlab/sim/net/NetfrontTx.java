package org.vnetlab.sim.net;

import org.vnetlab.core.net.MacAddress;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * A guest's transmit side: the shared transmit ring with the qdisc in front of it. The guest's
 * senders queue packets here (their cost includes netfront's transmit work); netback takes them.
 * A full ring blocks the sender until netback has drained some.
 */
public final class NetfrontTx implements PacketPort {

    private final PacketQueue queue;
    private final MacAddress mac;
    private Task waiting;

    public NetfrontTx(String guest, int capacity, MacAddress mac) {
        this.queue = new PacketQueue(guest + ".netfront.tx.drop", capacity);
        this.mac = mac;
    }

    PacketQueue queue() {
        return queue;
    }

    MacAddress mac() {
        return mac;
    }

    void onRequests(Runnable r) {
        queue.onNonEmpty(r);
    }

    /** Netback took requests: a blocked sender may go on. */
    void drained() {
        if (waiting != null && !queue.isFull()) {
            Task t = waiting;
            waiting = null;
            t.wake();
        }
    }

    @Override
    public int room(long now) {
        return queue.room();
    }

    @Override
    public void send(Train train) {
        queue.offer(train);
    }

    @Override
    public boolean wantsEachPacket() {
        return true;
    }

    @Override
    public void wakeWhenRoom(Task sender) {
        waiting = sender;
    }
}
