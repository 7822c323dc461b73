package org.vnetlab.sim.forward;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.TcpStream;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.app.CongestionControl;
import org.vnetlab.sim.app.TcpReceiver;
import org.vnetlab.sim.app.TcpSender;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.param.TcpSettings;
import org.vnetlab.sim.model.Testbed;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.packet.PacketKind;

/**
 * Machine 1 of a scenario relaying TCP connections through a guest. Each connection is
 * terminated in the guest and opened again from it: a sender on machine 2 (standing for the
 * real client) sends to the guest's receiver, the guest's relay hands every segment its
 * application read to a second sender (reading only while that sender's buffer has room, so
 * a slow onward leg closes the inbound window), and that one sends back to a receiver on machine 2
 * (standing for the real server). Both are the simulator's own TCP, with its congestion control,
 * windows and ACKs over the modelled NICs, bridge, split driver and CPUs. Sequence numbers count
 * segments of one MSS; the emulator maps its real stream's bytes onto them.
 */
public final class TcpForwardingHost extends HostModel {

    private final int mss;
    private final PacketKind dataIn;
    private final PacketKind dataOut;
    private final TcpSettings settings;
    private final int windowSegments;
    private final String congestion;
    private int opened;

    /** Takes the window and congestion control from the scenario's TCP workload of the guest (or its first). */
    public TcpForwardingHost(Scenario scenario, long seed, String guestName, IpVersion ip) {
        super(scenario, seed, guestName);
        TcpStream stream = streamOf(scenario, guestName).orElseThrow(() -> new IllegalArgumentException(
                "scenario " + scenario.name() + " has no tcp workload to take the window and congestion control from"));
        this.mss = Ethernet.maxPayload(scenario.link().mtu(), ip, Transport.TCP);
        this.dataIn = PacketKind.of(ip, Transport.TCP);
        this.dataOut = dataIn.outwards();
        this.settings = TcpSettings.of(scenario.parameters());
        this.windowSegments = (int) Math.max(2, stream.receiveWindow().bytes() / mss);
        this.congestion = stream.congestion();
    }

    /** The scenario's TCP workload for the guest, else its first one. */
    public static Optional<TcpStream> streamOf(Scenario scenario, String guest) {
        List<TcpStream> tcp = scenario.workloads(TcpStream.class);
        return tcp.stream().filter(t -> t.guest().equals(guest)).findFirst().or(() -> tcp.stream().findFirst());
    }

    /** Payload bytes of a full segment. */
    public int mss() {
        return mss;
    }

    /**
     * The most payload one connection holds between the client's application and the server's:
     * the client's send buffer, the guest's receive buffer (acknowledged, not yet read) and the
     * relay's send buffer.
     */
    public long heldBytes() {
        return (windowSegments + 2 * settings.sendBufferSegments(mss)) * mss;
    }

    /** A new connection; call before the start or on the model's thread between its events. */
    public Connection open() {
        return new Connection("tcp" + (++opened));
    }

    /** One relayed connection: machine 2 to the guest, and the guest on to machine 2. */
    public final class Connection {

        private final TcpSender client;
        private final TcpReceiver server;

        private Connection(String name) {
            Testbed bed = testbed();
            GuestSite guest = site();
            GuestSite peer = bed.peer().guest(Testbed.PEER);
            Flows.Flow in = bed.flows().add(guest.name(), guest.mac(), guest.stack());
            Flows.Flow out = bed.flows().add(guest.name(), guest.mac(), guest.stack());
            client = sender(peer, name + ".client", in, dataIn);
            TcpReceiver atGuest = receiver(guest, name + ".guest-in", in, dataIn);
            TcpSender relay = sender(guest, name + ".guest-out", out, dataOut);
            server = receiver(peer, name + ".server", out, dataOut);
            bed.flows().bindGuest(in, atGuest.inbox());
            bed.flows().bindPeer(in, client.acks());
            bed.flows().bindPeer(out, server.inbox());
            bed.flows().bindGuest(out, relay.acks());
            // the guest's relay reads what it can send on: no more than its send buffer past what was acknowledged
            relay.supply(0);
            atGuest.onRead(relay::supply);
            atGuest.allowReads(relay.sendBufferSegments());
            relay.onAcknowledged(acked -> atGuest.allowReads(acked + relay.sendBufferSegments()));
            client.start(bed.kernel().now(), Long.MAX_VALUE);
            relay.start(bed.kernel().now(), Long.MAX_VALUE);
        }

        private TcpSender sender(GuestSite at, String name, Flows.Flow flow, PacketKind kind) {
            TcpSender s = new TcpSender(name, at.domain(), kernel(), at.txPort(),
                    new TcpSender.Segments(flow.id(), mss, kind), at.stack(), at.deviceTxCost(), at.tcpGso(), settings,
                    CongestionControl.of(congestion), windowSegments, testbed().random(name));
            at.spawn(s);
            return s;
        }

        /** A receiver of data of {@code dataKind}; its ACKs go the other way. */
        private TcpReceiver receiver(GuestSite at, String name, Flows.Flow flow, PacketKind dataKind) {
            TcpReceiver r = new TcpReceiver(name, at.domain(), kernel(), at.txPort(), flow.id(), mss, dataKind,
                    windowSegments, at.stack(), settings, testbed().random(name));
            at.spawn(r);
            return r;
        }

        /**
         * The real client has now handed over {@code segments} segments in all. Without a call the
         * client sends without end (a bulk transfer).
         */
        public void supply(long segments) {
            client.supply(segments);
        }

        /**
         * The most segments the client's application can have handed over by now: what the guest
         * acknowledged plus the send buffer (a real application's write blocks beyond it).
         */
        public long suppliable() {
            return client.acknowledged() + client.sendBufferSegments();
        }

        /** Whether machine 2's sender has sent all it was supplied and the guest acknowledged all of it. */
        public boolean idle() {
            return client.idle();
        }

        /** Hears the total of segments that reached the server's application, as they do. */
        public void onDelivered(LongConsumer listener) {
            server.onRead(listener);
        }

        /** Segments that reached the server's application. */
        public long delivered() {
            return server.segmentsRead();
        }
    }
}
