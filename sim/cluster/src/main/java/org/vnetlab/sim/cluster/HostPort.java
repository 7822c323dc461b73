package org.vnetlab.sim.cluster;

/** A node's address as given on the command line: {@code HOST:PORT}, e.g. {@code 127.0.0.1:2552}. */
public record HostPort(String host, int port) {

    public HostPort {
        if (host.isBlank() || port < 0 || port > 65535) {
            throw new IllegalArgumentException("expected HOST:PORT with a port 0..65535");
        }
    }

    /**
     * Parses {@code HOST:PORT}; an IPv6 address goes in brackets ({@code [::1]:2552}).
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static HostPort parse(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:2552");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new HostPort(host, Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT with a numeric port, e.g. 127.0.0.1:2552");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
