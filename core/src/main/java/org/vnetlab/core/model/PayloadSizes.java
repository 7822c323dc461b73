package org.vnetlab.core.model;

import java.util.List;
import org.vnetlab.core.net.IpVersion;

/** The UDP payload sizes swept, per protocol (the study ends at 1470 B for IPv4, 1450 B for IPv6). */
public record PayloadSizes(List<Integer> ipv4, List<Integer> ipv6) {

    public PayloadSizes {
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
        for (List<Integer> sizes : List.of(ipv4, ipv6)) {
            for (int s : sizes) {
                Checks.positive("payload size", s);
            }
        }
    }

    public List<Integer> of(IpVersion ip) {
        return ip == IpVersion.IPV4 ? ipv4 : ipv6;
    }

    /** The same sizes for both protocols. */
    public static PayloadSizes both(List<Integer> sizes) {
        return new PayloadSizes(sizes, sizes);
    }
}
