package org.vnetlab.sim.param;

import org.vnetlab.core.net.IpVersion;
import org.vnetlab.sim.packet.PacketKind;

/**
 * The network stack a guest's packets go through and what it costs there: the native kernel,
 * the host kernel on behalf of a VServer context (plus its context checks) or of a container's
 * namespace (plus its own lookups), or a paravirtualised DomU kernel (its own work scaled, its
 * system calls bouncing through Xen).
 */
public final class GuestStack {

    private final Costs costs;
    private final double syscallFactor;
    /** Kernel receive and transmit work per packet, by {@link PacketKind#index()}: read on every packet. */
    private final double[] rx = new double[PacketKind.COUNT];
    private final double[] tx = new double[PacketKind.COUNT];

    /**
     * @param ipv6TxExtra what an IPv6 packet costs more to send: a DomU's netfront offers checksum
     *                    offload for IPv4 only, so the guest's stack checksums IPv6 datagrams it
     *                    sends itself. Receiving has no such difference (which checksums Dom0's NIC
     *                    validated reach the guest as they would a native stack), and the study's
     *                    DomU receives IPv6 in the same relation to IPv4 as native Linux does.
     */
    private GuestStack(Costs costs, double kernelFactor, double syscallFactor, double ipv6TxExtra,
                       double perPacketExtra) {
        this.costs = costs;
        this.syscallFactor = syscallFactor;
        for (PacketKind k : PacketKind.all()) {
            double v6 = k.ip() == IpVersion.IPV6 ? ipv6TxExtra : 0;
            rx[k.index()] = costs.stackRx(k) * kernelFactor + perPacketExtra;
            tx[k.index()] = costs.stackTx(k) * kernelFactor + v6 + perPacketExtra;
        }
    }

    public static GuestStack nativeKernel(Costs c) {
        return new GuestStack(c, 1, 1, 0, 0);
    }

    public static GuestStack vserverContext(Costs c) {
        return new GuestStack(c, 1, 1, 0, c.vserverPerPacket);
    }

    /** A container's network namespace on the host kernel, with {@code perPacket} of its own each way. */
    public static GuestStack containerNamespace(Costs c, double perPacket) {
        return new GuestStack(c, 1, 1, 0, perPacket);
    }

    public static GuestStack xenGuest(Costs c) {
        return new GuestStack(c, c.guestKernelFactor, c.guestSyscallFactor, c.guestIpv6Extra, 0);
    }

    public Costs costs() {
        return costs;
    }

    /** Kernel receive work (IP and transport) for one packet. */
    public double rx(PacketKind kind) {
        return rx[kind.index()];
    }

    /** Kernel transmit work (transport and IP) for one packet. */
    public double tx(PacketKind kind) {
        return tx[kind.index()];
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
