package org.vnetlab.sim.net;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * The streams of a run, by the id packets carry: which guest each belongs to (its MAC on the
 * bridge and its stack) and the sockets at either end. Packets whose kind is outbound go to
 * the peer's socket, the others to the guest's.
 */
public final class Flows {

    /** One stream between a guest of machine 1 and machine 2. */
    public static final class Flow {
        final int id;
        final String guest;
        final MacAddress mac;
        final GuestStack guestStack;
        PacketQueue guestSocket;
        PacketQueue peerSocket;

        Flow(int id, String guest, MacAddress mac, GuestStack guestStack) {
            this.id = id;
            this.guest = guest;
            this.mac = mac;
            this.guestStack = guestStack;
        }

        public int id() {
            return id;
        }

        public String guest() {
            return guest;
        }

        public MacAddress mac() {
            return mac;
        }

        public GuestStack guestStack() {
            return guestStack;
        }
    }

    private final List<Flow> flows = new ArrayList<>();

    public Flow add(String guest, MacAddress mac, GuestStack guestStack) {
        Flow f = new Flow(flows.size(), guest, mac, guestStack);
        flows.add(f);
        return f;
    }

    public Flow get(int id) {
        return flows.get(id);
    }

    public List<Flow> all() {
        return List.copyOf(flows);
    }

    /** Sets the socket where the guest end of {@code flow} receives. */
    public void bindGuest(Flow flow, PacketQueue socket) {
        flow.guestSocket = socket;
    }

    /** Sets the socket where the peer end of {@code flow} receives. */
    public void bindPeer(Flow flow, PacketQueue socket) {
        flow.peerSocket = socket;
    }

    PacketQueue socketFor(int flow, boolean outbound) {
        Flow f = flows.get(flow);
        return outbound ? f.peerSocket : f.guestSocket;
    }
}
