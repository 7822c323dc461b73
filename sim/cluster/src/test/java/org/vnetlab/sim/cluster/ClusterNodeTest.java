package org.vnetlab.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node whose port another program holds fails in one line saying so, before Pekko tries or when it does. */
@Timeout(60)
class ClusterNodeTest {

    @Test
    void aPortInUseIsListenFailedWithTheReasonInWords() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HostPort at = new HostPort("127.0.0.1", taken.getLocalPort());
            ClusterNode.ListenFailed before = assertThrows(ClusterNode.ListenFailed.class,
                    () -> ClusterNode.checkCanListen(at));
            assertEquals("cannot listen: address already in use", before.reason());
            // a coordinator that lost the race, or a worker: Pekko's own failure, as one line
            ClusterNode.ListenFailed pekko = assertThrows(ClusterNode.ListenFailed.class, () -> ClusterNode.start(
                    Behaviors.empty(), ClusterSettings.load(), at, at, ClusterNode.COORDINATOR_ROLE));
            assertEquals("cannot listen: address already in use", pekko.reason());
            assertEquals("cannot listen on " + at + ": address already in use", pekko.getMessage());
        }
    }

    @Test
    void aFreePortPassesTheCheckAndIsLetGo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ClusterNode.checkCanListen(new HostPort("127.0.0.1", port));
        ClusterNode.checkCanListen(new HostPort("127.0.0.1", port));
    }
}
