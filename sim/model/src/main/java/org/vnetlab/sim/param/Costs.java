package org.vnetlab.sim.param;

import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;

/**
 * The model's CPU costs, read once from the parameters (model.cost.*) into fields for the hot
 * paths. Every value is nanoseconds at cpu-speed 1.0; see the simulator's reference.conf for
 * each one's meaning and source.
 */
public final class Costs {

    public final double jitter;
    public final double driverRx;
    public final double driverTx;
    public final double perInterrupt;
    final double ipv4Rx;
    final double ipv4Tx;
    final double ipv6Rx;
    final double ipv6Tx;
    final double udpRx;
    final double udpTx;
    final double tcpRx;
    final double tcpTx;
    final double tcpAck;
    public final double socketRx;
    public final double socketTx;
    public final double socketPerByte;
    public final double clockRead;
    public final double vserverPerPacket;
    public final double bridge;
    public final double netbackRx;
    public final double netbackRxFlip;
    public final double netbackRxCopy;
    public final double netbackRxCopyPerByte;
    public final double netbackMfnRefill;
    public final double netbackTlbFlush;
    public final double netbackTx;
    public final double netbackTxPerByte;
    public final double netbackTxDealloc;
    public final double netbackNotify;
    public final double netfrontRx;
    public final double netfrontRxFlip;
    public final double netfrontRxFlipRefill;
    public final double netfrontTx;
    public final double netfrontNotify;
    public final double guestKernelFactor;
    public final double guestSyscallFactor;
    public final double guestIpv6Extra;

    public Costs(ModelParameters p) {
        jitter = p.get("cost.jitter");
        driverRx = p.get("cost.driver.rx-per-packet-ns");
        driverTx = p.get("cost.driver.tx-per-packet-ns");
        perInterrupt = p.get("cost.driver.per-interrupt-ns");
        ipv4Rx = p.get("cost.ipv4.rx-per-packet-ns");
        ipv4Tx = p.get("cost.ipv4.tx-per-packet-ns");
        ipv6Rx = p.get("cost.ipv6.rx-per-packet-ns");
        ipv6Tx = p.get("cost.ipv6.tx-per-packet-ns");
        udpRx = p.get("cost.udp.rx-per-packet-ns");
        udpTx = p.get("cost.udp.tx-per-packet-ns");
        tcpRx = p.get("cost.tcp.rx-per-segment-ns");
        tcpTx = p.get("cost.tcp.tx-per-segment-ns");
        tcpAck = p.get("cost.tcp.per-ack-ns");
        socketRx = p.get("cost.socket.rx-per-packet-ns");
        socketTx = p.get("cost.socket.tx-per-packet-ns");
        socketPerByte = p.get("cost.socket.per-byte-ns");
        clockRead = p.get("cost.socket.clock-read-ns");
        vserverPerPacket = p.get("cost.vserver.per-packet-ns");
        bridge = p.get("cost.bridge.per-packet-ns");
        netbackRx = p.get("cost.netback.rx-per-packet-ns");
        netbackRxFlip = p.get("cost.netback.rx-flip-per-packet-ns");
        netbackRxCopy = p.get("cost.netback.rx-copy-per-packet-ns");
        netbackRxCopyPerByte = p.get("cost.netback.rx-copy-per-byte-ns");
        netbackMfnRefill = p.get("cost.netback.mfn-refill-ns");
        netbackTlbFlush = p.get("cost.netback.tlb-flush-ns");
        netbackTx = p.get("cost.netback.tx-per-packet-ns");
        netbackTxPerByte = p.get("cost.netback.tx-per-byte-ns");
        netbackTxDealloc = p.get("cost.netback.tx-dealloc-per-packet-ns");
        netbackNotify = p.get("cost.netback.per-notify-ns");
        netfrontRx = p.get("cost.netfront.rx-per-packet-ns");
        netfrontRxFlip = p.get("cost.netfront.rx-flip-per-packet-ns");
        netfrontRxFlipRefill = p.get("cost.netfront.rx-flip-per-refill-ns");
        netfrontTx = p.get("cost.netfront.tx-per-packet-ns");
        netfrontNotify = p.get("cost.netfront.per-notify-ns");
        guestKernelFactor = p.get("cost.xen-guest.kernel-factor");
        guestSyscallFactor = p.get("cost.xen-guest.syscall-factor");
        guestIpv6Extra = p.get("cost.xen-guest.ipv6-extra-per-packet-ns");
    }

    /** Receive cost of the IP and transport layers for a packet of this kind. */
    public double stackRx(PacketKind kind) {
        double ip = kind.ip() == IpVersion.IPV6 ? ipv6Rx : ipv4Rx;
        if (kind.transport() == Transport.TCP) {
            return ip + (kind.ackOnly() ? tcpAck : tcpRx);
        }
        return ip + udpRx;
    }

    /** Transmit cost of the IP and transport layers for a packet of this kind. */
    public double stackTx(PacketKind kind) {
        double ip = kind.ip() == IpVersion.IPV6 ? ipv6Tx : ipv4Tx;
        if (kind.transport() == Transport.TCP) {
            return ip + (kind.ackOnly() ? tcpAck : tcpTx);
        }
        return ip + udpTx;
    }
}
