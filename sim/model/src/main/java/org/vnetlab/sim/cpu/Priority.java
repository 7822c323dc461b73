package org.vnetlab.sim.cpu;

/**
 * Which work a (virtual) CPU runs first, as Linux 2.6 did: interrupts and softirqs before
 * processes; a process that sleeps on I/O (an "interactive" one, with the O(1) scheduler's
 * sleep bonus) before a CPU hog.
 */
public enum Priority {
    SOFTIRQ,
    IO_PROCESS,
    CPU_HOG
}
