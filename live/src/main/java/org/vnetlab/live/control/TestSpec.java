package org.vnetlab.live.control;

import java.time.Duration;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;

/**
 * One throughput test as a client asks for it.
 *
 * @param direction {@code RX}: the client sends and the server receives; {@code TX}: the server sends.
 *                  Named from the server's point of view, like the study's machine 1.
 * @param rate      the UDP sender's pace (TCP sends as fast as it can and ignores it)
 * @param payload   UDP payload bytes per datagram; for TCP the size of each write
 */
public record TestSpec(Transport transport, IpVersion ip, Direction direction, DataRate rate, int payload,
                       Duration duration) {

    public TestSpec {
        if (direction == Direction.TRADEOFF) {
            throw new IllegalArgumentException("a test runs one direction, rx or tx");
        }
    }
}
