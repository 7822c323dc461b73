package org.vnetlab.sim.cpu;

/**
 * A device's interrupt line: the CPU that takes the device's interrupts, and so executes the
 * wake-ups they cause. Under Xen a physical interrupt is taken by the physical CPU it was routed
 * to when Dom0 bound it ({@link CreditScheduler#bindIrq}), whatever runs there; that CPU's
 * scheduler acts first on what the wake-up asks of it. On a native host the line is the
 * handler's own CPU ({@link #LOCAL}).
 */
@FunctionalInterface
public interface Irq {

    /** The device interrupts: its handler {@code t} is raised (a softirq) or woken (a thread). */
    void raise(Task t);

    /** The line taken by the CPU its handler runs on. */
    Irq LOCAL = Task::wake;
}
