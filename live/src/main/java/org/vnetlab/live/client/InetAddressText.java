package org.vnetlab.live.client;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Addresses as users write them: {@code 198.18.0.1:5201}, {@code [fd00::1]:5201} (RFC 5952 short form). */
public final class InetAddressText {

    private InetAddressText() {
    }

    public static String of(InetAddress a, int port) {
        return (a instanceof Inet6Address ? "[" + host(a) + "]" : host(a)) + ":" + port;
    }

    /** The address alone; IPv6 with its longest run of zero groups written as {@code ::}. */
    public static String host(InetAddress a) {
        String full = a.getHostAddress();
        int scope = full.indexOf('%');
        if (!(a instanceof Inet6Address)) {
            return full;
        }
        String[] groups = (scope < 0 ? full : full.substring(0, scope)).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
