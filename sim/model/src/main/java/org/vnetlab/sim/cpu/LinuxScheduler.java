package org.vnetlab.sim.cpu;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A Linux 2.6.16 kernel's O(1) scheduler ({@code kernel/sched.c}), placing the kernel's
 * threads on its CPUs: the native or VServer host, Dom0 over its VCPUs, a DomU over its VCPU,
 * machine 2. What it does, function by function of the source:
 * <ul>
 *   <li>per-CPU runqueues with an active and an expired array of 40 priority lists; a thread
 *       runs for a slice of 100 ms at nice 0 ({@code task_timeslice}), counted in ticks while
 *       it is current ({@code scheduler_tick}); an expired thread goes to the expired array,
 *       unless it is interactive ({@code TASK_INTERACTIVE}) and nothing there starves
 *       ({@code EXPIRED_STARVING}); the arrays switch when the active one is empty;</li>
 *   <li>the dynamic priority is the static one (120 + nice) less a bonus of -5 to +5 from
 *       {@code sleep_avg}: sleeping raises it (2.6.16's multiplier included, a long sleep sets
 *       it to 0.9 s, {@code recalc_task_prio}); a thread woken from an interrupt is credited its
 *       whole wait on the runqueue, one woken by a thread 30 % of it ({@code activated});
 *       running lowers it by the run time divided by the bonus ({@code schedule});</li>
 *   <li>a woken thread preempts the running one only with a strictly better priority
 *       ({@code TASK_PREEMPTS_CURR}); woken from another CPU, it moves there if that CPU is
 *       not busier ({@code try_to_wake_up}'s wake-affine rule with {@code SD_CPU_INIT}'s
 *       constants); a remote wake-up of a halted CPU takes an IPI ({@code resched_task});</li>
 *   <li>load balancing ({@code rebalance_tick}, {@code load_balance}): an idle CPU every 1-4 ms,
 *       a busy one every 64-256 ms, a CPU about to idle at once ({@code idle_balance}); only a
 *       CPU with two runnable threads gives one away, never its running one nor a cache-hot one
 *       (ran within {@code cache_hot_time}) unless balancing failed before; after three failures
 *       the migration thread pushes the running thread off ({@code active_load_balance});</li>
 *   <li>ksoftirqd: one thread per CPU at nice 19, bound to it, woken when softirqs stay
 *       pending after their last pass ({@link Softirqs}).</li>
 * </ul>
 * A thread's wake-ups come from where the code that woke it runs: a softirq on one of the
 * kernel's CPUs (an interrupt wake-up there), a thread there, or else (a timer, another
 * machine) an interrupt on the thread's own CPU. Context switches take no time.
 */
public final class LinuxScheduler implements CpuScheduler<Task> {

    static final int MAX_RT_PRIO = 100;
    static final int MAX_PRIO = 140;
    private static final int MAX_USER_PRIO = MAX_PRIO - MAX_RT_PRIO;
    private static final int MAX_BONUS = MAX_USER_PRIO * 25 / 100;
    private static final int INTERACTIVE_DELTA = 2;
    private static final int ON_RUNQUEUE_WEIGHT = 30;
    private static final long LOAD_SCALE = 128;
    // SD_CPU_INIT (include/linux/topology.h): the domain of a one-socket dual-core Opteron
    private static final long MIN_INTERVAL_MS = 1;
    private static final long MAX_INTERVAL_MS = 4;
    private static final long BUSY_FACTOR = 64;
    private static final long IMBALANCE_PCT = 125;
    private static final int CACHE_NICE_TRIES = 1;
    private static final int BUSY_IDX = 2;
    private static final int IDLE_IDX = 1;
    private static final int NEWIDLE_IDX = 2;
    private static final int WAKE_IDX = 1;
    private static final long MAX_PINNED_INTERVAL_MS = 512;
    /** ksoftirqd's nice in 2.6.16 ({@code set_user_nice(current, 19)}); 3.10 leaves it at 0. */
    private static final int KSOFTIRQD_NICE_2_6_16 = 19;

