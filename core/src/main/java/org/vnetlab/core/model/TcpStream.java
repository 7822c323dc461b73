package org.vnetlab.core.model;

import org.vnetlab.core.units.ByteSize;

/**
 * An iperf-like bulk TCP transfer between machine 2 and a guest.
 *
 * @param receiveWindow the largest window the receiver advertises
 */
public record TcpStream(String guest, Direction direction, long durationNanos, ByteSize receiveWindow)
        implements Workload {

    public TcpStream {
        Checks.name("guest", guest);
        Checks.positive("tcp duration", durationNanos);
        Checks.positive("tcp receive window", receiveWindow.bytes());
    }

    @Override
    public String type() {
        return "tcp";
    }
}
