package org.vnetlab.sim.cpu;

import org.vnetlab.sim.kernel.Event;

/**
 * Modelled software that runs in jobs: a NIC's NAPI poll, netback's tasklets, a guest's
 * netfront, an application thread. A job takes a batch of input, costs CPU time, and emits its
 * output when done; the kernel decides when and where it runs ({@link Context}). Subclasses own
 * their input queues and call {@link #wake()} when input arrives.
 *
 * <p>A thread's job may be paused at any moment (a softirq, the timer interrupt, a better
 * thread, its VCPU losing the physical CPU) and resumed later, possibly on another CPU.
 */
public abstract class Task {

    private final String name;
    private final Domain domain;
    private final Context context;
    /** The CPU it runs on (a softirq task's for good, a thread's for now). */
    Executor executor;
    /** A thread's scheduling state, owned by its kernel's scheduler. */
    LinuxThread thread;
    /** A softirq task's bit in its CPU's pending mask. */
    int softirqIndex = -1;
    /** Set while a job has begun and not ended (it may be paused by preemption). */
    boolean inJob;
    long jobStart;
    /** CPU work left in the current job, in nanoseconds at speed 1.0. */
    double remaining;
    /** Whether the job's current part ends before the job does, and the work left until it does. */
    boolean inPart;
    double partLeft;
    /** The speed of the CPU that began the current job. */
    double speed = 1;
    /** A thread that reads input other CPUs produce ({@link #readsInputOfOtherCpus}). */
    boolean inputReader;
    /** Set while this reader begins a job and parts on other CPUs release what they have done for it. */
    boolean beginning;

    protected Task(String name, Domain domain, Context context) {
        this.name = name;
        this.domain = domain;
        this.context = context;
    }

    public String name() {
        return name;
    }

    public Domain domain() {
        return domain;
    }

    public Context context() {
        return context;
    }

    /**
     * Whether this thread sleeps until input wakes it (not runnable, and not in {@code usleep},
     * which only its CPU's tick ends) and the code running now, whose packet would wake it, runs
     * on another CPU: a reader on the producer's own CPU cannot run before the producer's job
     * ends, however early it is woken. A thread woken already whose halted CPU waits out the
     * wake-up latency still counts: it takes what its socket holds when it runs, and packet by
     * packet that includes what was done meanwhile (two contexts receiving 36 B over IPv6, 0.5 s:
     * in trial 1 ctx2's reader, woken about 4.041 ms, ran at 4.0458 and found one datagram in
     * trains where exact found two, the next in a NIC poll's train not handed over yet; trial 4
     * gave ctx1 44.2 Mbit/s in trains against 81.1 exact, now 81.1 in both). So does a reader
     * that begins a job now, while the executor asks the other CPUs' parts what they have done
     * for it ({@link Executor#releaseDone}).
     */
    public final boolean sleepsForRemoteInput() {
        return thread != null
                && (beginning || (thread.array == null || executor.awaitsWakeUp()) && !thread.timerSleep)
                && thread.scheduler.runsElsewhere(thread);
    }

    /**
     * This thread reads input that code on other CPUs produces (a socket): with trains, when it
     * begins a job, a part in progress on another CPU of its kernel that has done a packet for it
     * ends at once with what it has done, so the job takes every packet done for it by then, as
     * packet by packet (two contexts receiving 36 B over IPv6, 0.5 s, trial 4: ctx2's reader, busy
     * on cpu1, began its next job 0.18 us after a frame for it was done in a NAPI poll's train on
     * cpu0, and took one datagram where exact took two).
     */
    public final void readsInputOfOtherCpus() {
        inputReader = true;
    }

    /** An event named {@code name} that wakes this task when it fires: work due at a known time. */
    protected final Event wakingEvent(String name) {
        return new Event(name) {
            @Override
            protected void fire() {
                wake();
            }
        };
    }

    /** The CPU it runs on, or last ran on. */
    public Executor executor() {
        return executor;
    }

    /**
     * The speed of the CPU the current job began on (set before {@link #beginJob}): the CPU takes
     * work / speed ns over it.
     */
    protected final double cpuSpeed() {
        return speed;
    }

    /** Whether a job could begin now. */
    protected abstract boolean hasWork(long now);

    /**
     * Begins a job at {@code now}: takes its input and returns its CPU cost in nanoseconds at
     * speed 1.0 (the executor divides by the CPU's speed).
     */
    protected abstract double beginJob(long now);

    /** The job that began at {@code start} has finished at {@code end}: emit its output. */
    protected abstract void endJob(long start, long end);

    /**
     * The CPU work (ns at speed 1.0, in the units {@link #beginJob} returned) from the end of
     * the job's last part to the end of its next one, or 0 when the rest of the job is one
     * part. Exact timing splits a job into one part per packet, so that each packet is
     * released by its own event ({@link #partDone}) when the CPU has done it, instead of at
     * interpolated times when the whole job ends. Asked when the job begins and after each part.
     */
    protected double nextPart() {
        return 0;
    }

