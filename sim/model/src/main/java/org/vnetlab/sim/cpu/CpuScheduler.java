package org.vnetlab.sim.cpu;

/**
 * A CPU scheduling policy: it owns some CPUs and decides which of its runnable entities each of
 * them runs, and when that changes. Two levels of the model use it, and they stay distinct:
 * <ul>
 *   <li>a hypervisor schedules VCPUs onto physical CPUs ({@link CreditScheduler}, Xen 3.0.4);</li>
 *   <li>every Linux kernel (the native or VServer host, Dom0 over its VCPUs, each DomU over its
 *       VCPU, machine 2) schedules its threads onto its CPUs ({@link LinuxScheduler});</li>
 *   <li>a KVM host, whose kernel is the hypervisor, schedules its threads (guests' vCPU threads,
 *       vhost-net workers, its processes) onto the physical CPUs ({@link CfsScheduler}, Linux
 *       3.10), each thread an executor of its own.</li>
 * </ul>
 * Softirq work (NAPI polls, tasklets) is not scheduled by either: it is per-CPU kernel work
 * that interrupts whatever thread runs on the CPU it was raised on ({@link Executor}).
 *
 * <p>The contract is three calls. An entity that gets work while it is not running is
 * {@link #wake woken}; an entity that runs and has nothing left to do {@link #block blocks};
 * the policy's own timers (ticks, slices, accounting, balancing) start with {@link #start}.
 * Everything else (queues, priorities, credit, placement) is the policy's private state. To add
 * a policy (SEDF, say), implement these calls and add it to the permitted list.
 *
 * @param <E> what it schedules: {@link Vcpu}s (a hypervisor) or threads, i.e. {@link Task}s (a kernel)
 */
public sealed interface CpuScheduler<E> permits CreditScheduler, LinuxScheduler, CfsScheduler {

    /** Starts the policy's timers; call once, after the machine is built. */
    void start();

    /** {@code e} has work and is not running: queue it, and run it now if the policy says so. */
    void wake(E e);

    /** {@code e} was running and has nothing left to do: its CPU goes to someone else. */
    void block(E e);

    /**
     * Code of {@code e} starts running (a job of its, or a softirq on it); returns what to
     * {@link #leaveCode} with. A policy for which it matters which CPU executes a wake (Xen's
     * tickle: that CPU reschedules first) records it here; the others need not.
     */
    default int enterCode(E e) {
        return 0;
    }

    /**
     * The timer of {@code e} (a VCPU's one-shot) fires: the code that wakes it runs on the CPU
     * that timer is bound to. Returns what to {@link #leaveCode} with.
     */
    default int enterTimer(E e) {
        return 0;
    }

    /**
     * Whether the policy wants the CPU {@code e} holds for another entity ({@code need_resched}
     * of what {@code e} runs on top of): a softirq invocation of a kernel from 3.9 on stops
     * restarting then. Only a policy whose entities include a kernel's interrupt context says so.
     */
    default boolean wantsCpu(E e) {
        return false;
    }

    /**
     * {@code e}, which holds a CPU, has only its kernel's ksoftirqd left to run: whether it runs
     * it now as a thread of this policy. A policy that schedules ksoftirqd as one of its threads
     * may instead give the CPU to another (and return false, having taken it from {@code e}).
     */
    default boolean runsKsoftirqd(E e) {
        return true;
    }

    /** The code {@link #enterCode} announced has stopped; {@code saved} is what it returned. */
    default void leaveCode(int saved) {
    }
}
