package org.vnetlab.sim.cpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * Xen 3.0.4's credit scheduler ({@code xen/common/sched_credit.c}), placing VCPUs on physical
 * CPUs. What it does, function by function of the source:
 * <ul>
 *   <li>{@code csched_tick}, every tick on every CPU: the running VCPU loses BOOST and a full
 *       tick of credit however long it ran, and becomes active (earns credit) if it was not. The
 *       tick never preempts. The first CPU does the accounting every third tick; every CPU
 *       re-sorts its queue (UNDER and BOOST ahead of OVER) after an accounting.</li>
 *   <li>{@code csched_acct}: credit is shared by domain weight among domains with an active VCPU,
 *       each capped at its peak (one accounting period per active VCPU), the surplus passed on
 *       to the domains after it, then split among the domain's active VCPUs, all with ceiling
 *       division. When the credit of all active VCPUs summed negative last time, that debt is
 *       handed out on top. Every active VCPU becomes UNDER or OVER by its sign (BOOST is
 *       cleared); debt is clamped at one slice; a VCPU above one slice of credit stops earning
 *       and restarts from 0; a capped VCPU deeper in debt than its cap is parked until its credit
 *       turns positive.</li>
 *   <li>{@code csched_vcpu_wake}: a waking UNDER VCPU is BOOSTed; it queues on the CPU it last
 *       ran on behind its equals ({@code __runq_insert}), and {@code __runq_tickle} makes that
 *       CPU reschedule if the VCPU is strictly better than what runs there and, whenever that
 *       CPU is busy, makes every idle CPU it may use reschedule too. It raises the scheduling
 *       softirq on them all ({@code cpumask_raise_softirq}): the CPU executing the wake handles
 *       its own on its way out of the interrupt or hypercall, before the others take their IPI.
 *       So the waking CPU, if among them, reschedules first; then the VCPU's CPU, then the
 *       others in order. A wake is executed by the physical CPU whose code causes it: a VCPU's
 *       (an event-channel notify, a Linux wake-up), a device interrupt's ({@link #bindIrq}),
 *       this scheduler's accounting (CPU 0's tick); a VCPU's own timer by the CPU the VCPU
 *       was created on, where {@code sched_init_vcpu} bound it for good.</li>
 *   <li>{@code csched_schedule}: a CPU runs the head of its queue if it is BOOST or UNDER;
 *       otherwise ({@code csched_load_balance}) it steals the first strictly better VCPU from
 *       the queue of a busy peer (peers from the next CPU on, {@code csched_runq_steal}). Every
 *       pass starts a 30 ms slice, the idle VCPU's too, so an idle CPU looks for work to steal
 *       at least every 30 ms. A preempted VCPU queues behind its equals.</li>
 * </ul>
 * Dom0's VCPU i starts on CPU i; a guest's first VCPU on the CPU with the fewest VCPUs, ties to
 * the higher number ({@code default_vcpu0_location}), its next ones on the following CPUs.
 * {@code csched_cpu_pick} never moves a VCPU between the cores of one package without SMT (each
 * side counts one idler), so it is left out. Switching in a blocked VCPU takes time
 * ({@link Vcpu#run}), less on an idle CPU that still holds its state (Xen switches lazily) and
 * took the waking interrupt itself ({@link Vcpu#resumeLazily}); other switches take none.
 *
 * <p>Two switches model a patched Xen, as in Ongaro et al. (VEE 2008): without BOOST a waking
 * VCPU keeps UNDER; without tickling a wake raises no rescheduling anywhere, so the VCPU waits
 * for its CPU's next scheduling pass.
 */
public final class CreditScheduler implements CpuScheduler<Vcpu> {

    /**
     * The scheduler's constants ({@code xen.scheduler.*}); Xen 3.0.4's are a 10 ms tick, a
     * 30 ms slice, accounting every 3 ticks, 100 credits a tick, BOOST and tickling on.
     */
    public record Settings(long tickNanos, long sliceNanos, int ticksPerAccounting, int creditsPerTick,
                           boolean boost, boolean tickle) {
    }

    /** The scheduler's priorities, highest first: {@code CSCHED_PRI_TS_BOOST, _UNDER, _OVER}. */
    public enum CreditPriority { BOOST, UNDER, OVER }

    /** A physical CPU: what runs, what waits (best first, FIFO among equals), its two timers. */
    private final class Pcpu {
        final int id;
        VcpuState current;
        /**
         * The VCPU whose state the CPU holds ({@code per_cpu(curr_vcpu)}): the last that ran here,
         * kept while the CPU idles; null for the idle VCPU's.
         */
        VcpuState loaded;
        final List<VcpuState> runq = new ArrayList<>();
        long ticks;
        /** When its first tick comes (0: after one period). */
        long tickPhase;
        int sortedEpoch;
        final Event tick;
        final Event sliceEnd;

        Pcpu(int id) {
            this.id = id;
            this.tick = new Event("xen.scheduler.cpu" + id + ".tick") {
                @Override
                protected void fire() {
                    tick(Pcpu.this);
                }
            };
            this.sliceEnd = new Event("xen.scheduler.cpu" + id + ".slice") {
                @Override
                protected void fire() {
                    schedule(Pcpu.this);
                }
            };
        }
    }

    /** A domain's share: {@code struct csched_dom}. */
    private static final class DomainState {
        final Domain domain;
        final int weight;
        final int cap;
        /** Its VCPUs that earn credit, the latest first. */
        final List<VcpuState> active = new ArrayList<>();
        /** How many of its VCPUs are OVER; while any is, its OVER time runs. */
        int overVcpus;
        /** Since when its OVER time runs, not yet charged to its domain. */
        long overSince;

        DomainState(Domain domain, int weight, int cap) {
            this.domain = domain;
            this.weight = weight;
            this.cap = cap;
        }
    }

    /** A VCPU as the scheduler keeps it: {@code struct csched_vcpu}. */
    private static final class VcpuState {
        final Vcpu vcpu;
        final DomainState domain;
        int credit;
        CreditPriority priority = CreditPriority.UNDER;
        boolean active;
        boolean parked;
        boolean queued;
        boolean blocked = true;
        Pcpu processor;
        /** The CPU it was created on, which its timer stays bound to ({@code init_timer} in {@code sched_init_vcpu}). */
        final Pcpu home;
        /** Its CPU's tick count when it was last switched out ({@code sleep_tick}). */
        long sleepTick;
        /** Since when it waits in a run queue, ready (its domain's ready time not yet charged). */
        long queuedSince;

        VcpuState(Vcpu vcpu, DomainState domain, Pcpu home) {
            this.vcpu = vcpu;
            this.domain = domain;
            this.home = home;
            this.processor = home;
        }

        boolean runnable() {
            return !blocked && !parked;
        }
    }

    private final Kernel kernel;
    private final Settings settings;
    private final int creditsPerAccounting;
    private final int creditsPerSlice;
    private final List<Pcpu> pcpus = new ArrayList<>();
    private final List<VcpuState> vcpus = new ArrayList<>();
    private final Map<Domain, DomainState> domains = new LinkedHashMap<>();
    /** The same domains, walked by index when a CPU sample charges their OVER time (no iterator). */
    private final List<DomainState> domainList = new ArrayList<>();
    /** Domains with an active VCPU, as {@code csched_priv.active_sdom}: newly active ones first. */
    private final List<DomainState> activeDomains = new ArrayList<>();
    private long weightTotal;
    private long creditBalance;
    private int sortEpoch;
    /** Bit i set: CPU i runs its idle VCPU ({@code csched_priv.idlers}). */
    private long idlers;
    /** The physical CPU whose code runs now, so executes any wake (-1: none, a VCPU's own timer). */
    private int executing = -1;

    public CreditScheduler(Kernel kernel, int physicalCpus, Settings settings) {
        this.kernel = kernel;
        this.settings = settings;
        this.creditsPerAccounting = settings.creditsPerTick() * settings.ticksPerAccounting();
        this.creditsPerSlice = (int) (settings.creditsPerTick() * (settings.sliceNanos() / settings.tickNanos()));
        for (int i = 0; i < physicalCpus; i++) {
            pcpus.add(new Pcpu(i));
            idlers |= 1L << i;
        }
    }

    /** Adds Dom0's VCPUs: VCPU i starts on CPU i. */
    public void addDom0(List<Vcpu> dom0) {
        for (int i = 0; i < dom0.size(); i++) {
            add(dom0.get(i), i % pcpus.size());
        }
    }

    /**
     * Adds a guest's VCPUs: the first on the CPU with the fewest VCPUs so far, ties to the
     * higher-numbered CPU ({@code default_vcpu0_location}), each next one on the following CPU.
     */
    public void addGuest(List<Vcpu> guest) {
        int[] count = new int[pcpus.size()];
        for (VcpuState s : vcpus) {
            count[s.processor.id]++;
        }
        int cpu = 0;
        for (int i = 0; i < count.length; i++) {
            if (count[i] <= count[cpu]) {
                cpu = i;
            }
        }
        for (Vcpu v : guest) {
            add(v, cpu);
            cpu = (cpu + 1) % pcpus.size();
        }
    }

    /** Adds a VCPU that starts on physical CPU {@code cpu} (or the first it may use). */
    void add(Vcpu v, int cpu) {
        Pcpu home = pcpus.get(cpu);
        if (!v.mayRunOn(home.id)) {
            home = pcpus.stream().filter(p -> v.mayRunOn(p.id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(v.name() + " may run on no physical CPU"));
        }
        DomainState d = domains.computeIfAbsent(v.domain(), k -> {
            DomainState created = new DomainState(k, v.weight(), v.cap());
            domainList.add(created);
            return created;
        });
        VcpuState s = new VcpuState(v, d, home);
        v.attach(this, vcpus.size());
        vcpus.add(s);
    }

    /** The VCPU's priority now. */
    public CreditPriority priority(Vcpu v) {
        return state(v).priority;
    }

    /** The VCPU's credit now. */
    public int credit(Vcpu v) {
        return state(v).credit;
    }

    /** The physical CPU the VCPU runs on, or last ran on, or is queued at. */
    public int processor(Vcpu v) {
        return state(v).processor.id;
    }

    /** The sum of the active VCPUs' credit at the last accounting ({@code csched_priv.credit_balance}). */
    public long creditBalance() {
        return creditBalance;
    }

    private VcpuState state(Vcpu v) {
        return vcpus.get(v.schedulerIndex());
    }

    /**
     * {@code pirq_guest_bind}: Dom0's VCPU {@code v} binds a physical interrupt, which Xen routes
     * to the CPU {@code v} is on now, for good. A wake-up the interrupt causes is executed there.
     */
    public Irq bindIrq(Vcpu v) {
        int cpu = state(v).processor.id;
        return t -> {
            int saved = enter(cpu);
            try {
                t.wake();
            } finally {
                leave(saved);
            }
        };
    }

    /** Code of physical CPU {@code cpu} starts running; returns what to {@link #leave} with. */
    int enter(int cpu) {
        int saved = executing;
        executing = cpu;
        return saved;
    }

    /** Code of {@code v} starts running, on the physical CPU it holds. */
    @Override
    public int enterCode(Vcpu v) {
        return enter(state(v).processor.id);
    }

    /** A VCPU's one-shot timer fires on the CPU it was created on, wherever the VCPU is now. */
    @Override
    public int enterTimer(Vcpu v) {
        return enter(state(v).home.id);
    }

    @Override
    public void leaveCode(int saved) {
        leave(saved);
    }

    void leave(int saved) {
        executing = saved;
    }

    /**
     * Sets when CPU {@code cpu}'s first tick comes, within its first tick period (default: at its
     * end, every CPU in step). {@code schedulers_start} starts them together at boot, but each CPU
     * re-arms its tick 10 ms after its own handler ends ({@code t_timer_fn}), CPU 0's longer every
     * third tick by the accounting, so after any uptime their phases are unrelated.
     */
    public void setTickPhase(int cpu, long phaseNanos) {
        if (phaseNanos < 0 || phaseNanos >= settings.tickNanos()) {
            throw new IllegalArgumentException("tick phase " + phaseNanos + " ns outside one tick");
        }
        pcpus.get(cpu).tickPhase = phaseNanos;
    }

    /** Starts every CPU's tick and their first scheduling pass. */
    @Override
    public void start() {
        for (Pcpu p : pcpus) {
            kernel.scheduleAfter(p.tick, p.tickPhase == 0 ? settings.tickNanos() : p.tickPhase);
            kernel.scheduleAfter(p.sliceEnd, settings.sliceNanos());
        }
    }

    @Override
    public void wake(Vcpu v) {
        VcpuState s = state(v);
        s.blocked = false;
        Pcpu cpu = s.processor;
        if (cpu.current == s || s.queued || s.parked) {
            // running, already queued, or paused until its credit is positive again
            return;
        }
        if (settings.boost() && s.priority == CreditPriority.UNDER) {
            s.priority = CreditPriority.BOOST;
        }
        insert(cpu, s);
        if (settings.tickle()) {
            tickle(cpu, s);
        }
    }

    @Override
    public void block(Vcpu v) {
        VcpuState s = state(v);
        s.blocked = true;
        if (s.processor.current == s) {
            schedule(s.processor);
        }
    }

    /** {@code __runq_insert}: before the first VCPU of strictly lower priority. */
    private void insert(Pcpu p, VcpuState s) {
        int i = 0;
        while (i < p.runq.size() && p.runq.get(i).priority.ordinal() <= s.priority.ordinal()) {
            i++;
        }
        p.runq.add(i, s);
        s.queued = true;
        s.queuedSince = kernel.now();
    }

    /** Off its run queue: to run, or parked; the time it waited is its domain's ready time. */
    private void remove(Pcpu p, VcpuState s) {
        p.runq.remove(s);
        s.queued = false;
        s.vcpu.domain().chargeReady(kernel.now() - s.queuedSince);
    }

    /**
     * Charges the domains, before a CPU sample, their time until now: the ready time of the VCPUs
     * waiting in the run queues, and the OVER time of the domains with an OVER VCPU. Allocates
     * nothing.
     */
    public void chargeUntilNow() {
        long now = kernel.now();
        for (int i = 0, n = pcpus.size(); i < n; i++) {
            List<VcpuState> runq = pcpus.get(i).runq;
            for (int j = 0, m = runq.size(); j < m; j++) {
                VcpuState s = runq.get(j);
                s.vcpu.domain().chargeReady(now - s.queuedSince);
                s.queuedSince = now;
            }
        }
        for (int i = 0, n = domainList.size(); i < n; i++) {
            DomainState d = domainList.get(i);
            if (d.overVcpus > 0) {
                d.domain.chargeOver(now - d.overSince);
                d.overSince = now;
            }
        }
    }

    /**
     * {@code __runq_tickle}: the CPU reschedules if {@code s} is strictly better than what runs
     * there; if something runs there, every idle CPU {@code s} may use reschedules too (it
     * steals {@code s}, or the VCPU {@code s} preempted). The CPU executing the wake, if among
     * them, goes first (its softirq is local, the others' wait for an IPI).
     */
    private void tickle(Pcpu cpu, VcpuState s) {
        boolean busy = cpu.current != null;
        long mask = 0;
        if (!busy || s.priority.ordinal() < cpu.current.priority.ordinal()) {
            mask |= 1L << cpu.id;
        }
        if (busy) {
            mask |= idlers;
            mask &= s.vcpu.affinityMask();
        }
        int waker = executing;
        if (waker >= 0 && (mask & (1L << waker)) != 0) {
            mask &= ~(1L << waker);
            schedule(pcpus.get(waker));
        }
        if ((mask & (1L << cpu.id)) != 0) {
            schedule(cpu);
        }
        for (int i = 0, n = pcpus.size(); i < n; i++) {
            if (i != cpu.id && (mask & (1L << i)) != 0) {
                schedule(pcpus.get(i));
            }
        }
    }

    /** {@code schedule()} with {@code csched_schedule}: what runs on {@code p} now, for a new slice. */
    private void schedule(Pcpu p) {
        VcpuState prev = p.current;
        if (prev != null && prev.runnable()) {
            insert(p, prev);
        }
        VcpuState next = p.runq.isEmpty() ? null : p.runq.get(0);
        if (next != null && next.priority != CreditPriority.OVER) {
            remove(p, next);
        } else {
            VcpuState stolen = steal(p, next == null ? null : next.priority);
            if (stolen != null) {
                next = stolen;
            } else if (next != null) {
                remove(p, next);
            }
        }
        if (next == null) {
            idlers |= 1L << p.id;
        } else {
            idlers &= ~(1L << p.id);
        }
        // a slice ending at a tick's instant ends just after it: the tick debits the VCPU that ran
        kernel.scheduleAfter(p.sliceEnd, settings.sliceNanos() + 1);
        if (next == prev) {
            return;
        }
        p.current = next;
        if (prev != null) {
            prev.sleepTick = p.ticks;
            prev.vcpu.preempt();
        }
        if (next != null) {
            next.processor = p;
            if (next.sleepTick != p.ticks) {
                // it missed a tick while switched out: a timer event on the way in
                next.vcpu.timerInterrupt();
            }
            // context_switch skips __context_switch for the VCPU whose state the CPU kept. No
            // other CPU holds next's state (no __sync_lazy_execstate): a VCPU leaves its CPU only
            // when stolen from it busy, holding the state of the VCPU it runs
            boolean stateLoaded = p.loaded == next;
            boolean cachesDisplaced = p.loaded == null || p.loaded.vcpu.displacedCaches();
            p.loaded = next;
            if (stateLoaded && executing == p.id) {
                next.vcpu.resumeLazily();
            } else {
                next.vcpu.run(stateLoaded, cachesDisplaced);
            }
        }
    }

    /**
     * {@code csched_load_balance}: the first VCPU strictly better than {@code than} (null: the
     * idle VCPU) queued at a busy peer, peers from the next CPU on; it moves to {@code p}.
     */
    private VcpuState steal(Pcpu p, CreditPriority than) {
        for (int k = 1, n = pcpus.size(); k < n; k++) {
            Pcpu peer = pcpus.get((p.id + k) % n);
            if (peer.current == null) {
                // an idle peer picks up its own queue
                continue;
            }
            for (int j = 0, m = peer.runq.size(); j < m; j++) {
                VcpuState s = peer.runq.get(j);
                if (than != null && s.priority.ordinal() >= than.ordinal()) {
                    break;
                }
                if (s.vcpu.mayRunOn(p.id)) {
                    remove(peer, s);
                    s.processor = p;
                    return s;
                }
            }
        }
        return null;
    }

    /** {@code t_timer_fn} with {@code csched_tick}: the running VCPU gets a timer event, then the accounting. */
    private void tick(Pcpu p) {
        p.ticks++;
        VcpuState v = p.current;
        if (v != null) {
            v.vcpu.timerInterrupt();
            if (v.priority == CreditPriority.BOOST) {
                v.priority = CreditPriority.UNDER;
            }
            v.credit -= settings.creditsPerTick();
            if (!v.active) {
                activate(v);
            }
        }
        if (p.id == 0 && p.ticks % settings.ticksPerAccounting() == 0) {
            // a VCPU it unparks is woken by this CPU
            int saved = enter(p.id);
            try {
                account();
            } finally {
                leave(saved);
            }
        }
        if (p.sortedEpoch != sortEpoch) {
            p.sortedEpoch = sortEpoch;
            sortRunq(p);
        }
        kernel.scheduleAfter(p.tick, settings.tickNanos());
    }

    /** {@code __csched_vcpu_acct_start}. */
    private void activate(VcpuState v) {
        v.active = true;
        DomainState d = v.domain;
        d.active.add(0, v);
        if (d.active.size() == 1) {
            activeDomains.add(0, d);
            weightTotal += d.weight;
        }
    }

    /** {@code __csched_vcpu_acct_stop_locked}. */
    private void deactivate(VcpuState v) {
        v.active = false;
        DomainState d = v.domain;
        d.active.remove(v);
        if (d.active.isEmpty()) {
            activeDomains.remove(d);
            weightTotal -= d.weight;
        }
    }

    /** {@code csched_acct}. */
    private void account() {
        long creditTotal = (long) creditsPerAccounting * pcpus.size();
        if (creditBalance < 0) {
            // converge the balance towards 0 when it drops negative
            creditTotal -= creditBalance;
        }
        // the weights as this accounting starts: VCPUs that stop earning below change the field
        long weightSum = weightTotal;
        if (weightSum == 0) {
            creditBalance = 0;
            return;
        }
        long weightLeft = weightSum;
        long balance = 0;
        boolean extra = false;
        // moving a domain to the head keeps the ones after it at their index
        for (int k = 0; k < activeDomains.size(); k++) {
            DomainState d = activeDomains.get(k);
            weightLeft -= d.weight;
            int activeVcpus = d.active.size();
            long peak = (long) activeVcpus * creditsPerAccounting;
            if (creditBalance < 0) {
                peak += ceilDiv(-creditBalance * d.weight, weightSum);
            }
            long capPerVcpu = 0;
            if (d.cap != 0) {
                long cap = ceilDiv((long) d.cap * creditsPerAccounting, 100);
                peak = Math.min(peak, cap);
                capPerVcpu = ceilDiv(cap, activeVcpus);
            }
            long fair = ceilDiv(creditTotal * d.weight, weightSum);
            if (fair < peak) {
                extra = true;
            } else {
                if (weightLeft != 0) {
                    // give the domains after this one a chance at its unused credit
                    creditTotal += ceilDiv((fair - peak) * weightSum, weightLeft);
                }
                if (extra) {
                    // keep domains with spare credit at the head, for the others' next turn
                    activeDomains.remove(d);
                    activeDomains.add(0, d);
                }
                fair = peak;
            }
            int perVcpu = (int) ceilDiv(fair, activeVcpus);
            for (int j = 0; j < d.active.size(); j++) {
                VcpuState v = d.active.get(j);
                v.credit += perVcpu;
                if (v.credit < 0) {
                    prioritize(v, CreditPriority.OVER);
                    if (d.cap != 0 && v.credit < -capPerVcpu && !v.parked) {
                        park(v);
                    }
                    v.credit = Math.max(v.credit, -creditsPerSlice);
                } else {
                    prioritize(v, CreditPriority.UNDER);
                    if (v.parked) {
                        unpark(v);
                    }
                    if (v.credit > creditsPerSlice) {
                        deactivate(v);
                        v.credit = 0;
                        j--;
                    }
                }
                balance += v.credit;
            }
            if (d.active.isEmpty()) {
                // it left the list: the next domain now sits at this index
                k--;
            }
        }
        creditBalance = balance;
        sortEpoch++;
    }

    /**
     * The accounting's verdict on {@code v}: UNDER or OVER. Only the accounting makes a VCPU OVER
     * or not (a wake BOOSTs an UNDER one, a tick takes BOOST back to UNDER), so a domain's OVER
     * time, kept here, is exact: it runs from the accounting that made one of its VCPUs OVER to
     * the one that left none.
     */
    private void prioritize(VcpuState v, CreditPriority p) {
        boolean wasOver = v.priority == CreditPriority.OVER;
        v.priority = p;
        DomainState d = v.domain;
        if (p == CreditPriority.OVER && !wasOver && d.overVcpus++ == 0) {
            d.overSince = kernel.now();
        } else if (p != CreditPriority.OVER && wasOver && --d.overVcpus == 0) {
            d.domain.chargeOver(kernel.now() - d.overSince);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** {@code vcpu_pause_nosync} of a VCPU over its cap: off its CPU or its queue at once. */
    private void park(VcpuState v) {
        v.parked = true;
        if (v.processor.current == v) {
            schedule(v.processor);
        } else if (v.queued) {
            remove(v.processor, v);
        }
    }

    /** {@code vcpu_unpause}: it wakes with the parked flag still set, so without BOOST. */
    private void unpark(VcpuState v) {
        v.parked = false;
        if (!v.blocked && v.processor.current != v && !v.queued) {
            insert(v.processor, v);
            if (settings.tickle()) {
                tickle(v.processor, v);
            }
        }
    }

    /** {@code csched_runq_sort}: a stable move of BOOST and UNDER VCPUs ahead of OVER ones. */
    private static void sortRunq(Pcpu p) {
        int under = 0;
        for (int i = 0; i < p.runq.size(); i++) {
            VcpuState s = p.runq.get(i);
            if (s.priority != CreditPriority.OVER) {
                if (i != under) {
                    p.runq.remove(i);
                    p.runq.add(under, s);
                }
                under++;
            }
        }
    }
}
