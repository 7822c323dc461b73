package org.vnetlab.sim.cpu;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * Linux 3.10's Completely Fair Scheduler ({@code kernel/sched/fair.c}, {@code core.c}) as a KVM
 * host runs it: it places the host's threads on the physical CPUs. A host thread is an
 * {@link Executor} here (a {@link Vcpu}): a guest's vCPU thread runs its guest's kernel, and a
 * host thread of its own (a vhost-net worker, a host process) runs a kernel of one thread, so
 * both are paused and resumed the same way. What it does, function by function:
 * <ul>
 *   <li>per CPU, the runnable threads sorted by {@code vruntime} (the red-black tree,
 *       {@code __enqueue_entity}: a sorted list here, equal keys after the ones queued before);
 *       the leftmost runs next ({@code pick_next_entity});</li>
 *   <li>running adds its time times {@code NICE_0_LOAD / weight} to a thread's vruntime
 *       ({@code update_curr}, {@code calc_delta_fair}), the weight from its nice
 *       ({@code prio_to_weight}); {@code min_vruntime} only grows
 *       ({@code update_min_vruntime});</li>
 *   <li>a slice is the period ({@code sched_latency}, or {@code nr * min_granularity} beyond
 *       {@code sched_nr_latency} threads) times the thread's share of the queue's weight
 *       ({@code sched_slice}); at each tick the running thread is preempted once it ran its
 *       slice, or ran at least {@code min_granularity} and is more than a slice ahead of the
 *       leftmost ({@code check_preempt_tick});</li>
 *   <li>a woken thread is placed at {@code min_vruntime} less half of {@code sched_latency}
 *       ({@code place_entity}, {@code GENTLE_FAIR_SLEEPERS}) unless its own vruntime is later,
 *       and preempts the running one if that is ahead of it by more than
 *       {@code wakeup_granularity} in the woken thread's vruntime
 *       ({@code check_preempt_wakeup}, {@code wakeup_preempt_entity}); a new thread starts one
 *       virtual slice after {@code min_vruntime} ({@code START_DEBIT});</li>
 *   <li>the tunables scale with the CPUs ({@code SCHED_TUNABLESCALING_LOG}: times
 *       1 + log2 of the CPUs, at most 8);</li>
 *   <li>placement, simplified: a woken thread goes to the CPU it last ran on if that is idle, else
 *       to an idle CPU it may use, else stays ({@code select_idle_sibling} on one cache-sharing
 *       package, idle as {@code idle_cpu} has it: no thread, whether or not in softirq);</li>
 *   <li>balancing, {@code load_balance} over the one domain of the package's CPUs
 *       ({@code SD_MC_INIT}, each CPU a group) as 3.10.99's {@code fair.c} has it
 *       ({@link #loadBalance}): by a CPU about to idle ({@code idle_balance}, {@code CPU_NEWLY_IDLE},
 *       unless its {@code avg_idle} is below {@code sysctl_sched_migration_cost}), and at the tick
 *       every {@code balance_interval} by an idle CPU ({@code CPU_IDLE}) or every
 *       {@code balance_interval * busy_factor} by a busy one ({@code CPU_NOT_IDLE},
 *       {@code rebalance_domains}); a CPU's power is a CPU less its interrupt time averaged over
 *       {@code sched_time_avg} ({@code scale_rt_power}), its capacity that rounded to whole CPUs;
 *       queued threads move by {@code move_tasks} (not cache-hot, {@code task_hot}, unless balancing
 *       failed more than {@code cache_nice_tries} times), and a running one only by active
 *       balancing after {@code cache_nice_tries + 2} failures of periodic balancing; a vruntime
 *       moving between CPUs keeps its distance to {@code min_vruntime}.</li>
 * </ul>
 * The host kernel's softirq work runs in two ways ({@code kernel/softirq.c}), both by each CPU's
 * interrupt context ({@link #addInterrupt}):
 * <ul>
 *   <li>at an interrupt's return ({@code irq_exit}: a device's interrupt, and the timer tick while
 *       work is pending) it takes its CPU at once, the interrupted thread's vruntime not advancing
 *       meanwhile ({@code CONFIG_IRQ_TIME_ACCOUNTING}); an invocation restarts on work still
 *       pending only within {@code MAX_SOFTIRQ_TIME} and while nothing needs the CPU
 *       ({@code need_resched}), and then wakes ksoftirqd;</li>
 *   <li>ksoftirqd is a nice-0 thread bound to the CPU ({@code smpboot} threads): placed, preempted,
 *       balanced and charged as any other, it runs invocations one after another, yielding between
 *       them when it is to be rescheduled ({@code run_ksoftirqd}'s {@code cond_resched}), never
 *       inside one (bottom halves are off).</li>
 * </ul>
 * Left out: the buddies ({@code LAST_BUDDY}, {@code NEXT_BUDDY}, {@code skip}, so
 * {@code CACHE_HOT_BUDDY}), {@code NO_HZ} (idle CPUs keep their tick and balance themselves, where
 * 3.10 has one idle CPU balance for the others, {@code nohz_idle_balance}), domains beyond one
 * package (SMT siblings, NUMA), the per-entity load tracking's blocked load, group scheduling (cgroups),
 * {@code HRTICK} (off by default), bandwidth control, real-time threads and the wake-affine load
 * comparison. Context switches take no time.
 */
public final class CfsScheduler implements CpuScheduler<Vcpu> {

    /** {@code NICE_0_LOAD}: the weight of a nice-0 thread. */
    static final int NICE_0_LOAD = 1024;
    /** {@code prio_to_weight} ({@code kernel/sched/sched.h}): nice -20 to 19, each step about 1.25 times. */
    private static final int[] PRIO_TO_WEIGHT = {
        88761, 71755, 56483, 46273, 36291,
        29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906,
        3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423,
        335, 272, 215, 172, 137,
        110, 87, 70, 56, 45,
        36, 29, 23, 18, 15,
    };
    /** The CPUs beyond which the tunables no longer grow ({@code SCHED_TUNABLESCALING_LOG} caps at 8). */
    private static final int MAX_SCALING_CPUS = 8;
    /** {@code sysctl_sched_time_avg}: the interrupt time that discounts a CPU's power halves every half of it. */
    private static final long TIME_AVG_NANOS = 1_000_000_000L;
    /** {@code SCHED_POWER_SCALE}: a whole CPU's power ({@code update_cpu_power}). */
    private static final long SCHED_POWER_SCALE = 1024;
    /**
     * {@code SD_MC_INIT} ({@code include/linux/topology.h}), the domain of one package's CPUs:
     * {@code .cache_nice_tries}, so {@code need_active_balance} pushes once {@code nr_balance_failed}
     * exceeds {@code cache_nice_tries + 2}, and a push leaves it at {@code cache_nice_tries + 1}
     * ({@code load_balance}).
     */
    private static final int CACHE_NICE_TRIES = 1;
    /** {@code SD_MC_INIT}: {@code .min_interval} and {@code .max_interval} of {@code balance_interval}, ms. */
    private static final int MIN_INTERVAL_MS = 1;
    private static final int MAX_INTERVAL_MS = 4;
    /** {@code SD_MC_INIT}: {@code .busy_factor}, how much longer a busy CPU waits between balancing. */
    private static final int BUSY_FACTOR = 64;
    /** {@code SD_MC_INIT}: {@code .imbalance_pct}, how much busier the busiest must be for a busy CPU. */
    private static final int IMBALANCE_PCT = 125;
    /** {@code SD_MC_INIT}: {@code .busy_idx}, the load index of a busy CPU's balancing ({@code cpu_load[busy_idx - 1]}); {@code idle_idx} and {@code newidle_idx} are 0. */
    private static final int BUSY_IDX = 2;
    /** {@code sysctl_sched_migration_cost} ({@code fair.c}), ns: a thread that ran more recently is cache-hot ({@code task_hot}), and a CPU idle on average for less does not balance when newly idle ({@code idle_balance}). */
    private static final long MIGRATION_COST_NANOS = 500_000L;
    /** {@code sysctl_sched_nr_migrate}: the most threads {@code move_tasks} looks at. */
    private static final int SCHED_NR_MIGRATE = 32;
    /** {@code SCHED_LOAD_SCALE}: the load of one nice-0 thread, as {@code calculate_imbalance} scales it. */
    private static final long SCHED_LOAD_SCALE = 1024;
    /** {@code enum cpu_idle_type}. */
    private static final int CPU_IDLE = 0;
    private static final int CPU_NOT_IDLE = 1;
    private static final int CPU_NEWLY_IDLE = 2;
    /** {@code MAX_PINNED_INTERVAL} ({@code fair.c}): the backoff, ms, while the busiest's thread may not come. */
    private static final int MAX_PINNED_INTERVAL_MS = 512;

    /**
     * The tunables as {@code sysctl_sched_*} has them before scaling to the CPUs.
     *
     * @param latencyNanos            {@code sched_latency}: the period in which every runnable thread runs once
     * @param minGranularityNanos     {@code sched_min_granularity}: the shortest slice
     * @param wakeupGranularityNanos  {@code sched_wakeup_granularity}: how far ahead the running thread must be for a woken one to preempt it
     * @param hz                      the host's timer ticks per second ({@code CONFIG_HZ})
     * @param gentleFairSleepers      {@code GENTLE_FAIR_SLEEPERS}: a sleeper is credited half a latency, not a whole one
     */
    public record Settings(long latencyNanos, long minGranularityNanos, long wakeupGranularityNanos, int hz,
                           boolean gentleFairSleepers) {

        public Settings {
            if (latencyNanos < 1 || minGranularityNanos < 1 || wakeupGranularityNanos < 0 || minGranularityNanos > latencyNanos) {
                throw new IllegalArgumentException("CFS needs latency >= min-granularity >= 1 ns and wakeup-granularity"
                        + " >= 0, got " + latencyNanos + ", " + minGranularityNanos + " and " + wakeupGranularityNanos);
            }
            if (hz < 1 || hz > 10_000) {
                throw new IllegalArgumentException("HZ must be 1..10000, got " + hz);
            }
        }
    }

    private final Kernel kernel;
    private final long latency;
    private final long minGranularity;
    private final long wakeupGranularity;
    private final long nrLatency;
    private final long jiffy;
    private final boolean gentle;
    /** Per tick, what is left of a CPU's averaged interrupt time ({@code sched_avg_update}'s halving). */
    private final double irqDecay;
    private final int hz;
    /** {@code max_load_balance_interval} ({@code update_max_interval}: {@code HZ * cpus / 10}), jiffies. */
    private final long maxBalanceJiffies;
    private final List<CfsRq> rqs = new ArrayList<>();
    /** {@code cpu_active_mask}: every CPU of the host. */
    private final long allCpusMask;
    /** Enqueues so far, to order {@code cfs_tasks}. */
    private long enqueues;
    /** {@code env->imbalance} of the balancing under way: the weighted load to move. */
    private long imbalance;
    /** {@code LBF_ALL_PINNED} of the balancing under way. */
    private boolean lbAllPinned;
    private final List<Entity> entities = new ArrayList<>();

    public CfsScheduler(Kernel kernel, int cpus, Settings s) {
        if (cpus < 1 || cpus > Long.SIZE) {
            throw new IllegalArgumentException("a host has 1 to " + Long.SIZE + " CPUs, got " + cpus);
        }
        this.kernel = kernel;
        // sched_init_granularity, update_sysctl: factor = 1 + ilog2(min(cpus, 8))
        long factor = 1 + (31 - Integer.numberOfLeadingZeros(Math.min(cpus, MAX_SCALING_CPUS)));
        this.latency = s.latencyNanos() * factor;
        this.minGranularity = s.minGranularityNanos() * factor;
        this.wakeupGranularity = s.wakeupGranularityNanos() * factor;
        this.nrLatency = Math.max(1, s.latencyNanos() / s.minGranularityNanos());
        this.jiffy = 1_000_000_000L / s.hz();
        this.gentle = s.gentleFairSleepers();
        this.irqDecay = Math.pow(0.5, (double) jiffy / (TIME_AVG_NANOS / 2));
        this.hz = s.hz();
        this.maxBalanceJiffies = Math.max(1, (long) s.hz() * cpus / 10);
        this.allCpusMask = cpus == Long.SIZE ? -1L : (1L << cpus) - 1;
        for (int i = 0; i < cpus; i++) {
            rqs.add(new CfsRq(i));
        }
    }

    /** The weight of a thread at {@code nice} ({@code prio_to_weight}). */
    static int weightOf(int nice) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be -20..19, got " + nice);
        }
        return PRIO_TO_WEIGHT[nice + 20];
    }

    /**
     * Adds a host thread at {@code nice}, as if just forked: on the CPU with the fewest threads so
     * far that it may use (ties to the highest-numbered, as the O(1) model's exec balancing), one
     * virtual slice after that CPU's {@code min_vruntime} ({@code START_DEBIT}).
     */
    public void add(Vcpu thread, int nice) {
        CfsRq home = null;
        for (int i = rqs.size() - 1; i >= 0; i--) {
            CfsRq q = rqs.get(i);
            if (thread.mayRunOn(q.id) && (home == null || q.threads < home.threads)) {
                home = q;
            }
        }
        if (home == null) {
            throw new IllegalArgumentException(thread.name() + " may run on no CPU of the host");
        }
        Entity e = new Entity(thread, weightOf(nice), false);
        e.rq = home;
        home.threads++;
        e.vruntime = home.minVruntime + vslice(home, e);
        thread.attach(this, entities.size());
        entities.add(e);
    }

    /**
     * Adds CPU {@code cpu}'s interrupt context: the host kernel's softirq work bound to that CPU
     * (a NIC's NAPI poll, the bridge and taps behind it). It takes the CPU whenever it has work.
     */
    public void addInterrupt(Vcpu context, int cpu) {
        CfsRq q = rqs.get(cpu);
        if (q.irq != null) {
            throw new IllegalStateException("CPU " + cpu + " has an interrupt context already");
        }
        Entity e = new Entity(context, NICE_0_LOAD, true);
        e.rq = q;
        q.irq = e;
        context.attach(this, entities.size());
        entities.add(e);
        Entity ksoftirqd = new Entity(context, NICE_0_LOAD, false);
        ksoftirqd.rq = q;
        ksoftirqd.vruntime = q.minVruntime + vslice(q, ksoftirqd);
        q.ksoftirqd = ksoftirqd;
    }

    private Entity state(Vcpu v) {
        return entities.get(v.schedulerIndex());
    }

    /** The thread's vruntime now, ns. */
    public long vruntime(Vcpu v) {
        Entity e = state(v);
        if (e.rq.curr == e) {
            updateCurr(e.rq);
        }
        return e.vruntime;
    }

    /** The CPU the thread runs on, last ran on, or is queued at. */
    public int cpuOf(Vcpu v) {
        return state(v).rq.id;
    }

    /** {@code sched_latency} and {@code sched_wakeup_granularity} after scaling to the CPUs, ns. */
    public long latencyNanos() {
        return latency;
    }

    public long wakeupGranularityNanos() {
        return wakeupGranularity;
    }

    /** Starts every CPU's tick, their phases spread over a jiffy. */
    @Override
    public void start() {
        for (CfsRq q : rqs) {
            kernel.scheduleAfter(q.tick, jiffy * q.id / rqs.size() + (q.id == 0 ? jiffy : 0));
        }
    }

    // ---- wake-up and sleep

    /** {@code try_to_wake_up} with {@code enqueue_task_fair} and {@code check_preempt_wakeup}. */
    @Override
    public void wake(Vcpu v) {
        Entity e = state(v);
        if (e.interrupt) {
            enterInterrupt(e.rq);
            return;
        }
        if (e.onRq) {
            // runnable already (queued, running, or interrupted while running)
            return;
        }
        CfsRq q = selectCpu(e);
        if (q != e.rq) {
            e.vruntime += q.minVruntime - e.rq.minVruntime;
            e.rq = q;
        }
        updateCurr(q);
        placeEntity(q, e);
        enqueue(q, e);
        updateAvgIdle(q);
        if (q.curr == null || wakeupPreempt(q.curr, e)) {
            resched(q);
        }
    }

    /** {@code e} was running and has nothing left to do: it sleeps, its CPU goes on. */
    @Override
    public void block(Vcpu v) {
        Entity e = state(v);
        CfsRq q = e.rq;
        if (e.interrupt) {
            if (q.irqActive) {
                if (q.ksoftirqd.onRq) {
                    // the interrupt took what ksoftirqd was woken for: it would find nothing
                    dequeue(q, q.ksoftirqd);
                }
                leaveInterrupt(q);
                return;
            }
            // ksoftirqd found nothing pending: it sleeps
            e = q.ksoftirqd;
        }
        if (e.onRq) {
            updateCurr(q);
            dequeue(q, e);
        }
        if (q.curr == e) {
            schedule(q);
        }
    }

    /** {@code select_task_rq_fair}, simplified: the last CPU if idle, else an idle one allowed, else the last. */
    private CfsRq selectCpu(Entity e) {
        if (idleCpu(e.rq)) {
            return e.rq;
        }
        for (int i = 0, n = rqs.size(); i < n; i++) {
            CfsRq q = rqs.get(i);
            if (q != e.rq && idleCpu(q) && e.thread.mayRunOn(q.id)) {
                return q;
            }
        }
        return e.rq;
    }

    // ---- softirqs

    /** {@code need_resched()} of what the interrupt context {@code v} runs on top of, or of its ksoftirqd. */
    @Override
    public boolean wantsCpu(Vcpu v) {
        Entity e = state(v);
        return e.interrupt && e.rq.needResched;
    }

    /**
     * The interrupt context {@code v} has only ksoftirqd's work left. In interrupt context
     * ({@code wakeup_softirqd} at the end of an invocation) ksoftirqd is woken as a thread, and the
     * CPU goes back to the thread interrupted unless the wake-up preempts it; running as
     * ksoftirqd, between two invocations ({@code cond_resched}), it yields if it is to be
     * rescheduled. Returns whether {@code v} goes on as ksoftirqd; if not, its CPU went to another.
     */
    @Override
    public boolean runsKsoftirqd(Vcpu v) {
        Entity e = state(v);
        if (!e.interrupt) {
            // a thread's own kernel: its ksoftirqd runs within the thread
            return true;
        }
        CfsRq q = e.rq;
        Entity ksoftirqd = q.ksoftirqd;
        if (!q.irqActive) {
            if (q.curr != ksoftirqd) {
                throw new IllegalStateException(v.name() + " runs neither as an interrupt nor as ksoftirqd");
            }
            if (q.needResched) {
                schedule(q);
            }
            return q.curr == ksoftirqd;
        }
        if (!ksoftirqd.onRq) {
            placeEntity(q, ksoftirqd);
            enqueue(q, ksoftirqd);
            updateAvgIdle(q);
            if (q.curr != null && wakeupPreempt(q.curr, ksoftirqd)) {
                q.needResched = true;
            }
        }
        Entity prev = endInterrupt(q);
        if (prev != null) {
            if (!q.needResched) {
                v.preempt();
                prev.thread.run(false);
                return false;
            }
            if (prev.onRq) {
                insert(q, prev);
            }
        }
        q.needResched = false;
        Entity next = pickNext(q);
        if (next == ksoftirqd) {
            return true;
        }
        v.preempt();
        next.thread.run(false);
        return false;
    }

    /** {@code place_entity} for a wake-up: sleeps up to a (half) latency earn nothing, longer ones that much. */
    private void placeEntity(CfsRq q, Entity e) {
        long thresh = gentle ? latency >> 1 : latency;
        e.vruntime = Math.max(e.vruntime, q.minVruntime - thresh);
    }

    /** {@code wakeup_preempt_entity}: whether {@code curr} is ahead of {@code se} by more than the granularity. */
    private boolean wakeupPreempt(Entity curr, Entity se) {
        long vdiff = curr.vruntime - se.vruntime;
        return vdiff > calcDeltaFair(wakeupGranularity, se);
    }

    // ---- the interrupt context

    private void enterInterrupt(CfsRq q) {
        if (q.irqActive) {
            return;
        }
        updateCurr(q);
        q.irqActive = true;
        q.irqSince = kernel.now();
        if (q.curr != null) {
            q.curr.thread.preempt();
        }
        q.irq.thread.run(q.curr == null);
    }

    /**
     * The interrupt context stops holding its CPU: its time is counted, and the clock of the thread
     * it interrupted, which stood still meanwhile, runs again. Returns that thread, or null.
     */
    private Entity endInterrupt(CfsRq q) {
        long now = kernel.now();
        q.irqActive = false;
        q.irqNanos += now - q.irqSince;
        Entity prev = q.curr;
        if (prev != null) {
            prev.execStart = now;
        }
        return prev;
    }

    /** The interrupt context gave the CPU back: the thread it interrupted resumes, unless another is to run. */
    private void leaveInterrupt(CfsRq q) {
        Entity prev = endInterrupt(q);
        q.irq.thread.preempt();
        if (q.needResched || prev == null) {
            schedule(q);
            if (q.curr != prev || prev == null) {
                return;
            }
        }
        // picked again, or not to be rescheduled: it was stopped for the interrupt
        prev.thread.run(false);
    }

    // ---- the tree

    private void enqueue(CfsRq q, Entity e) {
        insert(q, e);
        e.enqueueSeq = ++enqueues;
        e.onRq = true;
        q.nrRunning++;
        q.loadWeight += e.weight;
    }

    private void dequeue(CfsRq q, Entity e) {
        if (e.queued) {
            q.tree.remove(e);
            e.queued = false;
        }
        e.onRq = false;
        q.nrRunning--;
        q.loadWeight -= e.weight;
        updateMinVruntime(q);
    }

    /** {@code __enqueue_entity}: after every entity whose vruntime is not later. */
    private static void insert(CfsRq q, Entity e) {
        List<Entity> tree = q.tree;
        int lo = 0;
        int hi = tree.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tree.get(mid).vruntime <= e.vruntime) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        tree.add(lo, e);
        e.queued = true;
    }

    // ---- accounting

    /** {@code update_curr}: the running thread's time since it last was accounted. */
    private void updateCurr(CfsRq q) {
        Entity e = q.curr;
        if (e == null || q.irqActive) {
            return;
        }
        long now = kernel.now();
        long delta = now - e.execStart;
        if (delta <= 0) {
            return;
        }
        e.execStart = now;
        e.sumExec += delta;
        e.vruntime += calcDeltaFair(delta, e);
        updateMinVruntime(q);
    }

    private static long calcDeltaFair(long delta, Entity e) {
        return e.weight == NICE_0_LOAD ? delta : delta * NICE_0_LOAD / e.weight;
    }

    /** {@code update_min_vruntime}. */
    private static void updateMinVruntime(CfsRq q) {
        long v = q.minVruntime;
        boolean any = false;
        if (q.curr != null && q.curr.onRq) {
            v = q.curr.vruntime;
            any = true;
        }
        if (!q.tree.isEmpty()) {
            long left = q.tree.get(0).vruntime;
            v = any ? Math.min(v, left) : left;
            any = true;
        }
        if (any) {
            q.minVruntime = Math.max(q.minVruntime, v);
        }
    }

    /** {@code __sched_period}. */
    private long period(long nr) {
        return nr > nrLatency ? nr * minGranularity : latency;
    }

    /** {@code sched_slice}: the period times the thread's share of its queue's weight (its own counted). */
    private long slice(CfsRq q, Entity e) {
        long nr = q.nrRunning + (e.onRq ? 0 : 1);
        long load = q.loadWeight + (e.onRq ? 0 : e.weight);
        return period(nr) * e.weight / load;
    }

    /** {@code sched_vslice}. */
    private long vslice(CfsRq q, Entity e) {
        return calcDeltaFair(slice(q, e), e);
    }

    // ---- schedule()

    /**
     * The CPU is to reschedule: at once, or, while its interrupt context runs, when that is done,
     * or while its ksoftirqd runs, at the end of its invocation (bottom halves are off).
     */
    private void resched(CfsRq q) {
        if (q.irqActive || (q.curr != null && q.curr == q.ksoftirqd)) {
            q.needResched = true;
        } else {
            schedule(q);
        }
    }

    /** {@code __schedule} with {@code put_prev_entity} and {@code pick_next_entity}. */
    private void schedule(CfsRq q) {
        q.needResched = false;
        Entity prev = q.curr;
        if (prev != null) {
            updateCurr(q);
            if (prev.onRq) {
                insert(q, prev);
            }
        }
        q.curr = null;
        if (q.tree.isEmpty()) {
            idleBalance(q);
        }
        Entity next = q.tree.isEmpty() ? null : pickNext(q);
        updateMinVruntime(q);
        if (q.irqActive || next == prev) {
            // the interrupt context holds the CPU: whoever is current resumes when it is done
            return;
        }
        if (prev != null) {
            prev.thread.preempt();
        }
        if (next != null) {
            next.thread.run(prev == null);
        }
    }

    // ---- load balancing: fair.c's load_balance over the one MC-level domain

    /** {@code pick_next_entity} and {@code set_next_entity}: the leftmost of a tree not empty becomes current. */
    private Entity pickNext(CfsRq q) {
        Entity next = q.tree.remove(0);
        next.queued = false;
        next.prevSumExec = next.sumExec;
        next.execStart = kernel.now();
        q.curr = next;
        updateMinVruntime(q);
        return next;
    }

    /**
     * {@code idle_balance} (called by {@code __schedule} when nothing is runnable): the CPU's
     * {@code idle_stamp} is set, and unless the CPU's average idle time is below
     * {@code sysctl_sched_migration_cost} it balances as {@code CPU_NEWLY_IDLE}
     * ({@link #loadBalance}); a pull clears the stamp.
     */
    private void idleBalance(CfsRq q) {
        q.idleStamp = kernel.now();
        if (q.avgIdle < MIGRATION_COST_NANOS) {
            return;
        }
        q.inNewIdle = true;
        int pulled = loadBalance(q, CPU_NEWLY_IDLE);
        q.inNewIdle = false;
        if (pulled > 0) {
            q.idleStamp = -1;
        }
    }

    /**
     * {@code ttwu_do_wakeup}'s idle accounting: a thread woken onto a CPU that went idle folds the
     * idle time into {@code avg_idle} ({@code update_avg}: an eighth of the difference; more than
     * twice {@code sysctl_sched_migration_cost} sets it to that).
     */
    private void updateAvgIdle(CfsRq q) {
        if (q.idleStamp < 0) {
            return;
        }
        long delta = kernel.now() - q.idleStamp;
        long max = 2 * MIGRATION_COST_NANOS;
        if (delta > max) {
            q.avgIdle = max;
        } else {
            q.avgIdle += (delta - q.avgIdle) >> 3;
        }
        q.idleStamp = -1;
    }

    /**
     * {@code idle_cpu}: no thread current and none runnable. The interrupt context does not count:
     * softirq work runs on the idle task's stack, so a CPU in softirq with no thread is idle.
     */
    private static boolean idleCpu(CfsRq q) {
        return q.curr == null && q.nrRunning == 0;
    }

    /**
     * {@code load_balance} for CPU {@code q} in its one domain ({@code SD_MC_INIT}, each CPU a
     * group of its own), as {@code idle} ({@code CPU_IDLE}, {@code CPU_NOT_IDLE} or
     * {@code CPU_NEWLY_IDLE}). {@code find_busiest_group} ({@link #findBusiestGroup}), then
     * {@code find_busiest_queue}; a busiest with more than one runnable thread gives threads by
     * {@code move_tasks} ({@link #moveTasks}); if all were pinned by affinity it is left out and the
     * search redone ({@code LBF_ALL_PINNED}). Nothing moved is a failure, counted
     * ({@code nr_balance_failed++}) unless newly idle; past {@code cache_nice_tries + 2} failures
     * ({@code need_active_balance}) the busiest's running thread is pushed here
     * ({@code active_load_balance_cpu_stop}, {@link #push}) unless it may not run here
     * ({@code out_one_pinned}), the failures left at {@code cache_nice_tries + 1}. A move resets the
     * failures. The interval: reset to {@code min_interval} after an unbalanced attempt, doubled up to
     * {@code max_interval} after a push or a balanced domain ({@code out_balanced}), up to
     * {@code MAX_PINNED_INTERVAL} when all were pinned. {@code LBF_SOME_PINNED} does not arise: the
     * local group is this CPU alone (and newly idle has none).
     *
     * @return the threads moved here
     */
    private int loadBalance(CfsRq q, int idle) {
        long cpus = allCpusMask;
        boolean allPinned = false;
        while (true) {
            CfsRq busiest = findBusiestGroup(q, idle, cpus);
            if (busiest != null) {
                busiest = findBusiestQueue(busiest);
            }
            if (busiest == null) {
                q.nrBalanceFailed = 0;
                outOnePinned(q, allPinned);
                return 0;
            }
            int moved = 0;
            if (busiest.nrRunning > 1) {
                lbAllPinned = true;
                moved = moveTasks(q, busiest, idle);
                allPinned = lbAllPinned;
                if (allPinned) {
                    cpus &= ~(1L << busiest.id);
                    if (cpus != 0) {
                        continue;
                    }
                    q.nrBalanceFailed = 0;
                    outOnePinned(q, true);
                    return 0;
                }
            }
            boolean active = false;
            if (moved == 0) {
                if (idle != CPU_NEWLY_IDLE) {
                    q.nrBalanceFailed++;
                }
                if (q.nrBalanceFailed > CACHE_NICE_TRIES + 2) {
                    // the idle task (a CPU only in softirq) is pinned to its CPU
                    if (busiest.curr == null || !busiest.curr.thread.mayRunOn(q.id)) {
                        outOnePinned(q, true);
                        return 0;
                    }
                    active = true;
                    q.nrBalanceFailed = CACHE_NICE_TRIES + 1;
                    push(busiest, q);
                }
            } else {
                q.nrBalanceFailed = 0;
            }
            if (!active) {
                q.balanceIntervalMs = MIN_INTERVAL_MS;
            } else if (q.balanceIntervalMs < MAX_INTERVAL_MS) {
                q.balanceIntervalMs *= 2;
            }
            return moved;
        }
    }

    /** {@code out_one_pinned} of {@code load_balance}: the interval doubles, up to {@code MAX_PINNED_INTERVAL} if all were pinned. */
    private static void outOnePinned(CfsRq q, boolean allPinned) {
        if ((allPinned && q.balanceIntervalMs < MAX_PINNED_INTERVAL_MS) || q.balanceIntervalMs < MAX_INTERVAL_MS) {
            q.balanceIntervalMs *= 2;
        }
    }

    /**
     * {@code find_busiest_group} with {@code update_sd_lb_stats}, {@code update_sg_lb_stats} and
     * {@code update_sd_pick_busiest} over one-CPU groups (so never {@code group_imb}, nor
     * {@code SD_ASYM_PACKING} or {@code SD_PREFER_SIBLING}):
     * <ul>
     *   <li>a CPU's load is {@code source_load}, this CPU's {@code target_load}, at the domain's
     *       load index for {@code idle} ({@code get_sd_load_idx}: {@code busy_idx} 2 when not idle,
     *       so the least (most) of {@code load.weight} and {@code cpu_load[1]}; {@code idle_idx} and
     *       {@code newidle_idx} 0, so {@code load.weight}); its average load the load times
     *       {@code SCHED_POWER_SCALE} over its power; its capacity {@code DIV_ROUND_CLOSEST(power,
     *       SCHED_POWER_SCALE)} ({@code fix_small_capacity}: 0, the domain does not share CPU
     *       power); it has capacity if that exceeds its runnable threads; its idle CPUs by
     *       {@code idle_cpu};</li>
     *   <li>the busiest is the other CPU of the highest average load (above 0; the first in the
     *       group order on a tie) that runs more threads than its capacity;</li>
     *   <li>balanced if there is none or it runs nothing; a newly idle CPU with capacity facing a
     *       busiest without goes on ({@code force_balance}); balanced if this CPU's average load is at
     *       least the busiest's or the domain's; for {@code CPU_IDLE} if this group's idle CPUs are at
     *       most the busiest's plus one and the busiest runs no more threads than its CPUs; otherwise
     *       if the busiest's load times 100 is at most {@code imbalance_pct} times this one's;</li>
     *   <li>then {@code calculate_imbalance} ({@link #calculateImbalance}).</li>
     * </ul>
     * CPUs out of {@code cpus} (left out after all their threads were pinned) count their power but
     * no load. Each group's power is computed now, where 3.10 keeps the one its CPU's own balancing
     * last computed ({@code update_group_power}).
     *
     * @return the busiest CPU, {@link #imbalance} set; null: balanced
     */
    private CfsRq findBusiestGroup(CfsRq q, int idle, long cpus) {
        // get_sd_load_idx: source_load and target_load of cpu_load[busy_idx - 1] when not idle, else of load.weight
        boolean busyIdx = (idle == CPU_NOT_IDLE ? BUSY_IDX : 0) > 0;
        long thisPower = power(q);
        long thisGroupLoad = busyIdx ? Math.max(q.cpuLoad1, q.loadWeight) : q.loadWeight;
        long thisLoad = thisGroupLoad * SCHED_POWER_SCALE / thisPower;
        long thisNr = q.nrRunning;
        boolean thisHasCapacity = capacity(thisPower) > thisNr;
        int thisIdleCpus = idleCpu(q) ? 1 : 0;
        long totalLoad = thisGroupLoad;
        long totalPower = thisPower;
        CfsRq busiest = null;
        long maxLoad = 0;
        long busiestPower = 0;
        long busiestNr = 0;
        long busiestWeighted = 0;
        long busiestCapacity = 0;
        int busiestIdleCpus = 0;
        for (int k = 1, n = rqs.size(); k < n; k++) {
            CfsRq r = rqs.get((q.id + k) % n);
            long power = power(r);
            totalPower += power;
            if ((cpus & (1L << r.id)) == 0) {
                continue;
            }
            long load = busyIdx ? Math.min(r.cpuLoad1, r.loadWeight) : r.loadWeight;
            long avgLoad = load * SCHED_POWER_SCALE / power;
            long cap = capacity(power);
            totalLoad += load;
            if (avgLoad > maxLoad && r.nrRunning > cap) {
                maxLoad = avgLoad;
                busiest = r;
                busiestPower = power;
                busiestNr = r.nrRunning;
                busiestWeighted = r.loadWeight;
                busiestCapacity = cap;
                busiestIdleCpus = idleCpu(r) ? 1 : 0;
            }
        }
        imbalance = 0;
        if (busiest == null || busiestNr == 0) {
            return null;
        }
        long avgLoad = SCHED_POWER_SCALE * totalLoad / totalPower;
        boolean force = idle == CPU_NEWLY_IDLE && thisHasCapacity && !(busiestCapacity > busiestNr);
        if (!force) {
            if (thisLoad >= maxLoad || thisLoad >= avgLoad) {
                return null;
            }
            if (idle == CPU_IDLE) {
                if (thisIdleCpus <= busiestIdleCpus + 1 && busiestNr <= 1) {
                    return null;
                }
            } else if (100 * maxLoad <= IMBALANCE_PCT * thisLoad) {
                return null;
            }
        }
        calculateImbalance(q, thisPower, thisLoad, q.loadWeight, thisNr,
                busiestPower, maxLoad, busiestWeighted / busiestNr, busiestNr, busiestCapacity, avgLoad);
        return busiest;
    }

    /**
     * {@code calculate_imbalance}: the load to move is the least of the busiest's load above the
     * domain's average, its load above its capacity ({@code load_above_capacity}), and this CPU's
     * load below the average, each scaled by its power; below the busiest's load per thread (or with
     * the busiest below the average) {@code fix_small_imbalance} decides: a whole thread's load if
     * the busiest's load less this one's, plus a thread's scaled load, is at least {@code imbn}
     * threads' scaled load (2, or 1 if the busiest's threads are heavier than this CPU's), or if
     * moving one gains CPU power used ({@code pwr_move > pwr_now}). Unsigned as in C where a
     * difference may go below 0 on the {@code force_balance} path.
     */
    private void calculateImbalance(CfsRq q, long thisPower, long thisLoad, long thisWeighted, long thisNr,
                                    long busiestPower, long maxLoad, long busiestLoadPerTask, long busiestNr,
                                    long busiestCapacity, long avgLoad) {
        if (maxLoad < avgLoad) {
            imbalance = 0;
            fixSmallImbalance(thisPower, thisLoad, thisWeighted, thisNr, busiestPower, maxLoad, busiestLoadPerTask);
            return;
        }
        long loadAboveCapacity = (busiestNr - busiestCapacity) * (SCHED_LOAD_SCALE * SCHED_POWER_SCALE) / busiestPower;
        long maxPull = Math.min(maxLoad - avgLoad, loadAboveCapacity);
        long fromBusiest = maxPull * busiestPower;
        // (avg_load - this_load) * power wraps to a huge unsigned value when negative
        long toThis = avgLoad >= thisLoad ? (avgLoad - thisLoad) * thisPower : Long.MAX_VALUE;
        imbalance = Math.min(fromBusiest, toThis) / SCHED_POWER_SCALE;
        if (imbalance < busiestLoadPerTask) {
            fixSmallImbalance(thisPower, thisLoad, thisWeighted, thisNr, busiestPower, maxLoad, busiestLoadPerTask);
        }
    }

    /** {@code fix_small_imbalance}; see {@link #calculateImbalance}. */
    private void fixSmallImbalance(long thisPower, long thisLoad, long thisWeighted, long thisNr,
                                   long busiestPower, long maxLoad, long busiestLoadPerTask) {
        int imbn = 2;
        long thisLoadPerTask;
        if (thisNr > 0) {
            thisLoadPerTask = thisWeighted / thisNr;
            if (busiestLoadPerTask > thisLoadPerTask) {
                imbn = 1;
            }
        } else {
            // cpu_avg_load_per_task of a CPU running nothing
            thisLoadPerTask = 0;
        }
        long scaledBusyLoadPerTask = busiestLoadPerTask * SCHED_POWER_SCALE / busiestPower;
        if (Long.compareUnsigned(maxLoad - thisLoad + scaledBusyLoadPerTask, scaledBusyLoadPerTask * imbn) >= 0) {
            imbalance = busiestLoadPerTask;
            return;
        }
        long pwrNow = busiestPower * Math.min(busiestLoadPerTask, maxLoad)
                + thisPower * Math.min(thisLoadPerTask, thisLoad);
        pwrNow /= SCHED_POWER_SCALE;
        long tmp = busiestLoadPerTask * SCHED_POWER_SCALE / busiestPower;
        long pwrMove = 0;
        if (maxLoad > tmp) {
            pwrMove += busiestPower * Math.min(busiestLoadPerTask, maxLoad - tmp);
        }
        if (maxLoad * busiestPower < busiestLoadPerTask * SCHED_POWER_SCALE) {
            tmp = maxLoad * busiestPower / thisPower;
        } else {
            tmp = busiestLoadPerTask * SCHED_POWER_SCALE / thisPower;
        }
        pwrMove += thisPower * Math.min(thisLoadPerTask, thisLoad + tmp);
        pwrMove /= SCHED_POWER_SCALE;
        if (pwrMove > pwrNow) {
            imbalance = busiestLoadPerTask;
        }
    }

    /**
     * {@code find_busiest_queue} in a one-CPU group: the CPU, unless it has capacity and runs one
     * thread heavier than the imbalance, or has no load.
     */
    private CfsRq findBusiestQueue(CfsRq r) {
        long cap = capacity(power(r));
        if (cap > 0 && r.nrRunning == 1 && r.loadWeight > imbalance) {
            return null;
        }
        return r.loadWeight > 0 ? r : null;
    }

    /**
     * {@code move_tasks}: through the busiest's threads in {@code cfs_tasks} order (the most
     * recently enqueued first), at most {@code min(sysctl_sched_nr_migrate, nr_running)} of them,
     * each that {@code can_migrate_task} allows and whose load is at most twice the imbalance left
     * moves here ({@code move_task}), until the imbalance is used up ({@code LB_MIN} is off; a
     * kernel without {@code CONFIG_PREEMPT} does not stop after one when newly idle).
     */
    private int moveTasks(CfsRq q, CfsRq busiest, int idle) {
        if (imbalance <= 0) {
            return 0;
        }
        int loopMax = Math.min(SCHED_NR_MIGRATE, busiest.nrRunning);
        int loop = 0;
        int pulled = 0;
        long bound = Long.MAX_VALUE;
        while (true) {
            Entity p = nextByEnqueue(busiest, bound);
            if (p == null || ++loop > loopMax) {
                break;
            }
            bound = p.enqueueSeq;
            if (!canMigrate(p, busiest, q)) {
                continue;
            }
            if (p.weight / 2 > imbalance) {
                continue;
            }
            moveTask(p, busiest, q);
            pulled++;
            imbalance -= p.weight;
            if (imbalance <= 0) {
                break;
            }
        }
        return pulled;
    }

    /** The runnable thread of {@code r} enqueued most recently before {@code bound} ({@code cfs_tasks} is pushed at its head). */
    private static Entity nextByEnqueue(CfsRq r, long bound) {
        Entity best = null;
        if (r.curr != null && r.curr.onRq && r.curr.enqueueSeq < bound) {
            best = r.curr;
        }
        for (int i = 0, n = r.tree.size(); i < n; i++) {
            Entity e = r.tree.get(i);
            if (e.enqueueSeq < bound && (best == null || e.enqueueSeq > best.enqueueSeq)) {
                best = e;
            }
        }
        return best;
    }

    /**
     * {@code can_migrate_task}: not if it may not run here; else it clears {@code LBF_ALL_PINNED};
     * not if it is running; not if it is cache-hot ({@code task_hot}: it ran less than
     * {@code sysctl_sched_migration_cost} ago) unless this domain's failures exceed
     * {@code cache_nice_tries}.
     */
    private boolean canMigrate(Entity p, CfsRq src, CfsRq dst) {
        if (!p.thread.mayRunOn(dst.id)) {
            return false;
        }
        lbAllPinned = false;
        if (src.curr == p) {
            return false;
        }
        boolean hot = kernel.now() - p.execStart < MIGRATION_COST_NANOS;
        return !hot || dst.nrBalanceFailed > CACHE_NICE_TRIES;
    }

    /**
     * {@code move_task}: a queued thread moves to {@code to}, its vruntime keeping its distance to
     * {@code min_vruntime}, and preempts there as a woken thread would ({@code check_preempt_curr});
     * an idle {@code to} is rescheduled by the caller.
     */
    private void moveTask(Entity e, CfsRq from, CfsRq to) {
        dequeue(from, e);
        e.vruntime += to.minVruntime - from.minVruntime;
        e.rq = to;
        updateCurr(to);
        enqueue(to, e);
        if (to.curr != null && wakeupPreempt(to.curr, e)) {
            resched(to);
        }
    }

    /** {@code DIV_ROUND_CLOSEST(power, SCHED_POWER_SCALE)}. */
    private static long capacity(long power) {
        return (power + SCHED_POWER_SCALE / 2) / SCHED_POWER_SCALE;
    }

    /** A CPU's power as {@code update_cpu_power} has it: a CPU less its averaged interrupt time, at least 1. */
    private static long power(CfsRq r) {
        return Math.max(1, (long) (SCHED_POWER_SCALE * (1 - r.irqShare)));
    }

    /**
     * {@code active_load_balance_cpu_stop}: the migration thread takes {@code from}'s CPU, so its
     * running thread is queued, and {@code move_one_task} moves the first of its threads in
     * {@code cfs_tasks} order that may run on {@code to} ({@code can_migrate_task}: none is running
     * now, and the failures exceed {@code cache_nice_tries}), which preempts there as a woken thread
     * would ({@code check_preempt_curr}). The stopper runs at once here, where 3.10 queues it.
     */
    private void push(CfsRq from, CfsRq to) {
        updateCurr(from);
        Entity e = null;
        for (long bound = Long.MAX_VALUE; ; ) {
            Entity c = nextByEnqueue(from, bound);
            if (c == null || c.thread.mayRunOn(to.id)) {
                e = c;
                break;
            }
            bound = c.enqueueSeq;
        }
        if (e == null) {
            return;
        }
        if (from.curr == e) {
            from.curr = null;
            e.onRq = false;
            from.nrRunning--;
            from.loadWeight -= e.weight;
            if (!from.irqActive) {
                e.thread.preempt();
            }
        } else {
            dequeue(from, e);
        }
        e.vruntime += to.minVruntime - from.minVruntime;
        e.rq = to;
        updateCurr(to);
        enqueue(to, e);
        if (to.curr == null) {
            // a newly idle CPU picks it in the __schedule it is balancing from
            if (!to.irqActive && !to.inNewIdle) {
                schedule(to);
            }
        } else if (wakeupPreempt(to.curr, e)) {
            resched(to);
        }
        if (!from.irqActive && from.curr == null) {
            // the migration thread done, the CPU schedules (and balances as newly idle)
            schedule(from);
        }
    }

    /** {@code msecs_to_jiffies} of {@code ms}, clamped to 1 and {@code max_load_balance_interval} ({@code rebalance_domains}). */
    private long balanceJiffies(long ms) {
        long j = (ms * hz + 999) / 1000;
        return Math.max(1, Math.min(j, maxBalanceJiffies));
    }

    // ---- scheduler_tick()

    /** {@code scheduler_tick}: the running context's timer interrupt, {@code entity_tick}, idle balancing. */
    private void tick(CfsRq q) {
        kernel.scheduleAfter(q.tick, jiffy);
        long now = kernel.now();
        if (q.irqActive) {
            q.irqNanos += now - q.irqSince;
            q.irqSince = now;
        }
        q.irqShare = q.irqShare * irqDecay + (1 - irqDecay) * Math.min(1.0, (double) q.irqNanos / jiffy);
        q.irqNanos = 0;
        // __update_cpu_load: cpu_load[1], the busy balance's (busy_idx 2) view of the load
        long load = q.loadWeight;
        q.cpuLoad1 = (q.cpuLoad1 + (load > q.cpuLoad1 ? load + 1 : load)) >> 1;
        if (q.irqActive) {
            q.irq.thread.timerInterrupt();
        } else if (q.curr != null) {
            q.curr.thread.timerInterrupt();
        }
        if (q.curr != null) {
            updateCurr(q);
            if (q.nrRunning > 1) {
                checkPreemptTick(q, q.curr);
            }
        }
        // trigger_load_balance raises SCHED_SOFTIRQ, run_rebalance_domains: idle as idle_cpu() had it
        // at the tick (rq->idle_balance), rebalance_domains: due every balance_interval, times
        // busy_factor unless idle, in jiffies clamped to 1..max_load_balance_interval
        int idle = idleCpu(q) ? CPU_IDLE : CPU_NOT_IDLE;
        long intervalMs = idle == CPU_IDLE ? q.balanceIntervalMs : (long) q.balanceIntervalMs * BUSY_FACTOR;
        if (now - q.lastBalance >= balanceJiffies(intervalMs) * jiffy) {
            loadBalance(q, idle);
            q.lastBalance = now;
            if (q.curr == null && q.nrRunning > 0) {
                // pulled onto an idle CPU: check_preempt_curr reschedules it
                resched(q);
            }
        }
        if (q.ksoftirqd != null && q.ksoftirqd.onRq && q.curr != q.ksoftirqd && !q.irqActive) {
            // the tick's irq_exit runs the softirqs ksoftirqd waits to run
            q.irq.thread.interruptReturns();
        }
    }

    /** {@code check_preempt_tick}. */
    private void checkPreemptTick(CfsRq q, Entity curr) {
        long ideal = slice(q, curr);
        long ran = curr.sumExec - curr.prevSumExec;
        if (ran > ideal) {
            resched(q);
            return;
        }
        if (ran < minGranularity || q.tree.isEmpty()) {
            return;
        }
        if (curr.vruntime - q.tree.get(0).vruntime > ideal) {
            resched(q);
        }
    }

    /** A thread as CFS keeps it: its {@code sched_entity}. */
    private static final class Entity {
        final Vcpu thread;
        final int weight;
        final boolean interrupt;
        CfsRq rq;
        long vruntime;
        long sumExec;
        long prevSumExec;
        long execStart;
        /** When it was last enqueued, as a count of enqueues: its place in {@code cfs_tasks}. */
        long enqueueSeq;
        /** Runnable: queued in the tree, or current. */
        boolean onRq;
        /** In the tree (not current). */
        boolean queued;

        Entity(Vcpu thread, int weight, boolean interrupt) {
            this.thread = thread;
            this.weight = weight;
            this.interrupt = interrupt;
        }
    }

    /** A CPU's {@code cfs_rq}, with its interrupt context. */
    private final class CfsRq {
        final int id;
        /** The runnable threads but the current one, by vruntime: the leftmost first. */
        final List<Entity> tree = new ArrayList<>();
        /** The thread the CPU runs (or resumes after its interrupt context); null: idle. */
        Entity curr;
        /** Runnable threads, the current one included. */
        int nrRunning;
        long loadWeight;
        long minVruntime;
        /** Threads added on this CPU, for the initial placement. */
        int threads;
        Entity irq;
        /** The CPU's ksoftirqd, a fair thread: the interrupt context's softirqs run as it. */
        Entity ksoftirqd;
        boolean irqActive;
        boolean needResched;
        /** When the interrupt context last took the CPU, its time since the last tick, and its decayed share of the CPU. */
        long irqSince;
        long irqNanos;
        double irqShare;
        /** The CPU's domain ({@code SD_MC_INIT}): {@code nr_balance_failed}, {@code balance_interval} (ms), {@code last_balance} (ns). */
        int nrBalanceFailed;
        int balanceIntervalMs = MIN_INTERVAL_MS;
        long lastBalance;
        /** {@code idle_stamp} (-1: none) and {@code avg_idle} ({@code idle_balance}, {@code ttwu_do_wakeup}), ns. */
        long idleStamp = -1;
        long avgIdle = 2 * MIGRATION_COST_NANOS;
        /** Balancing as newly idle from within {@code __schedule}. */
        boolean inNewIdle;
        /** {@code cpu_load[1]}: {@code load.weight} averaged over ticks, halving each ({@code __update_cpu_load}). */
        long cpuLoad1;
        final Event tick;

        CfsRq(int id) {
            this.id = id;
            this.tick = new Event("cfs.cpu" + id + ".tick") {
                @Override
                protected void fire() {
                    tick(CfsRq.this);
                }
            };
        }
    }
}
