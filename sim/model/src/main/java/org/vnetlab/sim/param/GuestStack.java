package org.vnetlab.sim.param;

import org.vnetlab.core.net.IpVersion;
import org.vnetlab.sim.packet.Packets;

/**
 * The network stack a guest's packets go through and what it costs there: the native kernel,
 * the host kernel on behalf of a VServer context (plus its context checks), or a
 * paravirtualised DomU kernel (its own work scaled, its system calls bouncing through Xen).
 */
public final class GuestStack {

    private final Costs costs;
    private final double kernelFactor;
    private final double syscallFactor;
    private final double ipv6Extra;
    private final double perPacketExtra;

    private GuestStack(Costs costs, double kernelFactor, double syscallFactor, double ipv6Extra,
                       double perPacketExtra) {
        this.costs = costs;
        this.kernelFactor = kernelFactor;
        this.syscallFactor = syscallFactor;
        this.ipv6Extra = ipv6Extra;
        this.perPacketExtra = perPacketExtra;
    }

    public static GuestStack nativeKernel(Costs c) {
        return new GuestStack(c, 1, 1, 0, 0);
    }

    public static GuestStack vserverContext(Costs c) {
        return new GuestStack(c, 1, 1, 0, c.vserverPerPacket);
    }

    public static GuestStack xenGuest(Costs c) {
        return new GuestStack(c, c.guestKernelFactor, c.guestSyscallFactor, c.guestIpv6Extra, 0);
    }

    public Costs costs() {
        return costs;
    }

    private double v6(int flags) {
        return Packets.ip(flags) == IpVersion.IPV6 ? ipv6Extra : 0;
    }

    /** Kernel receive work (IP and transport) for one packet. */
    public double rx(int flags) {
        return costs.stackRx(flags) * kernelFactor + v6(flags) + perPacketExtra;
    }

    /** Kernel transmit work (transport and IP) for one packet. */
    public double tx(int flags) {
        return costs.stackTx(flags) * kernelFactor + v6(flags) + perPacketExtra;
    }

    /** A receive system call returning one packet of {@code payload} bytes, with the app's loop. */
    public double recvCall(int payload) {
        return costs.socketRx * syscallFactor + costs.socketPerByte * payload;
    }

    /** A send system call of one packet of {@code payload} bytes, with the app's loop. */
    public double sendCall(int payload) {
        return costs.socketTx * syscallFactor + costs.socketPerByte * payload;
    }
}
