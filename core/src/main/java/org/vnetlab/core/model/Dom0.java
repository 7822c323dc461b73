package org.vnetlab.core.model;

import java.util.List;

/**
 * Xen's privileged domain, which owns the NIC and bridges for the guests.
 *
 * @param cap    percent of one physical CPU it may use, 0 for no cap
 * @param pinned physical CPUs its VCPUs may run on; empty lets the scheduler place them
 */
public record Dom0(int vcpus, int weight, int cap, List<Integer> pinned) {

    public static final String NAME = "dom0";

    public Dom0 {
        Checks.positive("dom0 vcpus", vcpus);
        Checks.positive("dom0 weight", weight);
        Checks.nonNegative("dom0 cap", cap);
        pinned = List.copyOf(pinned);
    }
}
