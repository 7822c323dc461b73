package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/** Linux 3.10's CFS (kernel/sched/fair.c) as observable behaviour of host threads. */
class CfsSchedulerTest {

    /** sysctl_sched_* of 3.10 before scaling, HZ 250, GENTLE_FAIR_SLEEPERS on. */
    private static final CfsScheduler.Settings CFS = new CfsScheduler.Settings(6_000_000, 750_000, 1_000_000, 250, true);
    /** A one-thread kernel's constants, its timer interrupt free so that only the tasks' work counts. */
    private static final LinuxScheduler.Settings THREAD = new LinuxScheduler.Settings(250, 0, 400_000, 300, 10, 0);
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** Always has 1 ms of work. */
    private static final class Hog extends CpuHog {
        Hog(Domain d) {
            super(d.name() + ".hog", d, MS);
        }
    }

    /** Works {@code length} every {@code period} from {@code from}: records how long each job waited. */
    private static final class Pinger extends Task {
        final List<Long> readyAt = new ArrayList<>();
        final long length;
        int done;
        long waitedMax;

        Pinger(Domain d, Kernel k, long from, long period, long length, long until) {
            super(d.name() + ".pinger", d, Context.THREAD);
            this.length = length;
            for (long t = from; t < until; t += period) {
                long at = t;
                readyAt.add(at);
                k.scheduleAt(new Event("ping") {
                    @Override
                    protected void fire() {
                        wake();
                    }
                }, at);
            }
        }

        @Override
        protected boolean hasWork(long now) {
            return done < readyAt.size() && readyAt.get(done) <= now;
        }

        @Override
        protected double beginJob(long now) {
            waitedMax = Math.max(waitedMax, now - readyAt.get(done));
            return length;
        }

        @Override
        protected void endJob(long start, long end) {
            done++;
        }
    }

    /** Physical CPUs under CFS, each host thread an executor with a one-thread kernel. */
    private record Host(Kernel kernel, CfsScheduler cfs, List<LinuxScheduler> threads) {
        static Host of(int cpus) {
            Kernel k = new Kernel();
            return new Host(k, new CfsScheduler(k, cpus, CFS), new ArrayList<>());
        }

        Vcpu thread(Domain d, int nice, long mask, Task work) {
            Vcpu v = new Vcpu(kernel, d.name() + ".thread", 1.0, d, 0, 0, mask);
            cfs.add(v, nice);
            LinuxScheduler k = new LinuxScheduler(kernel, d.name(), List.of(v), d, THREAD);
            threads.add(k);
            k.spawn(work);
            return v;
        }

        Vcpu hog(Domain d, int nice) {
            return thread(d, nice, 1, new Hog(d));
        }

        void runFor(long nanos) {
            cfs.start();
            threads.forEach(LinuxScheduler::start);
            kernel.runUntil(nanos);
        }
    }

    @Test
    void twoHogsShareACpuHalfAndHalf() {
        Host h = Host.of(1);
        Domain a = new Domain("a");
        Domain b = new Domain("b");
        h.hog(a, 0);
        h.hog(b, 0);
        h.runFor(10 * SECOND);
        assertEquals(5 * SECOND, a.busyNanos(), 0.01 * SECOND);
        assertEquals(5 * SECOND, b.busyNanos(), 0.01 * SECOND);
        assertEquals(10 * SECOND, a.busyNanos() + b.busyNanos(), MS);
    }

    @Test
    void niceWeightsSplitTheCpuByWeight() {
        // nice 0 weighs 1024, nice 5 weighs 335: 75.3 % and 24.7 %
        Host h = Host.of(1);
        Domain a = new Domain("nice0");
        Domain b = new Domain("nice5");
        h.hog(a, 0);
        h.hog(b, 5);
        h.runFor(20 * SECOND);
        double share = (double) a.busyNanos() / (a.busyNanos() + b.busyNanos());
        assertEquals(1024.0 / (1024 + 335), share, 0.01);
    }

    @Test
    void aWakingSleeperPreemptsAHogWithinTheWakeupGranularity() {
        // 20 us of work every 10 ms beside a hog: the sleeper is placed half a latency behind
        // min_vruntime, more than the wakeup granularity, so it preempts at once
        Host h = Host.of(1);
        Domain io = new Domain("io");
        h.hog(new Domain("hog"), 0);
        Pinger p = new Pinger(io, h.kernel(), 50 * MS + 123_000, 10 * MS, 20_000, 2 * SECOND);
        h.thread(io, 0, 1, p);
        h.runFor(2 * SECOND);
        assertEquals(p.readyAt.size(), p.done, "every job ran");
        assertTrue(p.waitedMax <= h.cfs().wakeupGranularityNanos(), "max wait " + p.waitedMax + " ns");
        assertTrue(p.waitedMax < 10_000, "it preempts at once, waited " + p.waitedMax + " ns");
    }

