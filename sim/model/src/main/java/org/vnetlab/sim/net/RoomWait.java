package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Task;

/**
 * A sender's wait for room in a port. A sender that found the port full sleeps until the port
 * wakes the senders waiting for room ({@link PacketPort#roomWakes()}), as a process blocked in
 * a send call sleeps until the socket's write-space wake-up, instead of asking again every
 * time its CPU looks for work: with many senders on one CPU that asking was most of the cost.
 */
public final class RoomWait {

    private final PacketPort port;
    private final Task sender;
    /** The port's wake-up count when the sender found it full, or -1 when not waiting. */
    private long blockedAt = -1;

    public RoomWait(PacketPort port, Task sender) {
        this.port = port;
        this.sender = sender;
    }

    /** Whether the sender can queue now; if not, it sleeps until the port wakes it. */
    public boolean roomFor(long now) {
        if (blockedAt == port.roomWakes()) {
            return false;
        }
        if (port.roomFor(sender, now)) {
            blockedAt = -1;
            return true;
        }
        blockedAt = port.roomWakes();
        return false;
    }
}