    /**
     * When the input that wakes this thread was ready: the oldest packet of the socket it sleeps
     * on, at most {@code now}. With trains a part hands packets over when it ends, later than
     * they were ready; a wake-up that takes an IPI to a halted CPU runs from this time, as it
     * would packet by packet. A thread whose input says nothing of when it could run (it also
     * waits for room onward) keeps {@code now}.
     */
    protected long inputReadySince(long now) {
        return now;
    }

    /**
     * With trains, the part in progress has {@code partLeft} work (ns at speed 1.0) still to
     * do, and a reader its packets go to may just have fallen asleep waiting for them: returns
     * the work left to an earlier end that hands over the packet it waits for (or, if that is
     * done already, what is done), or {@code partLeft} to keep the part as it is.
     */
    protected double shortenPart(double partLeft) {
        return partLeft;
    }

    /**
     * With trains, a reader on another CPU begins a job now ({@link #readsInputOfOtherCpus}) and
     * the part in progress has {@code partLeft} work still to do: if a packet the reader wants at
     * once is done already, returns 0, the part ending now with what is done (each packet released
     * when it was done), or {@code partLeft} to keep the part as it is.
     */
    protected double releaseDone(double partLeft) {
        return partLeft;
    }

    /** A part of the current job ended at {@code now}: emit its output. */
    protected void partDone(long now) {
    }

    /**
     * Whether the job that just ended stopped mid-function because the hypervisor switched its
     * VCPU out there (a tasklet's hypercall that woke a better VCPU): its next job goes on with
     * it as soon as the VCPU runs again, before any other softirq work, as the interrupted
     * function itself would.
     */
    protected boolean resumesAtOnce() {
        return false;
    }

    /**
     * Whether this hard interrupt is an event channel's in a kernel that disallows nested event
     * delivery (2.6.18-xen's {@code evtchn_do_upcall}): raised while the softirqs that an
     * interrupt's exit runs are running, it waits until they end; the upcall then serves it, one
     * job at the start of each run of the softirqs, since each handler's {@code irq_exit} runs
     * them before the upcall reads the pending ports again.
     */
    protected boolean waitsForOuterUpcall() {
        return false;
    }

    /**
     * Whether the run times packets exactly (one part per packet, no trains) rather than as
     * trains: the kernel's {@link org.vnetlab.sim.kernel.Fidelity}. Meaningful once the task runs on an executor.
     */
    protected final boolean exact() {
        return executor.kernel.fidelity().exact();
    }

    /**
     * How many packets a job releases at once, each part when the CPU has done it: 1 with exact
     * timing, the trains' length otherwise ({@link org.vnetlab.sim.kernel.Kernel#partPackets}).
     */
    protected final int partPackets() {
        return executor.kernel.partPackets();
    }

    /**
     * Whether its work touches enough memory to evict from a CPU's caches what another domain
     * kept there: true for a network path or an application; false for a loop over registers
     * and a few cache lines, like a CPU burner's or the timer tick's. A VCPU switched in after
     * one that ran only such work finds its caches as it left them (Xen's switch then costs the
     * state switch and the TLB's refill, not the caches').
     */
    protected boolean displacesCaches() {
        return true;
    }

    /**
     * Whether a job of this thread ends in the kernel's transmit path, whose
     * {@code local_bh_enable} (after {@code dev_queue_xmit}) runs the CPU's pending softirqs
     * on the thread's time.
     */
    protected boolean sendsPackets() {
        return false;
    }

    /**
     * Input arrived: a softirq task is raised on its CPU (an interrupt there if it was not
     * pending yet), a sleeping thread is woken by its kernel's scheduler.
     */
    public final void wake() {
        if (thread != null) {
            thread.scheduler.wake(this);
        } else if (executor != null) {
            executor.raise(this);
        }
    }

    /**
     * A thread that calls this at the end of a job sleeps until its CPU's next timer tick, as
     * {@code usleep(0)} does on a 2.6.16 kernel (its hrtimers run from the tick's timer softirq):
     * until then it has no work, whatever {@link #hasWork} says.
     */
    protected final void sleepUntilTick() {
        thread.scheduler.sleepUntilTick(this);
    }

    /**
     * A NAPI poll's budget: the frames the current NET_RX pass still allows
     * ({@code netdev_budget} less what the pass's earlier polls took). A poll takes at most
     * this and its device's weight, and reports what it took with {@link #netRxTook(int)}.
     */
    protected final int netRxBudget() {
        return executor.netRxBudget();
    }

    /** A NAPI poll took {@code frames} frames of the pass's budget. */
    protected final void netRxTook(int frames) {
        executor.netRxTook(frames);
    }

    @Override
    public String toString() {
        return name;
    }
}
