package org.vnetlab.core.net;

import java.util.Locale;

/** The transport protocol and the size of its header as the study's stacks sent it. */
public enum Transport {
    /** UDP: an 8-byte header. */
    UDP(8),
    /** TCP: a 20-byte header plus the 12-byte timestamp option Linux sends by default. */
    TCP(32);

    private final int headerBytes;

    Transport(int headerBytes) {
        this.headerBytes = headerBytes;
    }

    public int headerBytes() {
        return headerBytes;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Transport fromKey(String key) {
        for (Transport t : values()) {
            if (t.key().equalsIgnoreCase(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a transport; valid: udp, tcp");
    }
}
