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

    /** Queues one packet that becomes ready to leave at {@code ready}. */
    void send(long ready, long stamp, int payload, int flow, long seq, long ack, int flags);

    /** Wakes {@code sender} once room has freed. */
    void wakeWhenRoom(Task sender);
}
