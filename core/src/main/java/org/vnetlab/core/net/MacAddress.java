package org.vnetlab.core.net;

import java.util.Locale;

/** A 48-bit Ethernet address, held as a long for cheap comparison in bridge tables. */
public record MacAddress(long value) {

    public MacAddress {
        if (value < 0 || value > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("a MAC address has 48 bits, got " + Long.toHexString(value));
        }
    }

    public static MacAddress parse(String text) {
        String[] parts = text.trim().split("[:-]", -1);
        if (parts.length != 6) {
            throw invalid(text);
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2 || Character.digit(p.charAt(0), 16) < 0 || Character.digit(p.charAt(1), 16) < 0) {
                throw invalid(text);
            }
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    /** A locally administered address in Xen's own prefix 00:16:3e, numbered from {@code index}. */
    public static MacAddress xen(int index) {
        return new MacAddress(0x00163E000000L | (index & 0xFFFFFF));
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a MAC address (six hex pairs, e.g. 00:16:3e:00:00:01)");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", (value >> shift) & 0xff));
        }
        return sb.toString();
    }
}
