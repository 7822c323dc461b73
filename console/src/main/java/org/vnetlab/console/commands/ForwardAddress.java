package org.vnetlab.console.commands;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import org.vnetlab.core.net.Transport;

/**
 * Whether an address can be emulate's --forward: one host's port, and not --listen's own. The
 * emulator sends everything that reaches --listen on to --forward, so forwarding to --listen
 * would loop one datagram forever (or, with TCP, open connections to itself until none are
 * left), and a wildcard, broadcast or multicast address or port 0 names no one destination.
 */
final class ForwardAddress {

    private static final String ONE_HOST = "; give the address of one host";
    /** 255.255.255.255. */
    private static final byte[] LIMITED_BROADCAST = {-1, -1, -1, -1};

    private ForwardAddress() {
    }

    /**
     * Why {@code forward} cannot take what arrives at {@code listen}, in words for after
     * "--forward ADDR:PORT: "; empty when it can.
     */
    static Optional<String> whyNot(InetSocketAddress forward, InetSocketAddress listen, Transport transport) {
        InetAddress to = forward.getAddress();
        if (to.isAnyLocalAddress()) {
            return Optional.of("a wildcard address cannot be a destination (it means every local address, for"
                    + " listening)" + ONE_HOST);
        }
        if (to.isMulticastAddress()) {
            return Optional.of("a multicast address cannot be a destination (the emulator forwards to one host)"
                    + ONE_HOST);
        }
        if (isBroadcast(to)) {
            return Optional.of("a broadcast address cannot be a destination (the emulator forwards to one host)"
                    + ONE_HOST);
        }
        if (forward.getPort() == 0) {
            return Optional.of("port 0 cannot be a destination (it asks for any free port, for listening); give the"
                    + " port the traffic goes to");
        }
        String loops = "; the " + (transport == Transport.TCP ? "connections" : "datagrams")
                + " would loop; forward to another port or host";
        // a listen port of 0 is only known once bound, and the kernel will not pick one in use
        if (listen.getPort() != forward.getPort() || listen.getPort() == 0) {
            return Optional.empty();
        }
        if (to.equals(listen.getAddress())) {
            return Optional.of("that is --listen's own address and port" + loops);
        }
        if (listen.getAddress().isAnyLocalAddress() && BindAddress.isOfThisHost(to)) {
            return Optional.of("--listen takes port " + listen.getPort() + " on every local address, this one too"
                    + loops);
        }
        return Optional.empty();
    }

    /** 255.255.255.255, or the broadcast address of one of this machine's IPv4 networks. */
    private static boolean isBroadcast(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            return false; // IPv6 has no broadcast, only multicast
        }
        if (Arrays.equals(a.getAddress(), LIMITED_BROADCAST)) {
            return true;
        }
        try {
            for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress ia : i.getInterfaceAddresses()) {
                    if (a.equals(ia.getBroadcast())) {
                        return true;
                    }
                }
            }
        } catch (SocketException e) {
            // interfaces unreadable: only the limited broadcast is known
        }
        return false;
    }
}
