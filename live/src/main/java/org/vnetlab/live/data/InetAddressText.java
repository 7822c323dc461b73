package org.vnetlab.live.data;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.vnetlab.core.net.IpAddress;

/** Addresses as users write them: {@code 198.18.0.1:5201}, {@code [fd00::1]:5201} (RFC 5952 text). */
public final class InetAddressText {

    private InetAddressText() {
    }

    public static String of(InetAddress a, int port) {
        String host = IpAddress.parse(a.getHostAddress().replaceFirst("%.*$", "")).toString();
        return (a instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
