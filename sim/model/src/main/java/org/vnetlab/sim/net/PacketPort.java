package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.packet.Train;

/**
 * Where a sender puts packets: a NIC's transmit ring, a netfront transmit ring. Senders
 * respect {@link #room(long)} (a full device queue blocks the socket, as Linux's send
 * buffer accounting does) and ask to be woken when room frees.
 */
public interface PacketPort {

    /** Packets that can be queued now. */
    int room(long now);

    /** Queues {@code train}, its ready times being when each packet may leave; the caller keeps it. */
    void send(Train train);

    /**
     * Whether each packet should be handed over as soon as it is done, rather than in trains:
     * a port served by a task that the first packet wakes (netfront's ring, which netback
     * serves on another CPU) sees its packets as they come, or that task would run later and
     * in bigger batches than it does packet by packet; so does a NIC's wire, whose far NIC
     * decides by what has arrived whether its poll goes on or waits for an interrupt.
     */
    default boolean wantsEachPacket() {
        return false;
    }

    /**
     * Whether this port frees the datagrams of {@code flow} it is handed as their device does, so
     * that the sender charges them to {@code socket} until then (see {@link SendBuffer}); a port
     * whose frames leave their socket's account at once answers false.
     */
    boolean holdFor(int flow, SendBuffer socket);

    /** How many times this port has woken the senders waiting for room (see {@link RoomWait}). */
    long roomWakes();

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
