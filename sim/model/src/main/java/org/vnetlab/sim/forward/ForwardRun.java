package org.vnetlab.sim.forward;

import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.DropTrace;
import org.vnetlab.sim.app.UdpSender;
import org.vnetlab.sim.app.UdpSink;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.model.Testbed;
import org.vnetlab.sim.net.SendBuffer;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.param.QueueSettings;

/**
 * The emulator's path in virtual time: machine 2 sends an iperf-like UDP stream to a guest of
 * machine 1, the guest relays every datagram back to machine 2, where a sink counts what
 * arrives. This is the prediction an emulator run is compared with: the same components, the
 * virtual-time clock, and a modelled sender in place of the real socket.
 */
public final class ForwardRun {

    /**
     * One run of a forwarding path in virtual time.
     *
     * @param ip            the protocol of the forwarded traffic
     * @param payload       payload bytes per datagram (UDP) or the MSS (TCP)
     * @param seed          the run's seed; an emulator run compared with this one uses the same
     * @param durationNanos how long throughput is counted
     */
    public record Spec(IpVersion ip, int payload, long seed, long durationNanos) {
    }

    /**
     * @param rate offered rate of the sender on machine 2, packets per second
     * @return payload throughput arriving back at machine 2, Mbit/s
     */
    public static double relayMbps(Scenario s, String guest, Spec spec, double rate) {
        ForwardingHost host = new ForwardingHost(s, spec.seed(), guest, ForwardingHost.Mode.RELAY,
                spec.payload());
        Testbed bed = host.testbed();
        QueueSettings q = bed.queues();
        GuestSite peer = bed.peer().guest(Testbed.PEER);
        PacketQueue socket = new PacketQueue(DropTrace.socketRx("peer"),
                q.socketCapacity(spec.payload()));
        host.bindPeerSocket(socket);
        UdpSink sink = new UdpSink("peer.sink", peer.domain(), socket, peer.stack(), q.appBatch(),
                bed.random("peer.sink"));
        peer.spawn(sink);
        PacketKind kind = PacketKind.of(spec.ip(), Transport.UDP);
        long gap = Math.max(1, Math.round(1e9 / rate));
        UdpSender sender = new UdpSender("peer.sender", peer.domain(), bed.kernel(), peer.txPort(),
                new UdpSender.Stream(host.flow(), spec.payload(), kind, gap),
                new SendBuffer(q.socketBufferBytes(), q.truesize(spec.payload())), peer.stack(), peer.deviceTxCost(),
                q.pacingWindowNanos(), q.appBatch() * 4, false, bed.random("peer.sender"));
        peer.spawn(sender);
        sender.start(0, spec.durationNanos());
        host.start();
        bed.kernel().runUntil(spec.durationNanos());
        return sink.bytes() * 8e3 / spec.durationNanos();
    }

    /**
     * The emulator's TCP path in virtual time: a bulk transfer from machine 2 terminated in the
     * guest and relayed on to machine 2 ({@link TcpForwardingHost}).
     *
     * @param spec   its payload is ignored: the guest's MSS is used
     * @param warmUp how long after the start throughput is not counted (the guest's receive buffer
     *               fills before its relay's pace holds the sender back)
     * @return payload throughput reaching machine 2's receiving application after the warm-up, Mbit/s
     */
    public static double tcpRelayMbps(Scenario s, String guest, Spec spec, long warmUp) {
        TcpForwardingHost host = new TcpForwardingHost(s, spec.seed(), guest, spec.ip());
        TcpForwardingHost.Connection c = host.open();
        host.start();
        host.kernel().runUntil(warmUp);
        long before = c.delivered();
        host.kernel().runUntil(warmUp + spec.durationNanos());
        return (c.delivered() - before) * host.mss() * 8e3 / spec.durationNanos();
    }

    private ForwardRun() {
    }
}
