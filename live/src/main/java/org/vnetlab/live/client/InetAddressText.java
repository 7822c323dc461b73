package org.vnetlab.live.client;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Addresses as users write them: {@code 198.18.0.1:5201}, {@code [fd00::1]:5201}. */
public final class InetAddressText {

    private InetAddressText() {
    }

    public static String of(InetAddress a, int port) {
        String host = a.getHostAddress();
        return (a instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
