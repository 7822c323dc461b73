package org.vnetlab.sim.model;

import java.util.List;
import org.vnetlab.sim.cpu.Executor;

/**
 * Where the host Linux scheduler puts processes of a native or VServer machine: CPU hogs
 * first, each process on the CPU with the fewest processes, ties to the highest-numbered CPU
 * (CPU 0 takes the NIC's interrupts). A simplification of 2.6's load balancing, which spreads
 * runnable processes over idle CPUs.
 */
final class HostPlacement {

    private final List<? extends Executor> cpus;
    private final int[] processes;

    HostPlacement(List<? extends Executor> cpus) {
        this.cpus = cpus;
        this.processes = new int[cpus.size()];
    }

    Executor place() {
        int best = cpus.size() - 1;
        for (int i = cpus.size() - 1; i >= 0; i--) {
            if (processes[i] < processes[best]) {
                best = i;
            }
        }
        processes[best]++;
        return cpus.get(best);
    }
}
