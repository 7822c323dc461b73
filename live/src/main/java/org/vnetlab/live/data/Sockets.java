package org.vnetlab.live.data;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/** Opens the data sockets of a test, in the family of the address they serve. */
public final class Sockets {

    /** Socket buffers asked for (the kernel caps them at net.core.[rw]mem_max). */
    private static final int BUFFER_BYTES = 4 << 20;

    private Sockets() {
    }

    public static ProtocolFamily family(InetAddress address) {
        return address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /** A UDP channel bound to {@code address} (port 0 for any) with large buffers. */
    public static DatagramChannel udp(InetAddress address, int port) throws IOException {
        DatagramChannel c = DatagramChannel.open(family(address));
        try {
            c.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER_BYTES);
            c.setOption(StandardSocketOptions.SO_SNDBUF, BUFFER_BYTES);
            c.bind(new InetSocketAddress(address, port));
            return c;
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    public static int port(DatagramChannel c) {
        return c.socket().getLocalPort();
    }
}
