package org.vnetlab.live.emulate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.packet.PacketKind;

/**
 * Datagrams through the model: each enters the host's NIC at its arrival time, numbered by its
 * slot in the {@link IngressRing}, and leaves through the {@link Egress} when its frame reaches
 * the far end of the modelled wire ({@link EgressTap}).
 */
public final class UdpCarrier implements Carrier {

    private final ForwardingHost host;
    private final IngressRing ingress;
    private final EgressTap tap = new EgressTap();
    private final Egress egress;
    private final PacketKind kind;
    private final long warmUpNanos;
    private final PacingStats release = new PacingStats();
    private final PacingStats transit = new PacingStats();
    private long epoch;
    private long packetsOut;
    private long bytesOut;
    private long stale;

    /**
     * @param kind the model's kind of every datagram (IPv4 or IPv6, UDP)
     */
    public UdpCarrier(ForwardingHost host, IngressRing ingress, Egress egress, PacketKind kind, EmulatorSettings settings) {
        this.host = host;
        this.ingress = ingress;
        this.egress = egress;
        this.kind = kind;
        this.warmUpNanos = settings.warmUpNanos();
        host.connectFarEnd(tap);
    }

    @Override
    public void start(long epoch) {
        this.epoch = epoch;
    }

    @Override
    public boolean hasArrivals() {
        return ingress.hasPending();
    }

    @Override
    public void admit() {
        while (ingress.hasPending()) {
            long seq = ingress.nextSeq();
            long at = Math.max(host.kernel().now(), ingress.arrivalOf(seq) - epoch);
            host.inject(at, ingress.lengthOf(seq), seq, at, kind);
            ingress.taken();
        }
    }

    @Override
    public long nextDeparture() {
        return tap.nextDue();
    }

    @Override
    public void depart(long now) throws IOException {
        while (tap.due(now)) {
            long due = tap.nextDue();
            long seq = tap.take();
            if (!ingress.holds(seq)) {
                stale++;
                continue;
            }
            ByteBuffer b = ingress.bytesOf(seq);
            int bytes = b.remaining();
            // lateness as the datagram is handed to the socket
            if (due > warmUpNanos) {
                release.record(System.nanoTime() - epoch - due);
                transit.record(due - (ingress.arrivalOf(seq) - epoch));
            }
            egress.send(b, ingress.sourceOf(seq));
            packetsOut++;
            bytesOut += bytes;
        }
    }

    @Override
    public long packetsIn() {
        return ingress.published();
    }

    @Override
    public long packetsOut() {
        return packetsOut;
    }

    @Override
    public long bytesOut() {
        return bytesOut;
    }

    @Override
    public void addDrops(Map<String, Long> drops) {
        if (ingress.overflows() > 0) {
            drops.put(IngressRing.OVERFLOW, ingress.overflows());
        }
        if (ingress.oversizes() > 0) {
            drops.put(IngressRing.OVERSIZE, ingress.oversizes());
        }
        if (stale > 0) {
            drops.put(IngressRing.STALE, stale);
        }
    }

    @Override
    public PacingStats.Summary transit() {
        return transit.summary();
    }

    @Override
    public PacingStats.Summary release() {
        return release.summary();
    }
}