    /**
     * A kernel's constants ({@code linux.*}, {@code xen.guest-hz}).
     *
     * @param hz              timer ticks per second ({@code CONFIG_HZ}): jiffies, slices, balancing intervals
     * @param tickCostNanos   CPU work of one timer interrupt, ns at cpu-speed 1.0
     * @param cacheHotNanos   {@code cache_hot_time}: a thread that ran this recently is not moved by balancing
     * @param netdevBudget    frames one NET_RX pass takes at most ({@code netdev_budget})
     * @param softirqRestarts passes of one softirq invocation ({@code MAX_SOFTIRQ_RESTART})
     * @param remoteWakeNanos from a wake-up on another CPU to a halted CPU running the thread (IPI, leaving {@code hlt})
     * @param softirqTimeNanos {@code MAX_SOFTIRQ_TIME} of a 3.10 kernel: an invocation restarts only
     *                        within it and while the running thread need not be rescheduled, and
     *                        ksoftirqd runs at nice 0; 0 for 2.6.16, which has neither rule and
     *                        runs ksoftirqd at nice 19
     */
    public record Settings(int hz, double tickCostNanos, long cacheHotNanos, int netdevBudget, int softirqRestarts,
                           long remoteWakeNanos, long softirqTimeNanos) {

        /** A kernel of 2.6.16's softirq rules. */
        public Settings(int hz, double tickCostNanos, long cacheHotNanos, int netdevBudget, int softirqRestarts,
                        long remoteWakeNanos) {
            this(hz, tickCostNanos, cacheHotNanos, netdevBudget, softirqRestarts, remoteWakeNanos, 0);
        }

        public Settings {
            if (hz < 1 || hz > 10_000) {
                throw new IllegalArgumentException("HZ must be 1..10000, got " + hz);
            }
            if (softirqTimeNanos < 0) {
                throw new IllegalArgumentException("MAX_SOFTIRQ_TIME must be 0 (none) or more, got " + softirqTimeNanos);
            }
        }

        long jiffyNanos() {
            return 1_000_000_000L / hz;
        }

        /**
         * The same kernel with 3.10's softirq rules: {@code MAX_SOFTIRQ_TIME} of {@code nanos} and
         * {@code need_resched} end an invocation's restarts, and ksoftirqd runs at nice 0.
         */
        public Settings withLinux310Softirqs(long nanos) {
            return new Settings(hz, tickCostNanos, cacheHotNanos, netdevBudget, softirqRestarts, remoteWakeNanos, nanos);
        }
    }

    private enum Idle { IDLE, NOT_IDLE, NEWLY_IDLE }

    private final Kernel kernel;
    private final String name;
    private final Settings settings;
    private final Domain kernelDomain;
    private final List<RunQueue> rqs = new ArrayList<>();
    /**
     * The CPUs in a job now, by runqueue id: trains cut only their parts ({@link #block},
     * {@link #readerBegins}), so a reader's job asks the busy CPUs, not all 64. Bit i: runqueue i.
     */
    private long inJob;
    private final List<LinuxThread> timerSleepers = new ArrayList<>();
    // the kernel's constants in jiffies at its HZ (kernel/sched.c)
    private final long jiffy;
    private final int defTimeslice;
    private final int minTimeslice;
    private final int maxSleepAvg;
    private final long nsMaxSleepAvg;
    private final int granularity;
    /** Where the code running now runs: its runqueue's id + 1 (0: none), and whether in an interrupt. */
    private int wakerId;
    private boolean wakerIrq;
    private long imbalance;
    private boolean allPinned;