    @Test
    void aThreadThatBarelySleepsWaitsForTheTick() {
        // a thread busy 3 ms of every 4 ms beside a hog has no sleeper credit beyond the
        // hog's lead within the granularity: some wake-ups wait for the running hog's slice
        Host h = Host.of(1);
        Domain busy = new Domain("busy");
        h.hog(new Domain("hog"), 0);
        Pinger p = new Pinger(busy, h.kernel(), 10 * MS, 4 * MS, 3 * MS, 2 * SECOND);
        h.thread(busy, 0, 1, p);
        h.runFor(3 * SECOND);
        assertTrue(p.waitedMax > h.cfs().wakeupGranularityNanos(), "max wait " + p.waitedMax + " ns");
    }

    @Test
    void vruntimeAdvancesByWeight() {
        Host h = Host.of(1);
        Vcpu a = h.hog(new Domain("a"), 0);
        Vcpu b = h.hog(new Domain("b"), -5);
        h.runFor(5 * SECOND);
        // both stay within a slice's worth of each other in virtual time
        long diff = Math.abs(h.cfs().vruntime(a) - h.cfs().vruntime(b));
        assertTrue(diff <= h.cfs().latencyNanos(), "vruntime apart by " + diff);
    }

    @Test
    void anIdleCpuPullsAQueuedThread() {
        // three hogs that may run anywhere start on two CPUs: neither CPU idles
        Host h = Host.of(2);
        Domain a = new Domain("a");
        Domain b = new Domain("b");
        Domain c = new Domain("c");
        h.thread(a, 0, 3, new Hog(a));
        h.thread(b, 0, 3, new Hog(b));
        h.thread(c, 0, 3, new Hog(c));
        h.runFor(6 * SECOND);
        assertEquals(12 * SECOND, a.busyNanos() + b.busyNanos() + c.busyNanos(), 10 * MS);
    }

    @Test
    void aThreadWokenOntoAnIdleCpu() {
        // a hog on CPU 0 and a pinger that last ran there: woken, it goes to the idle CPU 1
        Host h = Host.of(2);
        Domain io = new Domain("io");
        h.thread(new Domain("hog"), 0, 1, new Hog(new Domain("hog2")));
        Pinger p = new Pinger(io, h.kernel(), 5 * MS, 5 * MS, 100_000, SECOND);
        Vcpu v = h.thread(io, 0, 3, p);
        h.runFor(SECOND);
        assertEquals(p.readyAt.size(), p.done);
        assertEquals(0, p.waitedMax, "it never waits");
        assertEquals(1, h.cfs().cpuOf(v));
    }

    @Test
    void anInterruptContextTakesTheCpuAndFreezesTheThreadsVruntime() {
        Host h = Host.of(1);
        Domain hog = new Domain("hog");
        Domain irq = new Domain("softirq");
        Vcpu v = h.hog(hog, 0);
        Vcpu ctx = new Vcpu(h.kernel(), "cpu0.irq", 1.0, irq, 0, 0, 1);
        h.cfs().addInterrupt(ctx, 0);
        LinuxScheduler k = new LinuxScheduler(h.kernel(), "irq", List.of(ctx), irq, THREAD);
        h.threads().add(k);
        SoftirqWork work = new SoftirqWork(irq, h.kernel(), MS, 200_000);
        ctx.add(work);
        h.runFor(SECOND);
        // 20 % of the CPU in interrupt context, the rest the hog's; its vruntime is its own time
        // after the one slice it started behind (START_DEBIT: a lone thread's slice is the latency)
        assertEquals(200 * MS, irq.busyNanos(), MS);
        assertEquals(800 * MS, hog.busyNanos(), MS);
        assertEquals(hog.busyNanos() + h.cfs().latencyNanos(), h.cfs().vruntime(v), MS);
        assertTrue(work.waitedMax == 0, "the softirq never waits: " + work.waitedMax);
    }

    /** Softirq work of {@code length} raised every {@code period}. */
    private static final class SoftirqWork extends Task {
        final long length;
        int raised;
        long lastRaised;
        long waitedMax;

        SoftirqWork(Domain d, Kernel k, long period, long length) {
            super(d.name() + ".poll", d, Context.NET_RX);
            this.length = length;
            k.scheduleAt(new Event("irq") {
                @Override
                protected void fire() {
                    raised++;
                    lastRaised = k.now();
                    wake();
                    k.scheduleAfter(this, period);
                }
            }, period / 2);
        }

        @Override
        protected boolean hasWork(long now) {
            return raised > 0;
        }

        @Override
        protected double beginJob(long now) {
            raised--;
            waitedMax = Math.max(waitedMax, now - lastRaised);
            return length;
        }

        @Override
        protected void endJob(long start, long end) {
        }
    }
}
