package org.vnetlab.live.control;

import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.units.DataRate;

/**
 * An RTT probe stream as a client asks a reflector for it.
 *
 * @param payload    bytes of each probe datagram
 * @param rate       the stream's pace
 * @param count      probes sent
 * @param sourcePort the client's UDP port: the reflector answers only this port at the control peer's address
 */
public record ProbeSpec(IpVersion ip, int payload, DataRate rate, int count, int sourcePort) {
}