    /**
     * A kernel over {@code cpus}, CPU i being {@code cpus.get(i)}.
     *
     * @param kernelDomain charged for the kernel's own work (the timer interrupt)
     */
    public LinuxScheduler(Kernel kernel, String name, List<? extends Executor> cpus, Domain kernelDomain,
                          Settings settings) {
        this.kernel = kernel;
        this.name = name;
        this.settings = settings;
        this.kernelDomain = kernelDomain;
        this.jiffy = settings.jiffyNanos();
        int hz = settings.hz();
        this.defTimeslice = Math.max(100 * hz / 1000, 1);
        this.minTimeslice = Math.max(5 * hz / 1000, 1);
        this.maxSleepAvg = defTimeslice * MAX_BONUS;
        this.nsMaxSleepAvg = maxSleepAvg * jiffy;
        this.granularity = Math.max(10 * hz / 1000, 1);
        for (int i = 0; i < cpus.size(); i++) {
            RunQueue q = new RunQueue(i, cpus.get(i));
            q.balanceIntervalMs = MIN_INTERVAL_MS;
            rqs.add(q);
            cpus.get(i).attach(this, q, settings);
        }
        for (RunQueue q : rqs) {
            q.ksoftirqd = newThread(new Ksoftirqd(q), settings.softirqTimeNanos() > 0 ? 0 : KSOFTIRQD_NICE_2_6_16,
                    1L << q.id, q);
        }
    }

    public String name() {
        return name;
    }

    /** The kernel's CPUs, in number order. */
    public List<Executor> cpus() {
        return rqs.stream().map(q -> q.cpu).toList();
    }

    double tickCost() {
        return settings.tickCostNanos();
    }

    /**
     * Starts a thread (an application process) in this kernel as if it had been running long
     * before the run began: a thread with work now is a CPU hog that has used up its sleep
     * bonus; one without sleeps (in {@code recvfrom}, say) and has slept long enough that its
     * first wake-up finds it interactive. It starts on the CPU with the fewest runnable threads,
     * ties to the highest-numbered one (exec balancing from a shell on CPU 0, which takes the
     * NIC's interrupts), and migrates from there.
     */
    public void spawn(Task thread) {
        RunQueue best = leastLoaded();
        LinuxThread t = newThread(thread, 0, CpuMasks.all(rqs.size()), best);
        if (thread.hasWork(kernel.now())) {
            best.active.enqueue(t);
            best.nrRunning++;
            if (t.prio < prioOf(best.curr)) {
                best.cpu.reschedWhenRunning();
            }
        } else {
            // asleep since long before: its first wake-up is a long sleep
            t.timestamp = kernel.now() - nsMaxSleepAvg;
        }
    }

    /**
     * Starts a thread as {@link #spawn} does one that sleeps, but asleep in {@code usleep(0)}:
     * it wakes at its CPU's next tick (iperf 2.0's reporter thread, between passes).
     */
    public void spawnInUsleep(Task thread) {
        LinuxThread t = newThread(thread, 0, CpuMasks.all(rqs.size()), leastLoaded());
        t.timestamp = kernel.now() - nsMaxSleepAvg;
        sleepUntilTick(thread);
    }

    /** The CPU with the fewest runnable threads, ties to the highest-numbered one. */
    private RunQueue leastLoaded() {
        RunQueue best = rqs.get(rqs.size() - 1);
        for (int i = rqs.size() - 1; i >= 0; i--) {
            if (rqs.get(i).nrRunning < best.nrRunning) {
                best = rqs.get(i);
            }
        }
        return best;
    }

    private LinuxThread newThread(Task task, int nice, long allowed, RunQueue rq) {
        if (task.thread != null || task.executor != null) {
            throw new IllegalStateException(task.name() + " already runs");
        }
        if (task.context() != Context.THREAD) {
            throw new IllegalArgumentException(task.name() + " is softirq work: bind it to a CPU");
        }
        LinuxThread t = new LinuxThread(task, this, nice, allowed);
        t.rq = rq;
        t.timestamp = kernel.now();
        t.prio = effectivePrio(t);
        t.timeSlice = timeslice(t);
        task.thread = t;
        task.executor = rq.cpu;
        return t;
    }

    /** Starts the CPUs' timer interrupts, their phases spread over a tick. */
    @Override
    public void start() {
        long now = kernel.now();
        for (RunQueue q : rqs) {
            q.lastBalance = jiffies(now);
            q.cpu.startTicks(jiffy, jiffy * q.id / rqs.size());
        }
    }

    private long jiffies(long now) {
        return 1 + now / jiffy;
    }

    // ---- where the running code runs, for wake-ups

    /** Code of {@code q}'s CPU starts running (in an interrupt or not); returns what to {@link #leave}. */
    int enter(RunQueue q, boolean irq) {
        int saved = (wakerId << 1) | (wakerIrq ? 1 : 0);
        wakerId = q.id + 1;
        wakerIrq = irq;
        return saved;
    }

