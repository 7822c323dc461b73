package org.vnetlab.sim.packet;

import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;

/**
 * What a packet is: its IP version, its transport, whether it is a TCP segment carrying only
 * an acknowledgement, and which way it travels. There is one instance per combination, made
 * once, so kinds compare with {@code ==}, are stored by reference and never allocate.
 */
public final class PacketKind {

    /** How many kinds there are. */
    public static final int COUNT = 16;
    private static final int V6 = 1;
    private static final int TCP = 1 << 1;
    private static final int ACK_ONLY = 1 << 2;
    private static final int OUTBOUND = 1 << 3;
    private static final PacketKind[] ALL = new PacketKind[COUNT];

    static {
        for (int bits = 0; bits < ALL.length; bits++) {
            ALL[bits] = new PacketKind(bits);
        }
    }

    private final int bits;

    private PacketKind(int bits) {
        this.bits = bits;
    }

    /** A data packet (a datagram, or a TCP segment with data) travelling towards machine 1. */
    public static PacketKind of(IpVersion ip, Transport transport) {
        return ALL[(ip == IpVersion.IPV6 ? V6 : 0) | (transport == Transport.TCP ? TCP : 0)];
    }

    public IpVersion ip() {
        return (bits & V6) != 0 ? IpVersion.IPV6 : IpVersion.IPV4;
    }

    public Transport transport() {
        return (bits & TCP) != 0 ? Transport.TCP : Transport.UDP;
    }

    /** A TCP segment that carries an acknowledgement only. */
    public boolean ackOnly() {
        return (bits & ACK_ONLY) != 0;
    }

    /** Whether it travels from machine 1 to machine 2 (else towards machine 1). */
    public boolean outbound() {
        return (bits & OUTBOUND) != 0;
    }

    /** This kind travelling from machine 1 to machine 2. */
    public PacketKind outwards() {
        return ALL[bits | OUTBOUND];
    }

    /** This kind travelling towards machine 1. */
    public PacketKind inwards() {
        return ALL[bits & ~OUTBOUND];
    }

    /** This kind travelling the other way: what a receiver's acknowledgements are to its data. */
    public PacketKind reversed() {
        return ALL[bits ^ OUTBOUND];
    }

    /** A TCP acknowledgement of this kind's IP version and direction. */
    public PacketKind acknowledgement() {
        return ALL[bits | TCP | ACK_ONLY];
    }

    /** The data segment of this kind's IP version and direction (an acknowledgement's data). */
    public PacketKind data() {
        return ALL[bits & ~ACK_ONLY];
    }

    /** Every kind, in the order of {@link #index()}. */
    public static java.util.List<PacketKind> all() {
        return java.util.List.of(ALL);
    }

    /** A number from 0 to {@link #COUNT} - 1, for tables indexed by kind. */
    public int index() {
        return bits;
    }

    /**
     * The kind numbered {@code index}. Queues store kinds as these numbers: an int store costs
     * no garbage-collector write barrier, a reference store does, on every packet moved.
     */
    public static PacketKind ofIndex(int index) {
        return ALL[index];
    }

    /** Bytes a packet of {@code payload} bytes occupies on the wire, with Ethernet framing, preamble and gap. */
    public int wireBytes(int payload) {
        return Ethernet.wireBytes(payload, ip(), transport());
    }

    @Override
    public String toString() {
        return ip().key() + "/" + transport().key() + (ackOnly() ? "/ack" : "") + (outbound() ? "/out" : "/in");
    }
}
