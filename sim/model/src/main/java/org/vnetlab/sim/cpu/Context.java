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
    /** A tasklet (netback's): runs once per softirq pass on the CPU that scheduled it, after NET_RX. */
    TASKLET,
    /** A thread (an application process): scheduled by its kernel, preempted by softirqs. */
    THREAD
}
