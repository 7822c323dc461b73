package org.vnetlab.sim.cpu;

/**
 * Modelled software that runs on an {@link Executor} in jobs: a NIC's softirq, the bridge and
 * netback, a guest's netfront, an application. A job takes a batch of input, costs CPU time,
 * and emits its output when done; the executor decides when it runs. Subclasses own their
 * input queues and call {@link #wake()} when input arrives.
 */
public abstract class Task {

    private final String name;
    private final Domain domain;
    private final Priority priority;
    Executor executor;
    /** Set while a job has begun and not ended (it may be paused by preemption). */
    boolean inJob;
    long jobStart;
    /** CPU work left in the current job, in nanoseconds at speed 1.0. */
    double remaining;
    /** Whether the job's current part ends before the job does, and the work left until it does. */
    boolean inPart;
    double partLeft;

    protected Task(String name, Domain domain, Priority priority) {
        this.name = name;
        this.domain = domain;
        this.priority = priority;
    }

    public String name() {
        return name;
    }

    public Domain domain() {
        return domain;
    }

    public Priority priority() {
        return priority;
    }

    public Executor executor() {
        return executor;
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

    /** A part of the current job ended at {@code now}: emit its output. */
    protected void partDone(long now) {
    }

    /**
     * Whether this task sleeps until packets arrive, so that running it on an idle CPU first
     * takes the wake-up latency. Senders pace by busy-waiting, as iperf's delay loop does.
     */
    protected boolean sleepsOnInput() {
        return false;
    }

    /**
     * For a task that {@link #sleepsOnInput}: when the input that woke it was ready (its first
     * packet's ready time), at most {@code now}. Packet by packet that is when it arrived; with
     * trains it may be earlier, and the wake-up latency runs from then. A task that may also wait
     * for something else (room to send on) keeps the default: its wake-up runs from when it is woken.
     */
    protected long inputReadySince(long now) {
        return now;
    }

    /** Whether a job of this task may be paused for higher-priority work on the same CPU. */
    protected boolean preemptible() {
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

    /** Input arrived: make sure the executor will run this task. */
    public final void wake() {
        if (executor != null) {
            executor.taskReady(this);
        }
    }
}
