package org.vnetlab.core.model;

import org.vnetlab.core.units.DataRate;

/**
 * The cable between the two machines.
 *
 * @param propagationNanos one-way propagation delay
 * @param mtu              largest IP packet, bytes
 */
public record Link(DataRate rate, long propagationNanos, int mtu) {

    public Link {
        Checks.nonNegative("link delay", propagationNanos);
        if (mtu < 1280 || mtu > 65535) {
            throw new IllegalArgumentException("mtu must be between 1280 (the IPv6 minimum) and 65535, got " + mtu);
        }
    }
}
