package org.vnetlab.sim.cpu;

import java.util.function.BooleanSupplier;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A CPU of a Linux kernel: a physical CPU of a native host ({@link HostCpu}), or a Xen VCPU
 * ({@link Vcpu}) that runs only while the hypervisor gives it a physical CPU. It runs one job at
 * a time, in the order Linux does:
 * <ol>
 *   <li>the timer interrupt ({@code HZ} times a second on a physical CPU, from Xen on a VCPU):
 *       the scheduler's tick, expired {@code usleep} timers, then {@code irq_exit};</li>
 *   <li>softirqs ({@link Softirqs}): an interrupt that raises one runs them at its
 *       {@code irq_exit} at once, interrupting the running thread; so does a sending thread's
 *       {@code local_bh_enable}, and ksoftirqd when its kernel schedules it;</li>
 *   <li>the thread its kernel's {@link LinuxScheduler} chose, whose job is paused whenever one of
 *       the above or a better thread needs the CPU.</li>
 * </ol>
 * It charges each job's CPU time to the job's domain as it runs, so a domain's CPU time
 * (xentop's figure) is exact at any moment after {@link #account()}.
 */
public abstract sealed class Executor permits HostCpu, Vcpu {

    protected final Kernel kernel;
    private final String name;
    private final double speed;
    private final Domain kernelDomain;
    private final Softirqs softirqs = new Softirqs();
    private LinuxScheduler linux;
    private RunQueue rq;
    /** The job executing now: the timer interrupt, a softirq task or a thread; null for none. */
    private Task current;
    /** The timer interrupt's or a softirq's job, paused when a VCPU lost its physical CPU. */
    private Task pausedInterrupt;
    /** A hard interrupt's handler paused while it ran on top of the paused job above. */
    private Task pausedIrq;
    private long resumedAt;
    /** It holds a physical CPU. */
    private boolean running;
    /**
     * Whether a job since it last got a physical CPU touched enough memory to displace caches;
     * true until it first runs.
     */
    private boolean displacedCaches = true;
    /**
     * Set while a job takes its input or emits its output: what it wakes here (or a hypervisor
     * that takes this VCPU away meanwhile) acts when it is done.
     */
    private boolean inCallback;
    /** A physical CPU in the idle loop's {@code hlt}: a remote wake-up first needs an IPI. */
    private boolean halted;
    private long haltedAt;
    private boolean needResched;
    private boolean tickPending;
    /** An interrupt (or a send's {@code local_bh_enable}) is returning: pending softirqs run. */
    private boolean irqExit;
    private long remoteWakeNanos;
    /** {@code need_resched()} as a softirq invocation asks it before restarting (kernels from 3.9 on). */
    private final BooleanSupplier needReschedNow = () -> needResched || cpuWanted();
    private final TimerInterrupt timer;
    private final Event completion;
    private final Event reschedIpi;

    protected Executor(Kernel kernel, String name, double speed, Domain kernelDomain) {
        this.kernel = kernel;
        this.name = name;
        this.speed = speed;
        this.kernelDomain = kernelDomain;
        this.timer = new TimerInterrupt();
        this.completion = new Event(name) {
            @Override
            public String owner() {
                return current == null ? name : name + ":" + current.name();
            }

            @Override
            protected void fire() {
                complete();
            }
        };
        this.reschedIpi = new Event(name + ".ipi") {
            @Override
            protected void fire() {
                wakeUp();
            }
        };
    }

    public String name() {
        return name;
    }

    public double speed() {
        return speed;
    }

    /** Becomes CPU {@code q.id} of {@code kernel}. */
    void attach(LinuxScheduler kernel, RunQueue q, LinuxScheduler.Settings s) {
        if (linux != null) {
            throw new IllegalStateException(name + " is already a CPU of " + linux.name());
        }
        this.linux = kernel;
        this.rq = q;
        this.remoteWakeNanos = this instanceof HostCpu ? s.remoteWakeNanos() : 0;
        softirqs.configure(s.netdevBudget(), s.softirqRestarts(), s.jiffyNanos(), s.softirqTimeNanos());
    }

    LinuxScheduler linux() {
        return linux;
    }

    RunQueue runQueue() {
        return rq;
    }

    /**
     * Whether a job of this CPU is taking its input or emitting its output now: a packet sent at
     * this moment is sent from this CPU (netif_rx queues it on this CPU's backlog).
     */
    public boolean isEmitting() {
        return inCallback;
    }

    /** Binds softirq work to this CPU: a NAPI poll of a device whose interrupts it takes, a tasklet. */
    public void add(Task task) {
        if (task.context() == Context.THREAD) {
            throw new IllegalArgumentException(task.name() + " is a thread: its kernel's scheduler places it");
        }
        if (task.executor != null) {
            throw new IllegalStateException(task.name() + " already runs on " + task.executor.name());
        }
        task.executor = this;
        softirqs.add(task);
    }

    /** Whether it holds a physical CPU now (a VCPU the hypervisor switched out does not). */
    public final boolean holdsCpu() {
        return running;
    }

    /** Whether it runs the softirqs at an interrupt's exit now: inside the handler of an interrupt (an upcall). */
    public final boolean inInterruptExit() {
        return softirqs.atInterruptExit();
    }

    /** Whether it has work: the timer interrupt, softirqs, a runnable thread, a job begun. */
    public boolean hasRunnable() {
        return current != null || tickPending || softirqs.hasPending(kernel.now()) || (rq != null && rq.nrRunning > 0);
    }

    boolean hasPendingSoftirqs(long now) {
        return softirqs.hasPending(now);
    }

    /** Whether a job was begun and paused (a descheduled VCPU resumes it at once). */
    protected boolean hasJobInProgress() {
        LinuxThread t = rq == null ? null : rq.curr;
        return pausedInterrupt != null || pausedIrq != null || (t != null && t.task.inJob);
    }

    /** Whether a thread of this CPU sleeps until its next tick (a blocked VCPU then sets a timer). */
    protected boolean hasTimerSleepers() {
        return rq != null && linux.hasTimerSleepers(rq);
    }

    /**
     * Code of {@code t} starts running here: what it wakes, it wakes from this CPU, for its
     * kernel's scheduler and for the hypervisor's. Returns what to {@link #leave} with.
     */
    private long enter(Task t) {
        int hypervisor = enterHypervisor();
        return ((long) hypervisor << 32) | (linux.enter(rq, inInterrupt(t)) & 0xffffffffL);
    }

    private void leave(long saved) {
        linux.leave((int) saved);
        leaveHypervisor((int) (saved >> 32));
    }

    /** Code of this CPU starts running: a VCPU tells its hypervisor which physical CPU runs it. */
    protected int enterHypervisor() {
        return 0;
    }

    protected void leaveHypervisor(int saved) {
        // a host CPU runs under no hypervisor
    }

    /**
     * Whether whoever lends this executor its physical CPU wants it back for another thread: a
     * KVM host's {@code need_resched} for the thread its interrupt context interrupted, or for its
     * ksoftirqd. A host CPU is its own.
     */
    protected boolean cpuWanted() {
        return false;
    }

    /**
     * Its kernel is to run ksoftirqd: whether it holds its physical CPU as that thread now. Where
     * the kernel's softirqs are a host's interrupt context ({@link CfsScheduler}), ksoftirqd is a
     * thread of the host's scheduler, which may give the CPU to another first (then this returns
     * false, the CPU taken away).
     */
    protected boolean runsKsoftirqd() {
        return true;
    }

    /** Asks for a physical CPU (a VCPU wakes in its scheduler); a host CPU already has one. */
    protected abstract void wantCpu();

    /** Nothing left to run: a VCPU blocks and gives its physical CPU back, a host CPU halts. */
    protected abstract void idle();

    /**
     * Whether what it ran since it last got a physical CPU may have evicted others' cache
     * contents ({@link Task#displacesCaches}); true until it first runs.
     */
    final boolean displacedCaches() {
        return displacedCaches;
    }

    /** Starts the timer interrupt; call once, when the machine starts. */
    protected abstract void startTicks(long periodNanos, long phaseNanos);

    /** Gets a physical CPU: pending events are delivered, then work resumes. */
    protected void start() {
        running = true;
        displacedCaches = false;
        irqExit = true;
        dispatch();
    }

    /** Loses its physical CPU: the current job pauses. */
    protected void stopRunning() {
        if (current != null) {
            pause();
        }
        running = false;
    }

    /**
     * Its timer interrupt begins to run now ({@code timer_interrupt}'s {@code run_local_timers}):
     * the kernel timers due by now run in it.
     */
    protected void timerInterruptRuns(long now) {
        // a CPU models no kernel timer of its own by default
    }

    /** The timer interrupt: a tick of a physical CPU, or a timer event Xen sends a VCPU. */
    void timerInterrupt() {
        tickPending = true;
        wakeUp();
    }

    /**
     * {@code t} was raised on this CPU. If it was not pending yet, this is a new interrupt:
     * its {@code irq_exit} runs the softirqs at once unless they are running already.
     */
    void raise(Task t) {
        if (softirqs.raise(t, kernel.now()) && !softirqs.active()) {
            irqExit = true;
            wakeUp();
        }
    }

    /** A hard interrupt of this CPU returns ({@code irq_exit}): softirqs pending run now. */
    void interruptReturns() {
        irqExit = true;
        wakeUp();
    }

    /** The kernel wants this CPU to schedule: a local request acts at once, a remote one sends an IPI. */
    void resched(boolean remote) {
        resched(remote, kernel.now());
    }

    /**
     * The same for a woken thread whose input was ready at {@code inputReady}: the IPI to a
     * halted CPU arrives one wake-up latency after that (not before now), and at once if the
     * input was ready before the CPU halted (packet by packet, it would not have halted).
     */
    void resched(boolean remote, long inputReady) {
        needResched = true;
        if (halted && remote && remoteWakeNanos > 0) {
            long now = kernel.now();
            long at = inputReady < haltedAt ? now : Math.max(now, inputReady + remoteWakeNanos);
            if (!reschedIpi.isScheduled() || at < reschedIpi.time()) {
                kernel.scheduleAt(reschedIpi, at);
            }
            return;
        }
        wakeUp();
    }

    /** Halted, with a woken thread's wake-up on its way (the IPI one wake-up latency after its input). */
    boolean awaitsWakeUp() {
        return halted && reschedIpi.isScheduled();
    }

    /** The kernel wants this CPU to schedule once the run goes on (a thread started before it). */
    void reschedWhenRunning() {
        needResched = true;
        kernel.scheduleAfter(reschedIpi, 0);
    }

    /** Something needs the CPU: interrupt the running thread's job (not a softirq or the tick). */
    private void wakeUp() {
        halted = false;
        if (!running) {
            wantCpu();
            return;
        }
        if (inCallback) {
            // a job is taking input or emitting output: seen when it returns
            return;
        }
        if (current != null && !inInterrupt(current)) {
            pause();
        }
        dispatch();
    }

    /** Whether a job runs in interrupt context (the timer interrupt, a softirq), not a thread's. */
    private boolean inInterrupt(Task t) {
        return t == timer || t.context() != Context.THREAD;
    }

    private void dispatch() {
        if (!running || current != null || inCallback) {
            return;
        }
        long now = kernel.now();
        if (pausedIrq != null) {
            Task t = pausedIrq;
            pausedIrq = null;
            begin(t, now);
            return;
        }
        if (pausedInterrupt != null) {
            Task t = pausedInterrupt;
            // an event that came while the VCPU was switched out is delivered by the upcall on its
            // return to the guest, on top of the softirq job it resumes: the handler goes first
            Task irq = t == timer || t.context() == Context.IRQ ? null : softirqs.pendingIrq(now);
            if (irq != null) {
                begin(irq, now);
                return;
            }
            pausedInterrupt = null;
            begin(t, now);
            return;
        }
        while (true) {
            if (tickPending) {
                tickPending = false;
                timerInterruptRuns(now);
                begin(timer, now);
                return;
            }
            if (irqExit) {
                irqExit = false;
                if (!softirqs.active() && softirqs.hasPending(now)) {
                    softirqs.begin(now, true);
                }
            }
            if (softirqs.active()) {
                Task t = softirqs.next(now, needReschedNow);
                if (t != null) {
                    begin(t, now);
                    return;
                }
                if (softirqs.outerUpcallPending(now)) {
                    // the upcall serves its next pending port: that handler's irq_exit runs them again
                    softirqs.begin(now, true);
                    continue;
                }
                if (softirqs.hasPending(now) && rq.curr != rq.ksoftirqd) {
                    // MAX_SOFTIRQ_RESTART passes were not enough: wakeup_softirqd
                    linux.wakeKsoftirqd(rq);
                    if (!running || current != null) {
                        // the wake-up dispatched this CPU already: ksoftirqd began, or the CPU went to another
                        return;
                    }
                }
                continue;
            }
            if (needResched || (rq.curr == null && rq.nrRunning > 0)) {
                needResched = false;
                linux.schedule(rq);
                continue;
            }
            LinuxThread t = rq.curr;
            if (t == null) {
                halted = true;
                haltedAt = now;
                idle();
                return;
            }
            if (t == rq.ksoftirqd) {
                // ksoftirqd: do_softirq while work is pending, cond_resched in between
                if (softirqs.hasPending(now)) {
                    if (!runsKsoftirqd()) {
                        return;
                    }
                    softirqs.begin(now, false);
                    continue;
                }
            } else if (t.hasWork(now)) {
                begin(t.task, now);
                return;
            }
            linux.block(t.task);
        }
    }

    private void begin(Task t, long now) {
        if (!t.inJob) {
            t.inJob = true;
            t.jobStart = now;
            t.speed = speed;
            inCallback = true;
            long saved = enter(t);
            try {
                if (t.inputReader && !kernel.fidelity().exact()) {
                    // (this CPU in a callback: what the released packets wake here is seen when it returns)
                    linux.readerBegins(t, this);
                }
                t.remaining = Math.max(0, t.beginJob(now));
            } finally {
                inCallback = false;
                leave(saved);
            }
            nextPart(t);
            if (!running || (!inInterrupt(t) && (tickPending || irqExit || needResched))) {
                // taking its input lost the CPU, or raised work that comes first: the job waits
                if (inInterrupt(t)) {
                    pauseInterrupt(t);
                }
                dispatch();
                return;
            }
        }
        t.executor = this;
        current(t);
        resumedAt = now;
        scheduleCompletion(t, now);
    }

    /**
     * Asks {@code t} for its job's next part; none, or one as long as the rest, ends with the
     * job. It is asked as code of this CPU (where its packets' readers sleep matters).
     */
    private void nextPart(Task t) {
        long saved = enter(t);
        try {
            askNextPart(t);
        } finally {
            leave(saved);
        }
    }

    /** {@link #nextPart} for a caller that runs as code of this CPU already. */
    private static void askNextPart(Task t) {
        double part = t.nextPart();
        t.inPart = part > 0 && part < t.remaining;
        t.partLeft = t.inPart ? part : 0;
    }

    /** The completion event at the end of the current part, or of the job. */
    private void scheduleCompletion(Task t, long now) {
        double work = t.inPart ? t.partLeft : t.remaining;
        long duration = (long) (work / speed);
        kernel.scheduleAt(completion, now + duration + (duration < work / speed ? 1 : 0));
    }

    /** Takes the work done since the job last resumed off what is left of it, and charges the time. */
    private void spend(Task t, long now) {
        double done = (now - resumedAt) * speed;
        t.remaining = Math.max(0, t.remaining - done);
        t.partLeft = Math.max(0, t.partLeft - done);
        t.domain().charge(now - resumedAt);
        resumedAt = now;
    }

    /** The job this CPU runs now, or none: its kernel's scheduler keeps the busy CPUs. */
    private void current(Task t) {
        current = t;
        if (t != null && t.displacesCaches()) {
            displacedCaches = true;
        }
        if (rq != null) {
            linux.inJob(rq, t != null);
        }
    }

    private void pause() {
        kernel.cancel(completion);
        spend(current, kernel.now());
        if (inInterrupt(current)) {
            pauseInterrupt(current);
        }
        current(null);
    }

    /** {@code t}, interrupt work, waits for the CPU; a handler run on top of a paused job waits above it. */
    private void pauseInterrupt(Task t) {
        if (pausedInterrupt != null && pausedInterrupt != t) {
            pausedIrq = t;
        } else {
            pausedInterrupt = t;
        }
    }

    private void complete() {
        Task t = current;
        long now = kernel.now();
        if (t.inPart) {
            partDone(t, now);
            return;
        }
        t.domain().charge(now - resumedAt);
        t.inJob = false;
        t.remaining = 0;
        current(null);
        inCallback = true;
        long saved = enter(t);
        try {
            t.endJob(t.jobStart, now);
        } finally {
            inCallback = false;
            leave(saved);
        }
        if (t.context() != Context.THREAD) {
            softirqs.done(t, now);
        } else if (t != timer && t.sendsPackets()) {
            irqExit = true;
        }
        if (running) {
            dispatch();
        }
    }

    /**
     * A part of {@code t}'s job is done: its output is emitted now, and the job goes on, unless
     * what the output woke took the CPU (a VCPU preempting this one) or comes first here.
     */
    private void partDone(Task t, long now) {
        spend(t, now);
        // one entry as code of this CPU for both calls (asking for the next part changes nothing
        // it would re-enter with), which saves a leave and an enter per part
        long saved = enter(t);
        try {
            askNextPart(t);
            inCallback = true;
            t.partDone(now);
        } finally {
            inCallback = false;
            leave(saved);
        }
        if (!running || current != t) {
            return;
        }
        if (!inInterrupt(t) && (tickPending || irqExit || needResched)) {
            pause();
            dispatch();
            return;
        }
        scheduleCompletion(t, now);
    }

    /**
     * Trains: a thread of this kernel fell asleep waiting for input; if the job running here is
     * in a part whose packets include what it waits for, the part ends when that packet is done
     * (at once if it is done already), so the reader is woken by the packet that wakes it packet
     * by packet, not at the end of a train.
     */
    void shortenPart() {
        cutPart(false);
    }

    /**
     * Trains: a reader on another CPU of this kernel begins a job now; if the part running here has
     * done a packet it wants, the part ends now with what it has done, its packets released when
     * each was done, so the reader's job takes them as packet by packet it would.
     */
    void releaseDone() {
        cutPart(true);
    }

    /**
     * Ends the running part early where its task says so: at the packet a reader waits for, or,
     * with {@code doneOnly}, now, with what it has done.
     */
    private void cutPart(boolean doneOnly) {
        Task t = current;
        if (t == null || t == timer || !running || inCallback) {
            return;
        }
        long now = kernel.now();
        double done = (now - resumedAt) * speed;
        double left = Math.max(0, (t.inPart ? t.partLeft : t.remaining) - done);
        long saved = enter(t);
        double shorter;
        try {
            shorter = doneOnly ? t.releaseDone(left) : t.shortenPart(left);
        } finally {
            leave(saved);
        }
        if (shorter >= left) {
            return;
        }
        kernel.cancel(completion);
        spend(t, now);
        t.inPart = true;
        if (doneOnly) {
            t.partLeft = 0;
            partDone(t, now);
        } else {
            t.partLeft = shorter;
            scheduleCompletion(t, now);
        }
    }

    /** Frames the current NET_RX pass still allows. */
    int netRxBudget() {
        return softirqs.budget();
    }

    void netRxTook(int frames) {
        softirqs.took(frames);
    }

    /** Charges the running job's time so far, so a CPU sample taken now is exact. */
    public void account() {
        if (current != null) {
            spend(current, kernel.now());
        }
    }

    /**
     * The timer interrupt's work, a hard interrupt charged to the kernel's domain: the
     * scheduler's tick, the timer softirq's expired {@code usleep}s, then {@code irq_exit}.
     * (Its context says nothing: the executor knows it by identity.)
     */
    private final class TimerInterrupt extends Task {

        TimerInterrupt() {
            super(name + ".timer", kernelDomain, Context.THREAD);
        }

        @Override
        protected boolean hasWork(long now) {
            return false;
        }

        @Override
        protected double beginJob(long now) {
            return linux.tickCost();
        }

        @Override
        protected boolean displacesCaches() {
            return false;
        }

        @Override
        protected void endJob(long start, long end) {
            linux.tick(rq);
            linux.expireTimers(rq);
            irqExit = true;
        }
    }
}
