package org.vnetlab.core.model;

import org.vnetlab.core.units.DataRate;

/**
 * The cable between the two machines.
 *
 * @param propagationNanos one-way propagation delay
 * @param mtu              largest IP packet, bytes
 * @param sameMachine      machine 2 is a network namespace of machine 1 (a testbed on one machine): its
 *                         processes and its NIC's softirq run on machine 1's CPUs, under its scheduler
 */
public record Link(DataRate rate, long propagationNanos, int mtu, boolean sameMachine) {

    public Link {
        Checks.nonNegative("link delay", propagationNanos);
        if (mtu < 1280 || mtu > 65535) {
            throw new IllegalArgumentException("mtu must be between 1280 (the IPv6 minimum) and 65535, got " + mtu);
        }
    }

    /** A cable between two machines of their own. */
    public Link(DataRate rate, long propagationNanos, int mtu) {
        this(rate, propagationNanos, mtu, false);
    }
}
