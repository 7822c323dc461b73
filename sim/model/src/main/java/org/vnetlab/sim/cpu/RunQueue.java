package org.vnetlab.sim.cpu;

/**
 * A CPU's runqueue ({@code struct runqueue}) with its scheduling domain's balancing state: a
 * 2006 dual-core Opteron has one domain spanning both cores, one CPU per group.
 */
final class RunQueue {

    final int id;
    final Executor cpu;
    PrioArray active = new PrioArray();
    PrioArray expired = new PrioArray();
    /** Runnable threads, the running one included. */
    int nrRunning;
    /** The running thread; null: the idle task. */
    LinuxThread curr;
    /** Jiffies when the first thread expired since the arrays last switched, 0 for none. */
    long expiredTimestamp;
    int bestExpiredPrio = LinuxScheduler.MAX_PRIO;
    /** {@code cpu_load[0..2]}: runnable threads x 128, decayed at every tick. */
    final long[] cpuLoad = new long[3];
    long timestampLastTick;
    /** The domain's balancing state on this CPU ({@code struct sched_domain}). */
    long balanceIntervalMs;
    long lastBalance;
    int nrBalanceFailed;
    /** The migration thread is to push a thread to {@link #pushCpu} ({@code active_balance}). */
    boolean activeBalance;
    RunQueue pushCpu;
    /** The CPU's ksoftirqd. */
    LinuxThread ksoftirqd;

    RunQueue(int id, Executor cpu) {
        this.id = id;
        this.cpu = cpu;
    }

    /** Whether it runs its idle task. */
    boolean idle() {
        return curr == null;
    }
}
