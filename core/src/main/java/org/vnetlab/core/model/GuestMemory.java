package org.vnetlab.core.model;

import java.util.Optional;
import org.vnetlab.core.units.ByteSize;

/**
 * Whether a Xen host's memory holds its guests. The model simulates no memory: a guest's traffic
 * and CPU do not depend on it. But a host whose memory the guests exceed could not start them,
 * and a capacity plan that counts only CPUs and the wire would promise what the host cannot hold,
 * so it is said beside the answer instead of simulated away. (Xen and Dom0 need memory of their
 * own, which the study does not state: this is the guests' share alone, an upper bound.)
 */
public final class GuestMemory {

    private GuestMemory() {
    }

    /** A sentence when the DomUs together ask for more memory than {@code host.memory}; else empty. */
    public static Optional<String> shortfall(Scenario s) {
        if (!(s.platform() instanceof XenPlatform xen) || xen.domUs().isEmpty()) {
            return Optional.empty();
        }
        long asked = xen.domUs().stream().mapToLong(d -> d.memory().bytes()).sum();
        ByteSize host = s.host().memory();
        if (asked <= host.bytes()) {
            return Optional.empty();
        }
        return Optional.of("the " + xen.domUs().size() + " DomUs ask for " + new ByteSize(asked)
                + " of memory together, more than host.memory (" + host + "): such a host could not start them;"
                + " the model simulates no memory (set host.memory or xen.domU.memory to describe a host that can)");
    }

    /** How many guests of {@code each} a host of {@code host} memory holds. */
    public record Fit(long guests, ByteSize each, ByteSize host) {
    }

    /** How many guests like the first DomU {@code host.memory} holds, for a Xen scenario with a DomU. */
    public static Optional<Fit> guestsThatFit(Scenario s) {
        if (!(s.platform() instanceof XenPlatform xen) || xen.domUs().isEmpty()) {
            return Optional.empty();
        }
        ByteSize each = xen.domUs().get(0).memory();
        ByteSize host = s.host().memory();
        return each.bytes() == 0 ? Optional.empty() : Optional.of(new Fit(host.bytes() / each.bytes(), each, host));
    }
}
