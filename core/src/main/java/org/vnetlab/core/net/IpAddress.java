package org.vnetlab.core.net;

import java.util.Arrays;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address literal, parsed without any name lookup. Held as its 4 or 16
 * bytes; {@link #toString()} gives the canonical text (RFC 5952 for IPv6).
 */
public final class IpAddress {

    private final IpVersion version;
    private final byte[] bytes;

    private IpAddress(IpVersion version, byte[] bytes) {
        this.version = version;
        this.bytes = bytes;
    }

    public static IpAddress parse(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        byte[] b = t.contains(":") ? parseV6(t) : parseV4(t);
        if (b == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address literal"
                    + " (e.g. 198.18.0.1 or fd00::1)");
        }
        return new IpAddress(b.length == 4 ? IpVersion.IPV4 : IpVersion.IPV6, b);
    }

    public IpVersion version() {
        return version;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    private static byte[] parseV4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] parseV6(String t) {
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        int gap = t.indexOf("::");
        if (gap != t.lastIndexOf("::")) {
            return null;
        }
        String head = gap >= 0 ? t.substring(0, gap) : t;
        String tail = gap >= 0 ? t.substring(gap + 2) : "";
        int[] h = groups(head);
        int[] tl = groups(tail);
        if (h == null || tl == null) {
            return null;
        }
        int total = h.length + tl.length;
        if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
            return null;
        }
        byte[] b = new byte[16];
        for (int i = 0; i < h.length; i++) {
            b[2 * i] = (byte) (h[i] >> 8);
            b[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < tl.length; i++) {
            int at = 8 - tl.length + i;
            b[2 * at] = (byte) (tl[i] >> 8);
            b[2 * at + 1] = (byte) tl[i];
        }
        return b;
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] g = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            for (char c : p.toCharArray()) {
                if (Character.digit(c, 16) < 0) {
                    return null;
                }
            }
            g[i] = Integer.parseInt(p, 16);
        }
        return g;
    }

    @Override
    public String toString() {
        if (version == IpVersion.IPV4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
