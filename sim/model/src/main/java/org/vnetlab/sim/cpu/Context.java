package org.vnetlab.sim.cpu;

/**
 * Where a task's jobs run in a Linux kernel, which decides who runs them and when.
 * Softirq work (the first two) is bound to one CPU and interrupts whatever thread runs there;
 * a thread is scheduled by its kernel's {@link LinuxScheduler} onto any of the kernel's CPUs.
 */
public enum Context {
    /**
     * A NAPI poll in the NET_RX softirq (a NIC's driver, netfront): a pass of the softirq polls
     * the pending devices in turn until it has taken {@code netdev_budget} frames or more than
     * a jiffy has passed; a poll takes at most what the pass still allows
     * ({@link Task#netRxBudget()}).
     */
    NET_RX,
    /**
     * A tasklet (netback's): runs once per softirq pass on the CPU that scheduled it, after NET_RX,
     * the tasklet scheduled last first.
     */
    TASKLET,
    /**
     * A hard interrupt's handler (an event channel's upcall, an injected interrupt's handler).
     * The model has no hard-interrupt context: it runs the handler's work as softirq work, but
     * before any poll or tasklet still to run, as the interrupt would have preempted them.
     */
    IRQ,
    /** A thread (an application process): scheduled by its kernel, preempted by softirqs. */
    THREAD
}
