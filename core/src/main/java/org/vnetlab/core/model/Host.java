package org.vnetlab.core.model;

import org.vnetlab.core.units.ByteSize;

/**
 * A physical machine.
 *
 * @param cpus     physical CPUs (cores)
 * @param cpuSpeed speed relative to the study's machine 1 (a 2.4 GHz Opteron 280 = 1.0);
 *                 every modelled CPU cost is divided by it
 */
public record Host(String name, int cpus, double cpuSpeed, ByteSize memory, Nic nic) {

    /**
     * The slowest and the fastest CPU a host may have, relative to the study's: every modelled
     * cost is divided by the speed, and beyond these the times leave the kernel's range of
     * nanoseconds (or round to nothing).
     */
    public static final double MIN_CPU_SPEED = 0.01;
    public static final double MAX_CPU_SPEED = 100;

    public Host {
        Checks.name("host name", name);
        Checks.positive("cpus of " + name, cpus);
        Checks.positive("cpu-speed of " + name, cpuSpeed);
    }
}
