package org.vnetlab.sim.cpu;

import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A Xen virtual CPU: a CPU of its guest's kernel that runs only while the hypervisor's
 * scheduler gives it a physical CPU, and blocks (gives the CPU back) when its kernel has
 * nothing to do. Its timer interrupt is Xen's timer event: every hypervisor tick while it runs,
 * on being switched in after missing a tick, and, while it is blocked, the one-shot timer its
 * kernel sets for its next pending timer ({@code safe_halt}'s {@code stop_hz_timer}): the next
 * jiffy for a thread in {@code usleep}, else its kernel's next periodic timer
 * ({@link #setIdleTimer}). Its scheduling state is the hypervisor scheduler's own.
 */
public final class Vcpu extends Executor {

    private final Domain domain;
    private final int weight;
    private final int cap;
    private final long affinityMask;
    private CpuScheduler<Vcpu> scheduler;
    private int schedulerIndex;
    private long wakeLatency;
    private long lazyWakeLatency;
    private long cacheRefill;
    private long jiffy;
    /** When the scheduler picked it, while its state is being switched in; -1 otherwise. */
    private long switchingSince = -1;
    private final Event started = new Event(name() + ".start") {
        @Override
        protected void fire() {
            chargeSwitch();
            start();
        }
    };
    /** The kernel's periodic timer an idle VCPU still wakes for, ns (0: none), and its next expiry. */
    private long idleTimerPeriod;
    private long idleTimerNext;
    /**
     * A kernel timer whose handler re-arms it {@code rearmedTimerPeriod} after the jiffy it ran in
     * (0: none), and when it expires next (a jiffy's start).
     */
    private long rearmedTimerPeriod;
    private long rearmedTimerNext;
    /** The guest's one-shot timer while blocked, executed by the CPU the hypervisor bound it to. */
    private final Event guestTimer = new Event(name() + ".timer") {
        @Override
        protected void fire() {
            int saved = scheduler.enterTimer(Vcpu.this);
            try {
                timerInterrupt();
            } finally {
                scheduler.leaveCode(saved);
            }
        }
    };

    /**
     * @param weight       the domain's weight (Xen's default 256)
     * @param cap          the domain's cap in percent of one CPU, 0 for none
     * @param affinityMask bit i set: may run on physical CPU i (all bits for no pinning)
     */
    public Vcpu(Kernel kernel, String name, double speed, Domain domain, int weight, int cap, long affinityMask) {
        super(kernel, name, speed, domain);
        this.domain = domain;
        this.weight = weight;
        this.cap = cap;
        this.affinityMask = affinityMask;
    }

    void attach(CpuScheduler<Vcpu> s, int index) {
        this.scheduler = s;
        this.schedulerIndex = index;
    }

    /** Where its scheduler keeps its state. */
    int schedulerIndex() {
        return schedulerIndex;
    }

    public Domain domain() {
        return domain;
    }

    int weight() {
        return weight;
    }

    int cap() {
        return cap;
    }

    long affinityMask() {
        return affinityMask;
    }

    boolean mayRunOn(int physicalCpu) {
        return (affinityMask & (1L << physicalCpu)) != 0;
    }

    @Override
    protected int enterHypervisor() {
        return scheduler.enterCode(this);
    }

    @Override
    protected void leaveHypervisor(int saved) {
        scheduler.leaveCode(saved);
    }

    @Override
    protected boolean cpuWanted() {
        return scheduler.wantsCpu(this);
    }

    @Override
    protected boolean runsKsoftirqd() {
        return scheduler.runsKsoftirqd(this);
    }

    @Override
    protected void wantCpu() {
        scheduler.wake(this);
    }

    /**
     * Sets the kernel timer that expires every {@code period} ns, first at {@code first}, even
     * when the guest is idle (cache_reap): a blocked VCPU wakes for it at its jiffy.
     */
    public void setIdleTimer(long period, long first) {
        if (period < 0 || first < 0) {
            throw new IllegalArgumentException(name() + ": idle timer period " + period + ", first " + first);
        }
        this.idleTimerPeriod = period;
        this.idleTimerNext = first;
    }

    /**
     * Sets a kernel timer whose handler re-arms itself with {@code mod_timer(timer, jiffies + n)}:
     * it expires first at {@code first} (a jiffy's start), then {@code period} after the start of
     * the jiffy in which its handler ran, which is the first timer interrupt the VCPU runs at or
     * after the expiry. So a VCPU held in a run queue past the expiry runs it late, and the next
     * expiry moves with it (the bridge's {@code br_fdb_cleanup}: {@code mod_timer(&br->gc_timer,
     * jiffies + HZ/10)} in Linux 2.6.16-2.6.18's {@code net/bridge/br_fdb.c}).
     */
    public void setRearmedTimer(long period, long first) {
        if (period < 0 || first < 0) {
            throw new IllegalArgumentException(name() + ": re-armed timer period " + period + ", first " + first);
        }
        this.rearmedTimerPeriod = period;
        this.rearmedTimerNext = first;
    }

    /** When the re-armed timer expires next. */
    long rearmedTimerExpiry() {
        return rearmedTimerNext;
    }

    /** {@code run_timer_softirq}: the re-armed timer, if due, runs and is re-armed from this jiffy. */
    @Override
    protected void timerInterruptRuns(long now) {
        if (rearmedTimerPeriod > 0 && rearmedTimerNext <= now) {
            long j = Math.max(jiffy, 1);
            rearmedTimerNext = now / j * j + rearmedTimerPeriod;
        }
    }

    /** Blocks with Xen's one-shot timer at the kernel's next pending timer (re-set at every block). */
    @Override
    protected void idle() {
        long now = kernel.now();
        long at = hasTimerSleepers() ? nextJiffy(now) : Long.MAX_VALUE;
        if (rearmedTimerPeriod > 0) {
            // next_timer_interrupt(); one already due (not yet run) keeps the next jiffy (stop_hz_timer)
            at = Math.min(at, rearmedTimerNext > now ? rearmedTimerNext : nextJiffy(now));
        }
        if (idleTimerPeriod > 0) {
            if (idleTimerNext <= now) {
                // expiries while it ran were taken at its ticks
                idleTimerNext += ((now - idleTimerNext) / idleTimerPeriod + 1) * idleTimerPeriod;
            }
            at = Math.min(at, nextJiffy(idleTimerNext - 1));
        }
        if (at != Long.MAX_VALUE) {
            kernel.scheduleAt(guestTimer, at);
        } else if (guestTimer.isScheduled()) {
            kernel.cancel(guestTimer);
        }
        scheduler.block(this);
    }

    private long nextJiffy(long t) {
        long j = Math.max(jiffy, 1);
        return (t / j + 1) * j;
    }

    @Override
    protected void startTicks(long periodNanos, long phaseNanos) {
        // Xen sends the timer events; the period is the guest's jiffy, for its one-shot timer
        this.jiffy = periodNanos;
    }

    /**
     * Sets how long a blocked VCPU takes to run once the scheduler picked it: the hypervisor's
     * context switch and the event-channel upcall into the guest.
     */
    public void setWakeLatency(long nanos) {
        this.wakeLatency = nanos;
    }

    /**
     * Sets the part of the wake latency that refills the caches the VCPU that ran before it
     * displaced: not spent after one that ran only work that displaces none
     * ({@link org.vnetlab.sim.cpu.Task#displacesCaches}).
     */
    public void setCacheRefill(long nanos) {
        if (nanos > wakeLatency) {
            throw new IllegalArgumentException("cache refill " + nanos + " ns exceeds the wake latency "
                    + wakeLatency + " ns");
        }
        this.cacheRefill = nanos;
    }

    /**
     * Sets how long a blocked VCPU takes to run once picked by an idle CPU that still holds its
     * state, woken by that CPU's own interrupt: the CPU leaving {@code hlt}, {@code schedule()}
     * and the upcall, without the reschedule IPI, the state switch, the TLB flush and the refill.
     */
    public void setLazyWakeLatency(long nanos) {
        this.lazyWakeLatency = nanos;
    }

    /**
     * The scheduler gives it a physical CPU. Unless it switches state, the CPU spends the wake
     * latency switching, and Xen charges that to this VCPU, as xentop shows it:
     * {@code schedule()} turns its runstate to running before {@code context_switch}, and the
     * upcall is its guest's kernel. Without a switch (Xen: an idle CPU that still holds this
     * VCPU's state, woken by another CPU) the latency is mostly the halted CPU taking the
     * reschedule IPI, as a remote wake-up costs a Linux thread: idle time.
     *
     * @param noSwitch whether the CPU comes from idle without switching state
     */
    void run(boolean noSwitch) {
        run(noSwitch, true);
    }

    /**
     * {@link #run(boolean)}; a switch after a VCPU that ran no work displacing caches
     * ({@code cachesDisplaced} false) takes the wake latency less the cache refill.
     */
    void run(boolean noSwitch, boolean cachesDisplaced) {
        runAfter(noSwitch || cachesDisplaced ? wakeLatency : wakeLatency - cacheRefill, !noSwitch);
    }

    /**
     * Xen switches lazily ({@code context_switch} in {@code arch/x86/domain.c}): an idle CPU keeps
     * the last VCPU's state loaded, and {@code __context_switch} runs only for a VCPU whose state
     * it does not hold. Picked by such a CPU that executed the wake itself (an interrupt it took),
     * this VCPU resumes after the lazy latency, its TLB and caches warm, as idle time.
     */
    void resumeLazily() {
        runAfter(lazyWakeLatency, false);
    }

    private void runAfter(long latency, boolean charged) {
        if (latency > 0 && !hasJobInProgress()) {
            switchingSince = charged ? kernel.now() : -1;
            kernel.scheduleAfter(started, latency);
        } else {
            start();
        }
    }

    /** The scheduler takes its physical CPU away. */
    void preempt() {
        if (started.isScheduled()) {
            kernel.cancel(started);
            chargeSwitch();
        }
        stopRunning();
    }

    private void chargeSwitch() {
        if (switchingSince >= 0) {
            domain.charge(kernel.now() - switchingSince);
            switchingSince = -1;
        }
    }
}
