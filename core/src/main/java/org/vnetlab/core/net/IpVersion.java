package org.vnetlab.core.net;

import java.util.Locale;

/** The network-layer protocol of a packet and the size of its fixed header. */
public enum IpVersion {
    IPV4(20),
    IPV6(40);

    private final int headerBytes;

    IpVersion(int headerBytes) {
        this.headerBytes = headerBytes;
    }

    public int headerBytes() {
        return headerBytes;
    }

    /** The name used in configuration and results: {@code ipv4} or {@code ipv6}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IpVersion fromKey(String key) {
        for (IpVersion v : values()) {
            if (v.key().equalsIgnoreCase(key)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a protocol; valid: ipv4, ipv6");
    }
}