    void leave(int saved) {
        wakerId = saved >> 1;
        wakerIrq = (saved & 1) != 0;
    }

    /** Whether the code running now runs on a CPU other than {@code p}'s (or on none of this kernel's). */
    boolean runsElsewhere(LinuxThread p) {
        return wakerId != p.rq.id + 1;
    }

    // ---- priorities (kernel/sched.c macros)

    private int currentBonus(LinuxThread p) {
        return (int) (p.sleepAvg / jiffy * MAX_BONUS / maxSleepAvg);
    }

    private static int delta(LinuxThread p) {
        return (p.staticPrio - MAX_RT_PRIO - 20) * MAX_BONUS / 40 + INTERACTIVE_DELTA;
    }

    private boolean interactive(LinuxThread p) {
        return p.prio <= p.staticPrio - delta(p);
    }

    private long interactiveSleep(LinuxThread p) {
        return (maxSleepAvg * (MAX_BONUS / 2 + delta(p) + 1) / MAX_BONUS - 1) * jiffy;
    }

    private int effectivePrio(LinuxThread p) {
        int prio = p.staticPrio - (currentBonus(p) - MAX_BONUS / 2);
        return Math.max(MAX_RT_PRIO, Math.min(MAX_PRIO - 1, prio));
    }

    private int timeslice(LinuxThread p) {
        int base = p.staticPrio < MAX_RT_PRIO + 20 ? defTimeslice * 4 : defTimeslice;
        return Math.max(base * (MAX_PRIO - p.staticPrio) / (MAX_USER_PRIO / 2), minTimeslice);
    }

    private int timesliceGranularity(LinuxThread p) {
        int missing = MAX_BONUS - currentBonus(p);
        return granularity * (1 << ((missing == 0 ? 1 : missing) - 1)) * rqs.size();
    }

    private static int prioOf(LinuxThread curr) {
        return curr == null ? MAX_PRIO : curr.prio;
    }

    /** {@code recalc_task_prio}: sleeping {@code now - timestamp} raises {@code sleep_avg}. */
    private int recalcTaskPrio(LinuxThread p, long now) {
        long sleep = Math.min(Math.max(0, now - p.timestamp), nsMaxSleepAvg);
        if (sleep > 0) {
            if (!(p.task instanceof Ksoftirqd) && sleep > interactiveSleep(p)) {
                // a user thread that slept long is just interactive, not a future CPU hog
                p.sleepAvg = (maxSleepAvg - defTimeslice) * jiffy;
            } else {
                int missing = MAX_BONUS - currentBonus(p);
                sleep *= missing == 0 ? 1 : missing;
                p.sleepAvg = Math.min(p.sleepAvg + sleep, nsMaxSleepAvg);
            }
        }
        return effectivePrio(p);
    }

    // ---- wake-up

    /** {@code try_to_wake_up}. */
    @Override
    public void wake(Task task) {
        LinuxThread p = task.thread;
        if (p.array != null || p.timerSleep) {
            // runnable already (the running thread stays queued), or in usleep until the tick
            return;
        }
        long now = kernel.now();
        RunQueue cpu = p.rq;
        RunQueue thisCpu = wakerId == 0 ? cpu : rqs.get(wakerId - 1);
        boolean irq = wakerId == 0 || wakerIrq;
        if (thisCpu != cpu && p.mayRunOn(thisCpu) && wakeAffine(cpu, thisCpu)) {
            p.rq = thisCpu;
            task.executor = thisCpu.cpu;
            cpu = thisCpu;
        }
        activate(p, cpu, now, irq);
        if (p.prio < prioOf(cpu.curr)) {
            cpu.cpu.resched(cpu != thisCpu, task.inputReadySince(now));
        }
    }

