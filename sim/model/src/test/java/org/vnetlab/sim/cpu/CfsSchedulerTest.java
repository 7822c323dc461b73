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

        /** CPU {@code cpu}'s interrupt context running {@code work}, its softirqs under {@code rules}. */
        Vcpu interrupt(Domain irq, int cpu, LinuxScheduler.Settings rules, Task work) {
            Vcpu ctx = new Vcpu(kernel, "cpu" + cpu + ".irq", 1.0, irq, 0, 0, 1L << cpu);
            cfs.addInterrupt(ctx, cpu);
            threads.add(new LinuxScheduler(kernel, "irq", List.of(ctx), irq, rules));
            ctx.add(work);
            return ctx;
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
        SoftirqWork work = new SoftirqWork(irq, h.kernel(), MS, 200_000);
        h.interrupt(irq, 0, THREAD, work);
        h.runFor(SECOND);
        // 20 % of the CPU in interrupt context, the rest the hog's; its vruntime is its own time
        // after the one slice it started behind (START_DEBIT: a lone thread's slice is the latency)
        assertEquals(200 * MS, irq.busyNanos(), MS);
        assertEquals(800 * MS, hog.busyNanos(), MS);
        assertEquals(hog.busyNanos() + h.cfs().latencyNanos(), h.cfs().vruntime(v), MS);
        assertTrue(work.waitedMax == 0, "the softirq never waits: " + work.waitedMax);
    }

    /**
     * CPU 0's interrupt context busy {@code irqLength} of every millisecond, one hog that may run
     * on either CPU starting on CPU 0, and two hogs bound to CPU 1: CPU 1 is never idle.
     */
    private record Starved(Host host, Vcpu thread, Domain domain, long[] firstOnCpu1, long[] backOnCpu0) {
        static Starved of(long irqLength) {
            Host h = Host.of(2);
            Domain irq = new Domain("softirq");
            h.interrupt(irq, 0, THREAD, new SoftirqWork(irq, h.kernel(), MS, irqLength));
            Domain b1 = new Domain("b1");
            Domain s = new Domain("starved");
            Domain b2 = new Domain("b2");
            // placed on the CPU with the fewest threads, ties to the highest: b1 on 1, s on 0, b2 on 1
            h.thread(b1, 0, 2, new Hog(b1));
            Vcpu v = h.thread(s, 0, 3, new Hog(s));
            h.thread(b2, 0, 2, new Hog(b2));
            long[] first = {-1};
            long[] back = {-1};
            h.kernel().scheduleAt(new Event("sample") {
                @Override
                protected void fire() {
                    int cpu = h.cfs().cpuOf(v);
                    if (cpu == 1 && first[0] < 0) {
                        first[0] = h.kernel().now();
                    } else if (cpu == 0 && first[0] >= 0 && back[0] < 0) {
                        back[0] = h.kernel().now();
                    }
                    h.kernel().scheduleAfter(this, 10_000);
                }
            }, 0);
            assertEquals(0, h.cfs().cpuOf(v));
            return new Starved(h, v, s, first, back);
        }
    }

    @Test
    void aBusyCpuPushesTheThreadOffACpuItsInterruptsLeaveNoCapacity() {
        // CPU 0's interrupts take 95 %: its power (1024 less the averaged interrupt time, halving
        // every 0.5 s) falls below 1024 * 2048 / (1.25 * 2048) = 410 (imbalance_pct 125 against
        // CPU 1's two threads) after about 0.72 s; CPU 1's busy balance (every 1 ms * busy_factor
        // 64, at most HZ * 2 / 10 = 200 ms after balanced ones) then fails, and past
        // cache_nice_tries + 2 = 3 failures, 64 ms apart, pushes the thread: by about 1.12 s.
        // Without busy balancing it starved on CPU 0 for good.
        Starved st = Starved.of(950_000);
        st.host().runFor(2 * SECOND);
        long first = st.firstOnCpu1()[0];
        assertTrue(first > 700 * MS && first < 1_150 * MS, "first on CPU 1 at " + first + " ns");
    }

    @Test
    void anIdleCpuWithNoCapacityPullsTheQueuedThreadBack() {
        // once pushed, the thread is queued on CPU 1 behind the running hog; CPU 0, out of its
        // interrupt with nothing to run, is newly idle: find_busiest_group finds CPU 1 running more
        // threads than its capacity, fix_small_imbalance sets the imbalance to a whole thread's
        // load (CPU 0's own small power does not enter), and move_tasks pulls it
        // (load / 2 <= imbalance): 3.10 pulls it back to starve, and busy balancing pushes it again
        Starved st = Starved.of(950_000);
        st.host().runFor(3 * SECOND);
        assertTrue(st.firstOnCpu1()[0] > 0, "pushed");
        assertTrue(st.backOnCpu0()[0] > st.firstOnCpu1()[0], "pulled back at " + st.backOnCpu0()[0]);
    }

    @Test
    void aBusyCpuLeavesAThreadWhoseCpuIsNotBusierByImbalancePct() {
        // interrupts at 55 %: CPU 0's capacity is 0 (power 460 < 512), but its average load
        // 1024 * 1024 / 460 = 2279 is within imbalance_pct 125 % of CPU 1's 2048: balanced
        Starved st = Starved.of(550_000);
        st.host().runFor(4 * SECOND);
        assertEquals(-1, st.firstOnCpu1()[0], "never moved");
        assertEquals(0, st.host().cfs().cpuOf(st.thread()));
    }

    @Test
    void anIdleCpuDoesNotPushTheOneThreadOfACpuWithNoCapacityByItself() {
        // CPU 0's interrupts take 95 % and its one thread may run on CPU 1, which runs nothing:
        // CPU 1's idle balancing (CPU_IDLE) finds the domain balanced, since its idle CPUs (1) are at
        // most CPU 0's (0) plus one and CPU 0 runs no more threads than its one CPU
        // (find_busiest_group), which resets the failures; a newly idle balance counts none. So the
        // thread stays, as in 3.10 (the model's idle CPU used to push it after three ticks)
        Host h = Host.of(2);
        Domain irq = new Domain("softirq");
        h.interrupt(irq, 0, THREAD, new SoftirqWork(irq, h.kernel(), MS, 950_000));
        // a thread bound to CPU 1 that never runs, so that the hog is placed on CPU 0
        Domain none = new Domain("none");
        h.thread(none, 0, 2, new Pinger(none, h.kernel(), 0, MS, 0, 0));
        Domain s = new Domain("s");
        Vcpu v = h.thread(s, 0, 3, new Hog(s));
        assertEquals(0, h.cfs().cpuOf(v));
        h.runFor(3 * SECOND);
        assertEquals(0, h.cfs().cpuOf(v), "never pushed");
        assertEquals(150 * MS, s.busyNanos(), 10 * MS);
    }

    @Test
    void aNewlyIdleCpuPullsAQueuedThreadAtOnce() {
        // two hogs that may run anywhere on CPU 0, CPU 1 busy with a bound thread's one 51 ms job: at
        // 51 ms CPU 1 is newly idle (idle_balance, avg_idle at its initial 1 ms), finds CPU 0 running
        // more than its capacity (force_balance) and pulls the queued hog (not cache-hot: CPU 0
        // switches at its ticks, every 4 ms), before its own next tick at 54 ms
        Host h = Host.of(2);
        Domain p = new Domain("p");
        Domain none = new Domain("none");
        h.thread(p, 0, 2, new Pinger(p, h.kernel(), 0, SECOND, 51 * MS, 1));
        h.thread(none, 0, 2, new Pinger(none, h.kernel(), 0, MS, 0, 0));
        Domain a = new Domain("a");
        Domain b = new Domain("b");
        Vcpu va = h.thread(a, 0, 3, new Hog(a));
        Vcpu vb = h.thread(b, 0, 3, new Hog(b));
        assertEquals(0, h.cfs().cpuOf(va));
        assertEquals(0, h.cfs().cpuOf(vb));
        int[] onCpu1 = new int[2];
        h.kernel().scheduleAt(new Event("sample") {
            @Override
            protected void fire() {
                onCpu1[0] = h.cfs().cpuOf(va) + h.cfs().cpuOf(vb);
            }
        }, 50 * MS + MS / 2);
        h.kernel().scheduleAt(new Event("sample") {
            @Override
            protected void fire() {
                onCpu1[1] = h.cfs().cpuOf(va) + h.cfs().cpuOf(vb);
            }
        }, 51 * MS + MS / 2);
        h.runFor(100 * MS);
        assertEquals(0, onCpu1[0], "both on CPU 0 while CPU 1 is busy");
        assertEquals(1, onCpu1[1], "one pulled when CPU 1 went idle");
    }

    /**
     * One CPU: a hog, and an interrupt context whose NET_RX work never ends (a flood NAPI never
     * catches up with), in polls of 64 frames, under the softirq rules of {@code softirqs}.
     */
    private record Flooded(Host host, Domain hog, Domain irq, Pinger pinger) {
        static Flooded of(LinuxScheduler.Settings softirqs) {
            Host h = Host.of(1);
            Domain hog = new Domain("hog");
            h.hog(hog, 0);
            Domain irq = new Domain("softirq");
            h.interrupt(irq, 0, softirqs, new EndlessPoll(irq, h.kernel()));
            Domain p = new Domain("pinger");
            Pinger pinger = new Pinger(p, h.kernel(), 500_000, 10 * MS, 20_000, SECOND);
            h.thread(p, 0, 1, pinger);
            return new Flooded(h, hog, irq, pinger);
        }
    }

    @Test
    void softirqWorkPastMaxSoftirqTimeGoesToKsoftirqdAFairThread() {
        // 3.10: an invocation restarts only within MAX_SOFTIRQ_TIME (2 ms: one 4 ms jiffy at HZ 250)
        // and while nothing is to be rescheduled, then wakes ksoftirqd, a nice-0 thread sharing the
        // CPU with the hog by CFS; each tick's irq_exit still runs the softirqs ksoftirqd waits for
        Flooded f = Flooded.of(THREAD.withLinux310Softirqs(2 * MS));
        f.host().runFor(SECOND);
        double hog = f.hog().busyNanos() / (double) SECOND;
        assertTrue(hog > 0.2 && hog < 0.5, "the hog's share beside the flood: " + hog);
        assertEquals(SECOND, f.hog().busyNanos() + f.irq().busyNanos() + f.pinger().length * f.pinger().done, MS);
        // ksoftirqd is preempted only between invocations, each at most a jiffy of passes: the
        // pinger waits for the invocation under way and its slice, never a whole period of the flood
        assertEquals(f.pinger().readyAt.size(), f.pinger().done);
        assertTrue(f.pinger().waitedMax < 10 * MS, "the pinger waited " + f.pinger().waitedMax);
    }

    @Test
    void softirqsOf2616RulesHoldTheCpuLonger() {
        // 2.6.16's rules (restarts whatever the time and need_resched) on the same host: each
        // invocation runs MAX_SOFTIRQ_RESTART passes of netdev_budget frames, about 15 ms, so the
        // interrupt context keeps the CPU longer: the hog gets less and the pinger waits longer
        Flooded old = Flooded.of(THREAD);
        old.host().runFor(SECOND);
        Flooded now = Flooded.of(THREAD.withLinux310Softirqs(2 * MS));
        now.host().runFor(SECOND);
        assertTrue(old.hog().busyNanos() < 0.7 * now.hog().busyNanos(),
                "2.6.16 rules " + old.hog().busyNanos() + " ns, 3.10 " + now.hog().busyNanos() + " ns");
        assertTrue(old.pinger().waitedMax > 2 * now.pinger().waitedMax,
                "the pinger waited " + old.pinger().waitedMax + " ns under 2.6.16's rules, " + now.pinger().waitedMax);
    }

    /** NET_RX work that always has more frames: polls of 64 frames in 320 us, a pass of netdev_budget 300 in 1.5 ms. */
    private static final class EndlessPoll extends Task {
        EndlessPoll(Domain d, Kernel k) {
            super(d.name() + ".poll", d, Context.NET_RX);
            // the NIC's one interrupt: NAPI keeps it off from then on
            k.scheduleAt(new Event("irq") {
                @Override
                protected void fire() {
                    wake();
                }
            }, 100_000);
        }

        @Override
        protected boolean hasWork(long now) {
            return true;
        }

        @Override
        protected double beginJob(long now) {
            netRxTook(64);
            return 320_000;
        }

        @Override
        protected void endJob(long start, long end) {
        }
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
