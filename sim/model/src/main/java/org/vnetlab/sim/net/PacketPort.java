package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Task;

/**
 * Where a sender puts packets: a NIC's transmit ring, a netfront transmit ring. Senders
 * respect {@link #room(long)} (a full device queue blocks the socket, as Linux's send
 * buffer accounting does) and ask to be woken when room frees.
 */
public interface PacketPort {

    /** Packets that can be queued now. */
    int room(long now);

    /**
     * Queues a train of {@code n} equal packets: packet j ready to leave at
     * {@code ready0 + j * readyStep}, stamped {@code stamp0 + j * stampStep}, numbered {@code seq0 + j}.
     */
    void send(long ready0, long readyStep, long stamp0, long stampStep, int n, int payload, int flow, long seq0,
              long ack, int flags);

    /** Wakes {@code sender} once room has freed. */
    void wakeWhenRoom(Task sender);

    /** Whether {@code sender} can queue now; if not, it is woken once room has freed. */
    default boolean roomFor(Task sender, long now) {
        if (room(now) > 0) {
            return true;
        }
        wakeWhenRoom(sender);
        return false;
    }
}
