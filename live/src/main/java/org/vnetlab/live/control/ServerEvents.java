package org.vnetlab.live.control;

import java.net.InetSocketAddress;

/** What a server tells its user: one call per test that ended, was refused or failed. */
@FunctionalInterface
public interface ServerEvents {

    /**
     * @param what    the test, e.g. {@code udp ipv4 rx 1470 B} or {@code rtt ipv6 1000 B x140}
     * @param bytes   payload bytes the server's side received, sent or reflected
     * @param packets datagrams (0 for TCP)
     * @param seconds how long the server's side ran
     * @param outcome {@code ok}, {@code refused: REASON} or {@code failed: REASON}
     */
    record TestRecord(long id, InetSocketAddress client, String what, long bytes, long packets, double seconds,
                      String outcome) {
    }

    void testEnded(TestRecord record);
}
