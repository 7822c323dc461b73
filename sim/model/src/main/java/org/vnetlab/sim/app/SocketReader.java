package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.packet.PacketQueue;

/** How an application thread reads a socket. */
final class SocketReaders {

    private SocketReaders() {
    }

    /**
     * {@code reader} sleeps on {@code socket} when it is empty: a packet arriving wakes it, and
     * while it sleeps for one on another CPU than the producer's, trains hand that packet over
     * the moment it is done, as packet-by-packet timing would.
     */
    static void readBy(Task reader, PacketQueue socket) {
        socket.onNonEmpty(reader::wake);
        socket.readerWaitingWhen(reader::sleepsForRemoteInput);
    }
}
