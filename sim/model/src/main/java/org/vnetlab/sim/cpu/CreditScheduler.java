package org.vnetlab.sim.cpu;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.cpu.Vcpu.CreditPriority;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * The Xen 3.0/3.1 credit scheduler as shared/paper/XEN-FACTS.md describes it: a 10 ms tick
 * debits a full tick of credit from whichever VCPU is running (sampled accounting); every
 * 30 ms credit is handed out to active domains by weight; UNDER/OVER by the sign of credit;
 * a VCPU that wakes while UNDER is BOOSTed and preempts a strictly lower priority; picked
 * VCPUs get a 30 ms slice; an idle or OVER-only CPU steals a strictly better VCPU from
 * another CPU's queue; a capped VCPU that used its cap is parked until the next accounting.
 *
 * <p>Time constants are parameters ({@code xen.scheduler.*}) whose defaults are Xen's.
 */
public final class CreditScheduler implements CpuScheduler<Vcpu> {

    /** Settings, Xen's defaults in XEN-FACTS.md. */
    public record Settings(long tickNanos, long sliceNanos, int ticksPerAccounting, int creditsPerTick) {
    }

    private final Kernel kernel;
    private final Settings settings;
    private final List<Pcpu> pcpus = new ArrayList<>();
    private final List<Vcpu> vcpus = new ArrayList<>();
    private long queueSequence;
    private int ticks;

    public CreditScheduler(Kernel kernel, int physicalCpus, Settings settings) {
        this.kernel = kernel;
        this.settings = settings;
        for (int i = 0; i < physicalCpus; i++) {
            final int id = i;
            Event tick = new Event() {
                @Override
                protected void fire() {
                    tick(pcpus.get(id));
                }
            };
            Event slice = new Event() {
                @Override
                protected void fire() {
                    schedule(pcpus.get(id));
                }
            };
            pcpus.add(new Pcpu(i, tick, slice));
        }
    }

