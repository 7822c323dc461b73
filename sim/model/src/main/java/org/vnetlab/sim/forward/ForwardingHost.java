package org.vnetlab.sim.forward;

import java.util.List;
import java.util.SortedMap;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.result.DropTrace;
import org.vnetlab.sim.app.Reflector;
import org.vnetlab.sim.app.Relay;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.model.Testbed;
import org.vnetlab.sim.net.Flows;
import org.vnetlab.sim.net.WireEnd;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;
import org.vnetlab.sim.param.QueueSettings;

/**
 * Machine 1 of a scenario carrying one stream through a guest and back out: datagrams from
 * machine 2 enter the host's NIC, cross the modelled path to the guest, where a {@link Relay}
 * sends them on (or a {@link Reflector} answers them), and leave through the host's NIC towards
 * machine 2. The scenario's CPU burners burn. The simulator drives it with a modelled sender on
 * machine 2; the emulator drives the same object from real sockets, injecting arrivals with
 * {@link #inject} and taking departures at the far end of the wire ({@link #connectFarEnd}).
 */
public final class ForwardingHost extends HostModel {

    /** What the guest does with each datagram. */
    public enum Mode {
        /** Receive it and send it on towards machine 2 (the emulator's --forward). */
        RELAY,
        /** Answer it with the study's single-threaded reflector (the emulator's --reflect). */
        REFLECT
    }

    private final Flows.Flow flow;
    /** The relay, or null when the guest reflects. */
    private final Relay relay;
    private final Train injected = new Train();

    /**
     * @param socketPayload the payload the guest's receive buffer is sized for (Linux counts bytes; the
     *                      model counts packets of this size)
     */
    public ForwardingHost(Scenario scenario, long seed, String guestName, Mode mode, int socketPayload) {
        super(scenario, seed, guestName);
        Testbed bed = testbed();
        GuestSite guest = site();
        QueueSettings q = bed.queues();
        this.flow = bed.flows().add(guest.name(), guest.mac(), guest.stack());
        PacketQueue socket = new PacketQueue(DropTrace.socketRx(guest.name()),
                q.socketCapacity(socketPayload));
        bed.flows().bindGuest(flow, socket);
        bed.trace(socket);
        if (mode == Mode.RELAY) {
            relay = new Relay(guest.name() + ".relay", guest.domain(), socket, guest.txPort(), guest.stack(),
                    guest.deviceTxCost(), q.appBatch(), bed.random(guest.name() + ".relay"));
            guest.spawn(relay);
        } else {
            relay = null;
            guest.spawn(new Reflector(guest.name() + ".reflector", guest.domain(), socket,
                    guest.txPort(), guest.stack(), guest.deviceTxCost(), bed.random(guest.name() + ".reflector")));
        }
    }

    /** The guest a scenario measures: its first UDP stream's, else its first guest. */
    public static String defaultGuest(Scenario s) {
        List<UdpStream> udp = s.workloads(UdpStream.class);
        return udp.isEmpty() ? s.platform().guestNames().get(0) : udp.get(0).guest();
    }

    /** The id the stream's packets carry. */
    public int flow() {
        return flow.id();
    }

    /**
     * A datagram from machine 2 reaches the host's NIC at {@code at} (not before the kernel's now),
     * numbered {@code seq}, stamped {@code stamp}.
     */
    public void inject(long at, int payload, long seq, long stamp, PacketKind kind) {
        testbed().host().nicRx().arrive(injected.of(kind, payload, flow.id()).readyAt(at).stampedAt(stamp).seq(seq));
    }

    /** Frames the host sends reach {@code end} instead of machine 2's NIC. */
    public void connectFarEnd(WireEnd end) {
        testbed().host().nicTx().connectFarEnd(end);
    }

    /** Where machine 2 receives the stream in a simulated run. */
    public void bindPeerSocket(PacketQueue peerSocket) {
        testbed().flows().bindPeer(flow, peerSocket);
    }

    @Override
    public SortedMap<String, Long> drops() {
        SortedMap<String, Long> out = super.drops();
        if (relay != null && relay.sendDrops() > 0) {
            out.put(guest() + ".relay.send.drop", relay.sendDrops());
        }
        return out;
    }
}
