package org.vnetlab.live.emulate;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.forward.TcpForwardingHost;
import org.vnetlab.sim.packet.PacketKind;

/**
 * Starts an emulator from what a user asks for: the model of a scenario's host between a listen
 * address and a forward address (or back to each sender), carrying UDP datagrams or TCP
 * connections. Assembles the ring, the edge, the carrier and the packet kind, so callers never do.
 */
public final class Emulators {

    private Emulators() {
    }

    /**
     * What to emulate.
     *
     * @param guest   the guest the traffic crosses
     * @param listen  where datagrams or connections arrive; its family is the modelled IP version
     * @param forward where they go on to; null to answer each datagram to its sender (UDP only)
     */
    public record Spec(Scenario scenario, long seed, String guest, Transport transport, InetSocketAddress listen,
                       InetSocketAddress forward) {

        public Spec {
            if (!scenario.platform().guestNames().contains(guest)) {
                throw new IllegalArgumentException("no guest " + guest + " in " + scenario.name() + " (it has: "
                        + String.join(", ", scenario.platform().guestNames()) + ")");
            }
            if (transport == Transport.TCP && forward == null) {
                throw new IllegalArgumentException("TCP connections need a forward address; only datagrams are reflected");
            }
            if (forward != null && family(forward) != family(listen)) {
                throw new IllegalArgumentException("the listen and forward addresses must both be IPv4 or both IPv6");
            }
            if (transport == Transport.TCP && TcpForwardingHost.streamOf(scenario, guest).isEmpty()) {
                throw new IllegalArgumentException("scenario " + scenario.name() + " has no tcp workload to take the"
                        + " receive window and congestion control from (add {type = tcp, guest = " + guest
                        + "} to its workloads)");
            }
        }

        public IpVersion ip() {
            return family(listen);
        }

        public boolean reflects() {
            return forward == null;
        }
    }

    /** The listen socket could not be bound. */
    public static final class ListenFailed extends IOException {
        ListenFailed(InetSocketAddress listen, IOException cause) {
            super("cannot listen on " + listen + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * A running emulator.
     *
     * @param emulator the emulator, to finish and wait for
     * @param bound    the listen address as bound (the real port when 0 was asked)
     * @param route    one line saying what crosses what, for the user
     */
    public record Started(Emulator emulator, InetSocketAddress bound, String route) {
    }

    /** Binds the listen socket and starts the model; returns once traffic is taken. */
    public static Started start(Spec spec, EmulatorSettings settings, Supervisor.Listener listener) throws IOException {
        return spec.transport() == Transport.TCP ? startTcp(spec, settings, listener) : startUdp(spec, settings, listener);
    }

    private static Started startUdp(Spec spec, EmulatorSettings settings, Supervisor.Listener listener)
            throws IOException {
        // the modelled path carries what its MTU does: no more, and no less than the ring's slots
        int maxPayload = Ethernet.maxPayload(spec.scenario().link().mtu(), spec.ip(), Transport.UDP);
        IngressRing ring = new IngressRing(settings.slots(), Math.max(settings.slotBytes(), maxPayload + 1));
        UdpEdge edge;
        try {
            edge = new UdpEdge(spec.listen(), spec.forward(), ring, maxPayload);
        } catch (IOException e) {
            throw new ListenFailed(spec.listen(), e);
        }
        ForwardingHost host = new ForwardingHost(spec.scenario(), spec.seed(), spec.guest(),
                spec.reflects() ? ForwardingHost.Mode.REFLECT : ForwardingHost.Mode.RELAY, maxPayload);
        InetSocketAddress bound = edge.localAddress();
        String route = String.format(Locale.ROOT, "%s -> %s -> %s (%s, UDP, datagrams of at most %d B)", bound,
                spec.guest(), spec.reflects() ? "back to each sender" : spec.forward(), spec.ip().key(), maxPayload);
        Emulator e = Emulator.start(host, ring, edge, PacketKind.of(spec.ip(), Transport.UDP), settings, listener);
        return new Started(e, bound, route);
    }

    private static Started startTcp(Spec spec, EmulatorSettings settings, Supervisor.Listener listener)
            throws IOException {
        TcpForwardingHost host = new TcpForwardingHost(spec.scenario(), spec.seed(), spec.guest(), spec.ip());
        TcpCarrier carrier = new TcpCarrier(host, settings.tcpReadAhead());
        TcpEdge edge;
        try {
            edge = new TcpEdge(spec.listen(), spec.forward(), carrier, settings);
        } catch (IOException e) {
            throw new ListenFailed(spec.listen(), e);
        }
        InetSocketAddress bound = edge.localAddress();
        String route = String.format(Locale.ROOT, "%s -> %s -> %s (%s, TCP, segments of %d B)", bound, spec.guest(),
                spec.forward(), spec.ip().key(), host.mss());
        return new Started(Emulator.start(host, carrier, edge, settings, listener), bound, route);
    }

    private static IpVersion family(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address ? IpVersion.IPV6 : IpVersion.IPV4;
    }
}
