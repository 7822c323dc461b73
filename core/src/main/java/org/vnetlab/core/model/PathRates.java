package org.vnetlab.core.model;

import java.util.Optional;
import org.vnetlab.core.units.DataRate;

/**
 * Whether the path between the machines runs at one rate. Machine 1's NIC, the link and machine
 * 2's NIC each have a rate of their own, and traffic runs at the slowest: raising one of them
 * alone (a faster NIC in machine 1, say) changes nothing, which a capacity planner should hear
 * rather than find out.
 */
public final class PathRates {

    private PathRates() {
    }

    /** A sentence when host.nic.rate, link.rate and peer.nic.rate differ; else empty. */
    public static Optional<String> mismatch(Scenario s) {
        DataRate host = s.host().nic().lineRate();
        DataRate link = s.link().rate();
        DataRate peer = s.peer().nic().lineRate();
        if (host.compareTo(link) == 0 && link.compareTo(peer) == 0) {
            return Optional.empty();
        }
        DataRate slowest = host;
        for (DataRate r : new DataRate[] {link, peer}) {
            if (r.compareTo(slowest) < 0) {
                slowest = r;
            }
        }
        return Optional.of("host.nic.rate " + host + ", link.rate " + link + " and peer.nic.rate " + peer
                + " differ: traffic between the machines runs at the slowest, " + slowest
                + " (set all three to model a faster path)");
    }
}
