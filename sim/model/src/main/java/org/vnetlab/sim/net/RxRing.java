package org.vnetlab.sim.net;

import org.vnetlab.sim.packet.PacketQueue;

/**
 * A guest's shared receive ring (Xen's io/ring.h), the page netfront and netback both see: the
 * receive buffers the guest has posted (requests) and the packets netback has put into them
 * (responses). The indexes count from the connection on and never wrap. Each side asks for an
 * event by setting an event index; the other side notifies only when its producer index passes it
 * (RING_PUSH_*_AND_CHECK_NOTIFY), so neither side is interrupted while the other knows it is busy.
 */
final class RxRing {

    /** Responses the guest has not consumed yet: its filled buffers, in order. */
    final PacketQueue responses;
    /** Buffers the guest has posted (req_prod). */
    long reqProd;
    /** Netback wants an event once reqProd reaches this (req_event). */
    long reqEvent = 1;
    /** Responses netback has pushed (rsp_prod). */
    long rspProd;
    /** The guest wants an event once rspProd reaches this (rsp_event). */
    long rspEvent = 1;

    RxRing(String guest, int slots) {
        this.responses = new PacketQueue(guest + ".netfront.rx.ring", slots);
    }

    /** Whether moving a producer index from {@code before} to {@code after} passes {@code event}: notify then. */
    static boolean passes(long before, long after, long event) {
        return before < event && event <= after;
    }
}
