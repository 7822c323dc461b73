package org.vnetlab.core.model;

import java.util.List;
import org.vnetlab.core.units.ByteSize;

/**
 * A paravirtualised Xen guest with one bridged virtual interface.
 *
 * @param weight credit-scheduler weight (default 256)
 * @param cap    percent of one physical CPU, 0 for none
 * @param pinned physical CPUs its VCPUs may run on; empty for none
 */
public record DomU(String name, int vcpus, ByteSize memory, int weight, int cap, List<Integer> pinned, Vif vif) {

    public DomU {
        Checks.name("guest name", name);
        Checks.positive("vcpus of " + name, vcpus);
        Checks.positive("weight of " + name, weight);
        Checks.nonNegative("cap of " + name, cap);
        pinned = List.copyOf(pinned);
    }
}
