package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.Transport;

/** Which --forward addresses emulate refuses: --listen's own (a loop), and any that names no one host's port. */
class ForwardAddressTest {

    private static InetSocketAddress at(String host, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static Optional<String> udp(String forward, int forwardPort, String listen, int listenPort) throws Exception {
        return ForwardAddress.whyNot(at(forward, forwardPort), at(listen, listenPort), Transport.UDP);
    }

    @Test
    void listensOwnAddressAndPortWouldLoop() throws Exception {
        assertEquals(Optional.of("that is --listen's own address and port; the datagrams would loop; forward to"
                + " another port or host"), udp("127.0.0.1", 19000, "127.0.0.1", 19000));
        assertEquals(Optional.of("that is --listen's own address and port; the connections would loop; forward to"
                + " another port or host"), ForwardAddress.whyNot(at("127.0.0.1", 19000), at("127.0.0.1", 19000),
                Transport.TCP));
        assertTrue(udp("::1", 19000, "::1", 19000).orElseThrow().startsWith("that is --listen's own"));
        assertTrue(udp("localhost", 19000, "127.0.0.1", 19000).isPresent(), "a name for the same address");
    }

    @Test
    void aWildcardListenLoopsWithEveryLocalAddressOnItsPort() throws Exception {
        assertEquals(Optional.of("--listen takes port 19000 on every local address, this one too; the datagrams would"
                + " loop; forward to another port or host"), udp("127.0.0.1", 19000, "0.0.0.0", 19000));
        assertTrue(udp("127.0.0.2", 19000, "0.0.0.0", 19000).isPresent(), "all of 127/8 is local");
        assertTrue(udp("::1", 19000, "::", 19000).isPresent());
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InterfaceAddress a : i.getInterfaceAddresses()) {
                String host = a.getAddress().getHostAddress();
                assertTrue(ForwardAddress.whyNot(new InetSocketAddress(a.getAddress(), 19000),
                        new InetSocketAddress(a.getAddress() instanceof java.net.Inet6Address
                                ? InetAddress.getByName("::") : InetAddress.getByName("0.0.0.0"), 19000),
                        Transport.UDP).isPresent(), host + " is an address of " + i.getName());
            }
        }
    }

    @Test
    void otherPortsOtherHostsAndAnEphemeralListenPortAreFine() throws Exception {
        assertEquals(Optional.empty(), udp("127.0.0.1", 19001, "127.0.0.1", 19000));
        assertEquals(Optional.empty(), udp("127.0.0.2", 19000, "127.0.0.1", 19000), "127.0.0.1 does not hear 127.0.0.2");
        assertEquals(Optional.empty(), udp("198.18.0.2", 19000, "0.0.0.0", 19000), "not a local address");
        assertEquals(Optional.empty(), udp("127.0.0.1", 19000, "127.0.0.1", 0), "the kernel picks a free port");
        assertEquals(Optional.empty(), udp("127.0.0.1", 19000, "0.0.0.0", 0));
        assertEquals(Optional.empty(), udp("::1", 9001, "::1", 9000));
    }

    @Test
    void portZeroAndAddressesOfNoOneHostAreNoDestination() throws Exception {
        assertEquals(Optional.of("port 0 cannot be a destination (it asks for any free port, for listening); give the"
                + " port the traffic goes to"), udp("127.0.0.1", 0, "127.0.0.1", 0));
        String wildcard = "a wildcard address cannot be a destination (it means every local address, for listening);"
                + " give the address of one host";
        assertEquals(Optional.of(wildcard), udp("0.0.0.0", 9001, "127.0.0.1", 9000));
        assertEquals(Optional.of(wildcard), udp("::", 9001, "::1", 9000));
        assertEquals(Optional.of("a broadcast address cannot be a destination (the emulator forwards to one host);"
                + " give the address of one host"), udp("255.255.255.255", 9001, "127.0.0.1", 9000));
        String multicast = "a multicast address cannot be a destination (the emulator forwards to one host); give the"
                + " address of one host";
        for (String[] to : new String[][] {{"224.0.0.1", "127.0.0.1"}, {"239.255.255.250", "127.0.0.1"},
            {"ff02::1", "::1"}, {"ff0e::1", "::1"}}) {
            assertEquals(Optional.of(multicast), udp(to[0], 9001, to[1], 9000), to[0]);
        }
    }

    @Test
    void aLocalNetworksBroadcastAddressIsNoDestination() throws Exception {
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InterfaceAddress a : i.getInterfaceAddresses()) {
                if (a.getBroadcast() != null) {
                    assertTrue(ForwardAddress.whyNot(new InetSocketAddress(a.getBroadcast(), 9001), at("0.0.0.0", 9000),
                            Transport.UDP).orElseThrow().startsWith("a broadcast address"), a.toString());
                }
            }
        }
    }
}
