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
 *   <li>placement and balancing, simplified: a woken thread goes to the CPU it last ran on if
 *       that is idle, else to an idle CPU it may use, else stays
 *       ({@code select_idle_sibling} on one cache-sharing package); a CPU about to idle, and an
 *       idle CPU at its tick, pulls a queued thread from the CPU with the most queued weight
 *       ({@code idle_balance}); an idle CPU pushes the one running thread off a CPU whose
 *       interrupt time, averaged over {@code sched_time_avg}, leaves it less than half a CPU
 *       (active balancing after three failed attempts); a vruntime moving between CPUs keeps its
 *       distance to {@code min_vruntime}.</li>
 * </ul>
 * The host kernel's softirq work is no thread: each CPU has an interrupt context
 * ({@link #addInterrupt}) that takes its CPU at once when it has work and gives it back when done,
 * the interrupted thread's vruntime not advancing meanwhile ({@code CONFIG_IRQ_TIME_ACCOUNTING}).
 * Left out: the buddies ({@code LAST_BUDDY}, {@code NEXT_BUDDY}, {@code skip}), busy CPUs'
 * periodic balancing by weighted load and its cache-hot test, group scheduling (cgroups),
 * {@code HRTICK} (off by default), bandwidth control, real-time threads, the wake-affine load
 * comparison, and ksoftirqd as a fair thread (softirq work stays in interrupt context however long
 * it lasts). Context switches take no time.
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
    /** {@code cache_nice_tries} + 2 of an SMP domain: failed balancing attempts before the running thread is pushed. */
    private static final int ACTIVE_BALANCE_TRIES = 3;

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
    private final List<CfsRq> rqs = new ArrayList<>();
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
            leaveInterrupt(q);
            return;
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
        if (idle(e.rq)) {
            return e.rq;
        }
        for (int i = 0, n = rqs.size(); i < n; i++) {
            CfsRq q = rqs.get(i);
            if (q != e.rq && idle(q) && e.thread.mayRunOn(q.id)) {
                return q;
            }
        }
        return e.rq;
    }

    private static boolean idle(CfsRq q) {
        return q.curr == null && !q.irqActive && q.nrRunning == 0;
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

    private void leaveInterrupt(CfsRq q) {
        q.irqActive = false;
        q.irqNanos += kernel.now() - q.irqSince;
        q.irq.thread.preempt();
        if (q.needResched || q.curr == null) {
            schedule(q);
        } else {
            q.curr.execStart = kernel.now();
            q.curr.thread.run(false);
        }
    }

    // ---- the tree

    private void enqueue(CfsRq q, Entity e) {
        insert(q, e);
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

    /** The CPU is to reschedule: at once, or, while its interrupt context runs, when that is done. */
    private void resched(CfsRq q) {
        if (q.irqActive) {
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
        Entity next = null;
        if (!q.tree.isEmpty()) {
            next = q.tree.remove(0);
            next.queued = false;
            next.prevSumExec = next.sumExec;
            next.execStart = kernel.now();
        }
        q.curr = next;
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

    /** {@code idle_balance}: pull one queued thread from the CPU with the most queued weight. */
    private void idleBalance(CfsRq q) {
        CfsRq busiest = null;
        for (int i = 0, n = rqs.size(); i < n; i++) {
            CfsRq r = rqs.get(i);
            if (r != q && r.tree.size() > 0 && (busiest == null || r.loadWeight > busiest.loadWeight)) {
                busiest = r;
            }
        }
        if (busiest == null) {
            return;
        }
        for (int i = 0, n = busiest.tree.size(); i < n; i++) {
            Entity e = busiest.tree.get(i);
            if (e.thread.mayRunOn(q.id)) {
                dequeue(busiest, e);
                e.vruntime += q.minVruntime - busiest.minVruntime;
                e.rq = q;
                enqueue(q, e);
                return;
            }
        }
    }

    /**
     * {@code load_balance} finding a CPU whose interrupt time leaves it no capacity for its one
     * running thread ({@code scale_rt_power} with {@code CONFIG_IRQ_TIME_ACCOUNTING}: its power
     * is below half a CPU, so its group's capacity rounds to 0): nothing is queued there to pull,
     * so after {@link #ACTIVE_BALANCE_TRIES} failed attempts the migration thread pushes the
     * running thread to the idle CPU ({@code active_load_balance_cpu_stop}).
     */
    private void activeBalance(CfsRq q) {
        CfsRq busiest = null;
        for (int i = 0, n = rqs.size(); i < n; i++) {
            CfsRq r = rqs.get(i);
            if (r != q && r.curr != null && r.nrRunning == 1 && r.irqShare > 0.5
                    && r.curr.thread.mayRunOn(q.id) && (busiest == null || r.irqShare > busiest.irqShare)) {
                busiest = r;
            }
        }
        if (busiest == null) {
            q.balanceFailed = 0;
            return;
        }
        if (++q.balanceFailed <= ACTIVE_BALANCE_TRIES) {
            return;
        }
        q.balanceFailed = 0;
        Entity e = busiest.curr;
        updateCurr(busiest);
        busiest.curr = null;
        e.onRq = false;
        busiest.nrRunning--;
        busiest.loadWeight -= e.weight;
        if (!busiest.irqActive) {
            e.thread.preempt();
        }
        e.vruntime += q.minVruntime - busiest.minVruntime;
        e.rq = q;
        enqueue(q, e);
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
        if (q.irqActive) {
            q.irq.thread.timerInterrupt();
        } else if (q.curr != null) {
            q.curr.thread.timerInterrupt();
        }
        if (q.curr == null) {
            if (!q.irqActive && q.nrRunning == 0) {
                idleBalance(q);
                if (q.nrRunning == 0) {
                    activeBalance(q);
                }
                if (q.nrRunning > 0) {
                    schedule(q);
                }
            }
            return;
        }
        updateCurr(q);
        if (q.nrRunning > 1) {
            checkPreemptTick(q, q.curr);
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
        boolean irqActive;
        boolean needResched;
        /** When the interrupt context last took the CPU, its time since the last tick, and its decayed share of the CPU. */
        long irqSince;
        long irqNanos;
        double irqShare;
        /** Balancing attempts that found a thread to push and could not pull it. */
        int balanceFailed;
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