    /** Adds a VCPU, initially homed on physical CPU {@code index % cpus} among those it may use. */
    public void add(Vcpu v, int index) {
        Pcpu home = pcpus.get(index % pcpus.size());
        if (!v.mayRunOn(home)) {
            home = pcpus.stream().filter(v::mayRunOn).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(v.name() + " may run on no physical CPU"));
        }
        v.attach(this, home);
        vcpus.add(v);
    }

    /** Starts the ticks; tick timers are staggered so CPUs do not tick in lockstep. */
    @Override
    public void start() {
        for (Pcpu p : pcpus) {
            kernel.scheduleAfter(p.tick, settings.tickNanos() * (p.id + 1) / pcpus.size());
        }
    }

    @Override
    public void wake(Vcpu v) {
        if (v.onCpu() || v.queued || v.parked) {
            return;
        }
        if (v.priority == CreditPriority.UNDER) {
            v.priority = CreditPriority.BOOST;
        }
        Pcpu home = v.home;
        enqueue(home, v);
        if (home.current == null || v.priority.ordinal() < home.current.priority.ordinal()) {
            schedule(home);
            return;
        }
        for (int i = 0, n = pcpus.size(); i < n; i++) {
            Pcpu p = pcpus.get(i);
            if (p.current == null && v.mayRunOn(p)) {
                schedule(p);
                return;
            }
        }
    }

    @Override
    public void block(Vcpu v) {
        for (int i = 0, n = pcpus.size(); i < n; i++) {
            Pcpu p = pcpus.get(i);
            if (p.current == v) {
                v.preempt();
                p.current = null;
                schedule(p);
                return;
            }
        }
    }

    private void enqueue(Pcpu p, Vcpu v) {
        v.queued = true;
        v.queuedSequence = queueSequence++;
        int i = 0;
        while (i < p.runq.size() && better(p.runq.get(i), v)) {
            i++;
        }
        p.runq.add(i, v);
    }

    /** Whether {@code a} goes before {@code b}: higher priority, then queued earlier. */
    private static boolean better(Vcpu a, Vcpu b) {
        if (a.priority != b.priority) {
            return a.priority.ordinal() < b.priority.ordinal();
        }
        return a.queuedSequence < b.queuedSequence;
    }

    /** Picks what runs on {@code p} now, as csched_schedule does. */
    private void schedule(Pcpu p) {
        Vcpu prev = p.current;
        if (prev != null) {
            prev.preempt();
            p.current = null;
            if (prev.hasRunnable() && !prev.parked) {
                enqueue(p, prev);
            }
        }
        Vcpu next = p.runq.isEmpty() ? null : p.runq.get(0);
        if (next == null || next.priority == CreditPriority.OVER) {
            Vcpu stolen = steal(p, next == null ? null : next.priority);
            if (stolen != null) {
                next = stolen;
            }
        }
        if (next == null) {
            kernel.cancel(p.sliceEnd);
            return;
        }
        if (next.queued) {
            for (int i = 0, n = pcpus.size(); i < n; i++) {
                Pcpu q = pcpus.get(i);
                if (q.runq.remove(next)) {
                    next.queued = false;
                    break;
                }
            }
        }
        p.current = next;
        next.home = p;
        // a slice ending at a tick's instant ends just after it: the tick debits the VCPU that ran
        kernel.scheduleAfter(p.sliceEnd, settings.sliceNanos() + 1);
        next.run();
    }

    /** A VCPU of strictly higher priority than {@code than} (null: any) from another CPU's queue. */
    private Vcpu steal(Pcpu p, CreditPriority than) {
        for (int i = 0, n = pcpus.size(); i < n; i++) {
            Pcpu q = pcpus.get(i);
            if (q == p) {
                continue;
            }
            for (int j = 0, m = q.runq.size(); j < m; j++) {
                Vcpu v = q.runq.get(j);
                if (v.mayRunOn(p) && (than == null || v.priority.ordinal() < than.ordinal())) {
                    return v;
                }
            }
        }
        return null;
    }

    private void tick(Pcpu p) {
        Vcpu v = p.current;
        if (v != null) {
            v.active = true;
            v.credit -= settings.creditsPerTick();
            if (v.priority == CreditPriority.BOOST) {
                v.priority = CreditPriority.UNDER;
            }
        }
        if (p.id == 0 && ++ticks % settings.ticksPerAccounting() == 0) {
            account();
        }
        kernel.scheduleAfter(p.tick, settings.tickNanos());
        if (p.current != null && (p.current.parked || (!p.runq.isEmpty() && better(p.runq.get(0), p.current)))) {
            schedule(p);
        }
    }

    /**
     * Hands out credit by weight to active VCPUs and sets UNDER/OVER, as csched_acct does: a
     * capped domain earns at most its cap; a VCPU above one period's credit stops earning and
     * restarts from 0; debt is clamped at one period's credit; a capped VCPU deeper in debt than
     * its cap is parked until its credit is positive again.
     */
    private void account() {
        int perAccounting = settings.creditsPerTick() * settings.ticksPerAccounting();
        int total = perAccounting * pcpus.size();
        long weightSum = 0;
        for (Vcpu v : vcpus) {
            if (v.active) {
                weightSum += v.weight;
            }
        }
        for (Vcpu v : vcpus) {
            if (v.active && weightSum > 0) {
                long share = Math.min((long) total * v.weight / weightSum, perAccounting);
                if (v.cap > 0) {
                    share = Math.min(share, (long) v.cap * perAccounting / 100);
                }
                v.credit += (int) share;
            }
            if (v.credit < 0) {
                if (v.priority != CreditPriority.BOOST) {
                    v.priority = CreditPriority.OVER;
                }
                if (v.cap > 0 && v.credit < -(long) v.cap * perAccounting / 100) {
                    v.parked = true;
                }
                v.credit = Math.max(v.credit, -perAccounting);
            } else {
                if (v.priority != CreditPriority.BOOST) {
                    v.priority = CreditPriority.UNDER;
                }
                boolean wasParked = v.parked;
                v.parked = false;
                if (v.credit > perAccounting) {
                    v.active = false;
                    v.credit = 0;
                }
                if (wasParked && v.hasRunnable()) {
                    wake(v);
                }
            }
        }
        for (Pcpu p : pcpus) {
            p.runq.removeIf(v -> {
                if (v.parked) {
                    v.queued = false;
                    return true;
                }
                return false;
            });
            resort(p);
        }
    }

    private void resort(Pcpu p) {
        List<Vcpu> waiting = new ArrayList<>(p.runq);
        p.runq.clear();
        waiting.sort((a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
        p.runq.addAll(waiting);
    }
}