    /** The wake-affine test: the waking CPU is not busier than the thread's (SD_WAKE_AFFINE). */
    private boolean wakeAffine(RunQueue cpu, RunQueue thisCpu) {
        long load = sourceLoad(cpu, WAKE_IDX);
        long tl = targetLoad(thisCpu, WAKE_IDX);
        long half = 100 + (IMBALANCE_PCT - 100) / 2;
        return (tl <= load && tl + targetLoad(cpu, WAKE_IDX) <= LOAD_SCALE)
                || 100 * (tl + LOAD_SCALE) <= half * load;
    }

    /** {@code activate_task}. */
    private void activate(LinuxThread p, RunQueue q, long now, boolean irq) {
        p.prio = recalcTaskPrio(p, now);
        if (p.activated == 0) {
            p.activated = irq ? 2 : 1;
        }
        p.timestamp = now;
        q.active.enqueue(p);
        q.nrRunning++;
    }

    private static void deactivate(LinuxThread p) {
        p.array.dequeue(p);
        p.rq.nrRunning--;
    }

    void wakeKsoftirqd(RunQueue q) {
        int saved = enter(q, true);
        try {
            wake(q.ksoftirqd.task);
        } finally {
            leave(saved);
        }
    }

    // ---- usleep(0)

    void sleepUntilTick(Task task) {
        LinuxThread p = task.thread;
        if (!p.timerSleep) {
            p.timerSleep = true;
            timerSleepers.add(p);
        }
    }

    boolean hasTimerSleepers(RunQueue q) {
        for (int i = 0, n = timerSleepers.size(); i < n; i++) {
            if (timerSleepers.get(i).rq == q) {
                return true;
            }
        }
        return false;
    }

    /** The tick's timer softirq: the threads of {@code q} in {@code usleep(0)} wake. */
    void expireTimers(RunQueue q) {
        int saved = enter(q, true);
        try {
            for (int i = 0; i < timerSleepers.size(); i++) {
                LinuxThread p = timerSleepers.get(i);
                if (p.rq == q) {
                    timerSleepers.remove(i--);
                    p.timerSleep = false;
                    if (p.array == null && p.task.hasWork(kernel.now())) {
                        wake(p.task);
                    }
                }
            }
        } finally {
            leave(saved);
        }
    }

    // ---- schedule()

    /** The running thread of {@code task}'s CPU has nothing left to do: it sleeps. */
    @Override
    public void block(Task task) {
        LinuxThread p = task.thread;
        if (p.array != null) {
            deactivate(p);
        }
        if (!kernel.fidelity().exact()) {
            // what it waits for may be done already, in a train another CPU has not handed over yet
            for (int i = nextInJob(0); i >= 0; i = nextInJob(i + 1)) {
                rqs.get(i).cpu.shortenPart();
            }
        }
        schedule(p.rq);
    }

    /**
     * Trains: {@code reader} begins a job on {@code cpu}: the parts in progress on the kernel's
     * other CPUs release what they have done for it ({@link Executor#releaseDone}).
     */
    void readerBegins(Task reader, Executor cpu) {
        reader.beginning = true;
        try {
            for (int i = nextInJob(0); i >= 0; i = nextInJob(i + 1)) {
                Executor other = rqs.get(i).cpu;
                if (other != cpu) {
                    other.releaseDone();
                }
            }
        } finally {
            reader.beginning = false;
        }
    }

    /** {@code q}'s CPU took a job to run, or has none. */
    void inJob(RunQueue q, boolean busy) {
        inJob = busy ? inJob | (1L << q.id) : inJob & ~(1L << q.id);
    }

    /**
     * The first CPU from {@code from} on in a job now, or -1: read afresh at each step, as a part
     * cut short on one CPU may end or begin a job on another.
     */
    private int nextInJob(int from) {
        long rest = from >= Long.SIZE ? 0 : inJob & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    /** {@code schedule()} on {@code q}'s CPU: what runs there now. */
    void schedule(RunQueue q) {
        long now = kernel.now();
        LinuxThread prev = q.curr;
        long runTime = 0;
        if (prev != null) {
            runTime = Math.min(Math.max(0, now - prev.timestamp), nsMaxSleepAvg);
            // a thread with a high sleep_avg is charged less, to delay its losing interactivity
            int bonus = currentBonus(prev);
            runTime /= bonus == 0 ? 1 : bonus;
        }
        if (q.activeBalance) {
            // the migration thread runs: nothing of this CPU's is running while it pushes one away
            q.activeBalance = false;
            q.curr = null;
            activeLoadBalance(q);
        }
        if (q.nrRunning == 0) {
            idleBalance(q);
        }
        LinuxThread next = null;
        if (q.nrRunning == 0) {
            q.expiredTimestamp = 0;
        } else {
            if (q.active.size() == 0) {
                PrioArray a = q.active;
                q.active = q.expired;
                q.expired = a;
                q.expiredTimestamp = 0;
                q.bestExpiredPrio = MAX_PRIO;
            }
            next = q.active.best();
            if (next.activated > 0) {
                long delta = Math.max(0, now - next.timestamp);
                if (next.activated == 1) {
                    delta = delta * (ON_RUNQUEUE_WEIGHT * 128 / 100) / 128;
                }
                PrioArray a = next.array;
                int prio = recalcTaskPrio(next, next.timestamp + delta);
                a.dequeue(next);
                next.prio = prio;
                a.enqueue(next);
            }
            next.activated = 0;
        }
        if (prev != null) {
            prev.sleepAvg = Math.max(0, prev.sleepAvg - runTime);
            prev.timestamp = now;
            prev.lastRan = now;
        }
        if (next != null && next != prev) {
            next.timestamp = now;
        }
        q.curr = next;
    }

    // ---- scheduler_tick()

    /** {@code scheduler_tick} on {@code q}'s CPU. */
    void tick(RunQueue q) {
        long now = kernel.now();
        q.timestampLastTick = now;
        LinuxThread p = q.curr;
        if (p == null) {
            rebalanceTick(q, Idle.IDLE, now);
            return;
        }
        if (p.array != q.active) {
            // expired already, not scheduled off yet
            q.cpu.resched(false);
        } else if (--p.timeSlice <= 0) {
            q.active.dequeue(p);
            q.cpu.resched(false);
            p.prio = effectivePrio(p);
            p.timeSlice = timeslice(p);
            if (q.expiredTimestamp == 0) {
                q.expiredTimestamp = jiffies(now);
            }
            if (!interactive(p) || expiredStarving(q, now)) {
                q.expired.enqueue(p);
                q.bestExpiredPrio = Math.min(q.bestExpiredPrio, p.staticPrio);
            } else {
                q.active.enqueue(p);
            }
        } else if (interactive(p) && (timeslice(p) - p.timeSlice) % timesliceGranularity(p) == 0
                && p.timeSlice >= timesliceGranularity(p)) {
            // round robin among equally interactive threads within a long slice
            q.active.requeue(p);
            q.cpu.resched(false);
        }
        rebalanceTick(q, Idle.NOT_IDLE, now);
    }

    /** {@code EXPIRED_STARVING}: an expired thread waited a second per runnable thread, or a better one expired. */
    private boolean expiredStarving(RunQueue q, long now) {
        return (q.expiredTimestamp != 0 && jiffies(now) - q.expiredTimestamp >= (long) maxSleepAvg * q.nrRunning + 1)
                || q.curr.staticPrio > q.bestExpiredPrio;
    }

    // ---- load balancing

    private long sourceLoad(RunQueue q, int idx) {
        long now = q.nrRunning * LOAD_SCALE;
        return idx == 0 ? now : Math.min(q.cpuLoad[idx - 1], now);
    }

    private long targetLoad(RunQueue q, int idx) {
        long now = q.nrRunning * LOAD_SCALE;
        return idx == 0 ? now : Math.max(q.cpuLoad[idx - 1], now);
    }

    /** {@code rebalance_tick}. */
    private void rebalanceTick(RunQueue q, Idle idle, long now) {
        long load = q.nrRunning * LOAD_SCALE;
        for (int i = 0; i < q.cpuLoad.length; i++) {
            long scale = 1L << i;
            long old = q.cpuLoad[i];
            long next = load > old ? load + scale - 1 : load;
            q.cpuLoad[i] = (old * (scale - 1) + next) / scale;
        }
        if (rqs.size() < 2) {
            return;
        }
        long intervalMs = q.balanceIntervalMs * (idle == Idle.IDLE ? 1 : BUSY_FACTOR);
        long interval = Math.max(1, (intervalMs * settings.hz() + 999) / 1000);
        if (jiffies(now) - q.lastBalance >= interval) {
            loadBalance(q, idle, now);
            q.lastBalance += interval;
        }
    }

    /**
     * {@code find_busiest_group} over CPU groups of one CPU: the busiest other CPU if moving
     * threads to {@code q} would even the load out, with {@link #imbalance} threads to move.
     */
    private RunQueue findBusiest(RunQueue q, Idle idle) {
        int idx = idle == Idle.NOT_IDLE ? BUSY_IDX : idle == Idle.NEWLY_IDLE ? NEWIDLE_IDX : IDLE_IDX;
        long maxLoad = 0;
        long thisLoad = 0;
        long total = 0;
        RunQueue busiest = null;
        for (int i = 0, n = rqs.size(); i < n; i++) {
            RunQueue r = rqs.get(i);
            long load = r == q ? targetLoad(r, idx) : sourceLoad(r, idx);
            total += load;
            if (r == q) {
                thisLoad = load;
            } else if (load > maxLoad) {
                maxLoad = load;
                busiest = r;
            }
        }
        if (busiest == null || thisLoad >= maxLoad || maxLoad <= LOAD_SCALE) {
            return null;
        }
        long avg = total / rqs.size();
        if (thisLoad >= avg || 100 * maxLoad <= IMBALANCE_PCT * thisLoad) {
            return null;
        }
        long maxPull = Math.min(maxLoad - avg, maxLoad - LOAD_SCALE);
        long imb = Math.min(maxPull, avg - thisLoad);
        if (imb < LOAD_SCALE) {
            if (maxLoad - thisLoad >= 2 * LOAD_SCALE) {
                imbalance = 1;
                return busiest;
            }
            // not enough imbalance to move a thread, unless it would use more CPU power
            long pwrNow = Math.min(LOAD_SCALE, maxLoad) + Math.min(LOAD_SCALE, thisLoad);
            long pwrMove = maxLoad > LOAD_SCALE ? Math.min(LOAD_SCALE, maxLoad - LOAD_SCALE) : 0;
            pwrMove += Math.min(LOAD_SCALE, thisLoad + Math.min(maxLoad, LOAD_SCALE));
            if (pwrMove <= pwrNow) {
                return null;
            }
            imbalance = 1;
            return busiest;
        }
        imbalance = imb / LOAD_SCALE;
        return busiest;
    }

    /** {@code load_balance}: pull from the busiest CPU; after repeated failures push its running thread. */
    private int loadBalance(RunQueue q, Idle idle, long now) {
        RunQueue busiest = findBusiest(q, idle);
        if (busiest == null || busiest.nrRunning == 0) {
            q.nrBalanceFailed = 0;
            backOff(q, false);
            return 0;
        }
        int moved = 0;
        if (busiest.nrRunning > 1) {
            moved = moveTasks(q, busiest, imbalance, now, false);
            if (allPinned) {
                q.nrBalanceFailed = 0;
                backOff(q, true);
                return 0;
            }
        }
        boolean activeBalance = false;
        if (moved == 0) {
            q.nrBalanceFailed++;
            if (q.nrBalanceFailed > CACHE_NICE_TRIES + 2) {
                if (busiest.curr == null || !busiest.curr.mayRunOn(q)) {
                    backOff(q, true);
                    return 0;
                }
                if (!busiest.activeBalance) {
                    busiest.activeBalance = true;
                    busiest.pushCpu = q;
                    activeBalance = true;
                    // wake_up_process(migration_thread): a real-time thread, it preempts at once
                    busiest.cpu.resched(true);
                }
                q.nrBalanceFailed = CACHE_NICE_TRIES + 1;
            }
        } else {
            q.nrBalanceFailed = 0;
        }
        if (!activeBalance) {
            q.balanceIntervalMs = MIN_INTERVAL_MS;
        } else if (q.balanceIntervalMs < MAX_INTERVAL_MS) {
            q.balanceIntervalMs *= 2;
        }
        return moved;
    }

    private static void backOff(RunQueue q, boolean pinned) {
        if ((pinned && q.balanceIntervalMs < MAX_PINNED_INTERVAL_MS) || q.balanceIntervalMs < MAX_INTERVAL_MS) {
            q.balanceIntervalMs *= 2;
        }
    }

    /** {@code idle_balance} with {@code load_balance_newidle}: a CPU about to idle pulls work. */
    private void idleBalance(RunQueue q) {
        if (rqs.size() < 2) {
            return;
        }
        RunQueue busiest = findBusiest(q, Idle.NEWLY_IDLE);
        if (busiest == null || busiest.nrRunning == 0) {
            q.nrBalanceFailed = 0;
            return;
        }
        if (busiest.nrRunning > 1 && moveTasks(q, busiest, imbalance, kernel.now(), false) > 0) {
            q.nrBalanceFailed = 0;
        }
    }

    /** {@code active_load_balance}: the migration thread of {@code busiest} moves one thread away. */
    private void activeLoadBalance(RunQueue busiest) {
        RunQueue target = busiest.pushCpu;
        if (target == null || busiest.nrRunning == 0) {
            return;
        }
        moveTasks(target, busiest, 1, kernel.now(), true);
    }

    /**
     * {@code move_tasks}: up to {@code max} threads from {@code busiest} to {@code q}, expired
     * ones first, best priority first, each list from its tail; sets {@link #allPinned}. Pushed
     * by {@code busiest}'s migration thread, a thread that should preempt at {@code q} takes an IPI.
     */
    private int moveTasks(RunQueue q, RunQueue busiest, long max, long now, boolean pushed) {
        allPinned = true;
        int pulled = 0;
        if (max == 0) {
            return 0;
        }
        boolean expired = busiest.expired.size() > 0;
        while (true) {
            PrioArray from = expired ? busiest.expired : busiest.active;
            for (int prio = from.nextPrio(MAX_RT_PRIO); prio >= 0; prio = from.nextPrio(prio + 1)) {
                LinuxThread t = from.last(prio);
                while (t != null) {
                    LinuxThread before = t.previous;
                    if (canMigrate(t, busiest, q)) {
                        pull(t, busiest, q, expired, pushed);
                        if (++pulled >= max) {
                            return pulled;
                        }
                    }
                    t = before;
                }
            }
            if (!expired || busiest.active.size() == 0) {
                return pulled;
            }
            expired = false;
        }
    }

    /** {@code can_migrate_task}. */
    private boolean canMigrate(LinuxThread t, RunQueue busiest, RunQueue q) {
        if (!t.mayRunOn(q)) {
            return false;
        }
        allPinned = false;
        if (t == busiest.curr) {
            return false;
        }
        if (q.nrBalanceFailed > CACHE_NICE_TRIES) {
            return true;
        }
        return busiest.timestampLastTick - t.lastRan >= settings.cacheHotNanos();
    }

    /** {@code pull_task}. */
    private void pull(LinuxThread t, RunQueue busiest, RunQueue q, boolean expired, boolean pushed) {
        t.array.dequeue(t);
        busiest.nrRunning--;
        t.rq = q;
        t.task.executor = q.cpu;
        (expired ? q.expired : q.active).enqueue(t);
        q.nrRunning++;
        if (t.prio < prioOf(q.curr)) {
            q.cpu.resched(pushed);
        }
    }

    /** The CPU's ksoftirqd: runs softirqs left pending as a nice-19 thread bound to its CPU. */
    private final class Ksoftirqd extends Task {

        private final RunQueue q;

        Ksoftirqd(RunQueue q) {
            super(name + ".ksoftirqd/" + q.id, kernelDomain, Context.THREAD);
            this.q = q;
        }

        @Override
        protected boolean hasWork(long now) {
            return q.cpu.hasPendingSoftirqs(now);
        }

        @Override
        protected double beginJob(long now) {
            throw new IllegalStateException(name() + " runs its CPU's softirqs, not jobs");
        }

        @Override
        protected void endJob(long start, long end) {
            throw new IllegalStateException(name() + " runs its CPU's softirqs, not jobs");
        }
    }
}
