package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.app.CpuBurner;
import org.vnetlab.sim.cpu.CreditScheduler.CreditPriority;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/** Xen 3.0.4's credit scheduler (sched_credit.c) as observable behaviour. */
class CreditSchedulerTest {

    private static final CreditScheduler.Settings XEN =
            new CreditScheduler.Settings(10_000_000, 30_000_000, 3, 100, true, true);
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** Always has 1 ms of work. */
    private static class Hog extends CpuHog {
        Hog(Domain d) {
            super("hog", d, MS);
        }
    }

    /** Jobs of given lengths, each ready at a given time. */
    private static final class Script extends Task {
        final Kernel kernel;
        final List<long[]> jobs = new ArrayList<>();
        int next;
        int ready;
        long waitedMax;
        long waitedLast;
        /** Where its wake-ups come from: by default no CPU's code (a remote wake-up). */
        Irq line = Irq.LOCAL;

        Script(Domain d, Kernel k) {
            super("script", d, Context.THREAD);
            this.kernel = k;
        }

        /** A job of {@code length} ns ready at {@code at}. */
        Script job(long at, long length) {
            jobs.add(new long[] {at, length});
            kernel.scheduleAt(new Event("script") {
                @Override
                protected void fire() {
                    ready++;
                    line.raise(Script.this);
                }
            }, at);
            return this;
        }

        /** A job of {@code length} ns every {@code period} from {@code from} until {@code until}. */
        Script every(long from, long period, long length, long until) {
            for (long t = from; t < until; t += period) {
                job(t, length);
            }
            return this;
        }

        @Override
        protected boolean hasWork(long now) {
            return ready > 0;
        }

        @Override
        protected double beginJob(long now) {
            ready--;
            long[] job = jobs.get(next++);
            waitedLast = now - job[0];
            waitedMax = Math.max(waitedMax, waitedLast);
            return job[1];
        }

        @Override
        protected void endJob(long start, long end) {
        }
    }

    /** A guest kernel's constants, its timer interrupt free so that only the tasks' work counts. */
    private static final LinuxScheduler.Settings GUEST = new LinuxScheduler.Settings(100, 0, 400_000, 300, 10, 0);

    /** Physical CPUs under the credit scheduler, each VCPU with its own one-CPU guest kernel. */
    private record Bed(Kernel kernel, CreditScheduler scheduler, List<LinuxScheduler> guests) {
        static Bed of(int cpus, CreditScheduler.Settings settings) {
            Kernel k = new Kernel();
            return new Bed(k, new CreditScheduler(k, cpus, settings), new ArrayList<>());
        }

        static Bed of(int cpus) {
            return of(cpus, XEN);
        }

        Vcpu vcpu(Domain d, int weight, int cap, int cpu) {
            Vcpu v = new Vcpu(kernel, d.name() + ".vcpu", 1.0, d, weight, cap, ~0L);
            scheduler.add(v, cpu);
            guests.add(new LinuxScheduler(kernel, d.name(), List.of(v), d, GUEST));
            return v;
        }

        /** Runs {@code t} as a thread of {@code v}'s guest. */
        Vcpu run(Vcpu v, Task t) {
            v.linux().spawn(t);
            return v;
        }

        Vcpu hog(Domain d, int cpu) {
            return run(vcpu(d, 256, 0, cpu), new Hog(d));
        }

        void start() {
            scheduler.start();
            guests.forEach(LinuxScheduler::start);
        }
    }

    @Test
    void weightsSplitACpuBetweenHogs() {
        Bed b = Bed.of(1);
        Domain a = new Domain("a");
        Domain c = new Domain("c");
        Vcpu va = b.vcpu(a, 256, 0, 0);
        Vcpu vc = b.vcpu(c, 512, 0, 0);
        b.run(va, new Hog(a));
        b.run(vc, new Hog(c));
        b.start();
        b.kernel().runUntil(30 * SECOND);
        assertEquals(2.0, (double) c.busyNanos() / a.busyNanos(), 0.25, "c has twice a's weight");
        assertEquals(30 * SECOND, a.busyNanos() + c.busyNanos(), 0.01 * SECOND);
    }

    @Test
    void weightIsPerDomainSoTwoBusyVcpusShareOneDomainsPart() {
        // Dom0 with two busy VCPUs beside two one-VCPU guests on two CPUs: each domain gets a
        // third of the machine; weighted per VCPU, Dom0 would get half of it
        Bed b = Bed.of(2);
        Domain dom0 = new Domain("dom0");
        Domain u1 = new Domain("domU1");
        Domain u2 = new Domain("domU2");
        b.hog(dom0, 0);
        b.hog(dom0, 1);
        b.hog(u1, 1);
        b.hog(u2, 0);
        b.start();
        b.kernel().runUntil(60 * SECOND);
        double third = 2 * 60 * SECOND / 3.0;
        assertEquals(third, dom0.busyNanos(), 0.05 * third, "Dom0, two VCPUs");
        assertEquals(third, u1.busyNanos(), 0.05 * third, "domU1");
        assertEquals(third, u2.busyNanos(), 0.05 * third, "domU2");
    }

    /** A VCPU that works 20 us every millisecond beside a hog on one CPU, for 5 s. */
    private static Script pingerBesideAHog(CreditScheduler.Settings settings) {
        Bed b = Bed.of(1, settings);
        Domain io = new Domain("io");
        b.hog(new Domain("hog"), 0);
        Vcpu vi = b.vcpu(io, 256, 0, 0);
        // from after the hog's first tick (its start-up BOOST is gone), between ticks (a VCPU
        // found running at a tick becomes active, spends credit and loses BOOST)
        Script pinger = new Script(io, b.kernel()).every(25_500_000, MS, 20_000, 5 * SECOND);
        b.run(vi, pinger);
        b.start();
        b.kernel().runUntil(5 * SECOND);
        return pinger;
    }

    /**
     * Domain {@code io}'s VCPU on CPU 0 of {@code b}, woken every millisecond for 20 us of work,
     * taking {@code wake} to switch in ({@code refill} of it for the caches), run for a second.
     */
    private static Script pingEveryMsForASecond(Bed b, Domain io, long wake, long refill) {
        Vcpu vi = b.vcpu(io, 256, 0, 0);
        vi.setWakeLatency(wake);
        vi.setCacheRefill(refill);
        Script pinger = new Script(io, b.kernel()).every(25_500_000, MS, 20_000, SECOND);
        b.run(vi, pinger);
        b.start();
        b.kernel().runUntil(SECOND);
        return pinger;
    }

    @Test
    void aSwitchFromAnotherVcpuIsChargedToTheIncomingOneAndAWakeFromIdleIsNot() {
        // a VCPU waking every millisecond for 20 us of work, taking 5 us to switch in: beside a
        // hog the CPU switches from the hog (xentop charges the switch to the pinger, so the
        // domains use the whole CPU); alone it resumes lazily from idle (the CPU leaves hlt: idle
        // time)
        long wake = 5_000;
        for (boolean besideAHog : new boolean[] {true, false}) {
            Bed b = Bed.of(1);
            Domain hog = new Domain("hog");
            Domain io = new Domain("io");
            if (besideAHog) {
                b.hog(hog, 0).setWakeLatency(wake);
            }
            long pings = pingEveryMsForASecond(b, io, wake, 0).next;
            long ioCpu = io.busyNanos();
            if (besideAHog) {
                assertEquals(SECOND, hog.busyNanos() + ioCpu, 0.001 * SECOND, "the domains use the whole CPU");
                assertTrue(ioCpu >= pings * (20_000 + wake), "the pinger pays its switches: " + ioCpu + " ns");
            } else {
                // its first pick switches from the idle VCPU's state; the CPU keeps its state after
                assertEquals(pings * 20_000 + wake, ioCpu, "the pinger's work and one switch: " + ioCpu + " ns");
            }
        }
    }

    @Test
    void aSwitchAfterABurnersLoopSkipsTheCacheRefillAndOneAfterCacheHungryWorkDoesNot() {
        // the pinger of the test above beside a CPU burner (a loop over registers) and beside a
        // hog whose work displaces caches: after the burner each switch in costs the wake latency
        // less the refill; after the hog the whole wake latency
        long wake = 5_000;
        long refill = 2_000;
        for (boolean besideABurner : new boolean[] {true, false}) {
            Bed b = Bed.of(1);
            Domain hog = new Domain("hog");
            Domain io = new Domain("io");
            Vcpu vh = b.vcpu(hog, 256, 0, 0);
            if (besideABurner) {
                CpuBurner burner = new CpuBurner("burner", hog, b.kernel(), 1);
                burner.start(0);
                b.run(vh, burner);
            } else {
                b.run(vh, new Hog(hog));
            }
            long pings = pingEveryMsForASecond(b, io, wake, refill).next;
            long switches = io.busyNanos() - pings * 20_000;
            if (besideABurner) {
                assertEquals(pings * (wake - refill), switches, wake, "each switch without the refill");
            } else {
                assertTrue(switches >= pings * wake, "each switch with the refill: " + switches + " ns");
            }
        }
    }

    @Test
    void aCacheRefillLongerThanTheWakeLatencyIsRefused() {
        Vcpu v = Bed.of(1).vcpu(new Domain("d"), 256, 0, 0);
        v.setWakeLatency(1_000);
        assertThrows(IllegalArgumentException.class, () -> v.setCacheRefill(2_000));
    }

    @Test
    void anIdleCpuResumesTheVcpuWhoseStateItKeptLazilyAndSwitchesForAnother() {
        // a VCPU works 20 us at 1 ms and at 3 ms on one CPU that idles in between, woken by an
        // interrupt that CPU takes; with another domain's VCPU working at 2 ms or not. The CPU
        // keeps the last VCPU's state while idle (context_switch): the first pick (from the idle
        // VCPU's state) and a pick after the other VCPU ran switch state, charged to the VCPU; a
        // pick of the VCPU the CPU still holds takes only the lazy latency, as idle time
        long wake = 5_000;
        long lazy = 1_000;
        for (boolean otherBetween : new boolean[] {false, true}) {
            Bed b = Bed.of(1);
            Domain a = new Domain("a");
            Domain other = new Domain("other");
            Vcpu va = b.vcpu(a, 256, 0, 0);
            Vcpu vo = b.vcpu(other, 256, 0, 0);
            for (Vcpu v : List.of(va, vo)) {
                v.setWakeLatency(wake);
                v.setLazyWakeLatency(lazy);
            }
            Script sa = new Script(a, b.kernel()).job(MS, 20_000).job(3 * MS, 20_000);
            b.run(va, sa);
            sa.line = b.scheduler().bindIrq(va);
            Script so = new Script(other, b.kernel());
            if (otherBetween) {
                so.job(2 * MS, 20_000);
            }
            b.run(vo, so);
            b.start();
            b.kernel().runUntil(2 * MS);
            assertEquals(wake, sa.waitedLast, "the first pick switches from the idle VCPU's state");
            b.kernel().runUntil(4 * MS);
            assertEquals(2, sa.next);
            if (otherBetween) {
                assertEquals(wake, sa.waitedLast, "the CPU holds the other VCPU's state");
                assertEquals(2 * (20_000 + wake), a.busyNanos(), "both switches charged to a");
            } else {
                assertEquals(lazy, sa.waitedLast, "the CPU kept a's state while idle");
                assertEquals(2 * 20_000 + wake, a.busyNanos(), "the lazy resume is idle time");
            }
        }
    }

    @Test
    void aLazyResumeWokenByAnotherCpuWaitsForTheIpi() {
        // the same VCPU with its CPU's state kept, woken by code of another CPU (CPU 1, busy with
        // a hog): the halted CPU 0 must take the reschedule IPI first, the wake latency, still as
        // idle time
        long wake = 5_000;
        Bed b = Bed.of(2);
        Domain a = new Domain("a");
        Domain h = new Domain("h");
        Vcpu va = b.vcpu(a, 256, 0, 0);
        Vcpu vh = b.vcpu(h, 256, 0, 0);
        va.setWakeLatency(wake);
        va.setLazyWakeLatency(1_000);
        Script sa = new Script(a, b.kernel()).job(MS, 20_000).job(3 * MS, 20_000);
        b.run(va, sa);
        b.run(vh, new Script(h, b.kernel()).job(0, 10 * MS));
        b.start();
        b.kernel().runUntil(2 * MS);
        sa.line = b.scheduler().bindIrq(vh);
        b.kernel().runUntil(4 * MS);
        assertEquals(2, sa.next);
        assertEquals(wake, sa.waitedLast, "the IPI to the halted CPU");
        assertEquals(2 * 20_000 + wake, a.busyNanos(), "only the first pick switched state");
    }

    @Test
    void aWakingVcpuIsBoostedAndPreemptsAHog() {
        Script pinger = pingerBesideAHog(XEN);
        assertEquals(pinger.jobs.size(), pinger.next, "the pinger ran every millisecond");
        // without BOOST it would wait for the hog's 30 ms slice; boosted it preempts at once
        assertTrue(pinger.waitedMax < MS, "max wait " + pinger.waitedMax + " ns");
    }

    @Test
    void withoutBoostAWakingVcpuWaitsBehindAnUnderHog() {
        Script pinger = pingerBesideAHog(new CreditScheduler.Settings(10_000_000, 30_000_000, 3, 100, false, true));
        assertTrue(pinger.waitedMax > 5 * MS, "an UNDER waker waits for the hog's slice: " + pinger.waitedMax);
    }

    @Test
    void theTickNeverPreemptsAnOverVcpuMidSlice() {
        // A runs from 0; B wakes BOOSTed at 15 ms and preempts it, starting a 30 ms slice. At the
        // accounting of 30 ms B turns OVER and A UNDER, but B keeps the CPU until 45 ms.
        Bed b = Bed.of(1);
        Domain da = new Domain("a");
        Domain db = new Domain("b");
        Vcpu va = b.hog(da, 0);
        Vcpu vb = b.vcpu(db, 256, 0, 0);
        b.run(vb, new Script(db, b.kernel()).job(15 * MS, SECOND));
        b.start();
        b.kernel().runUntil(31 * MS);
        assertEquals(CreditPriority.OVER, b.scheduler().priority(vb));
        assertEquals(CreditPriority.UNDER, b.scheduler().priority(va));
        b.kernel().runUntil(44 * MS);
        vb.account();
        assertEquals(29 * MS, db.busyNanos(), 0.1 * MS, "B ran from 15 ms on, through the tick at 30 ms");
        b.kernel().runUntil(50 * MS);
        vb.account();
        assertEquals(30 * MS, db.busyNanos(), 0.1 * MS, "and gave the CPU up when its slice ended at 45 ms");
    }

    @Test
    void aDomainIsOverFromTheAccountingThatMakesOneOfItsVcpusOverToTheOneThatLeavesNone() {
        // hogs on one CPU: two one-VCPU domains, whose credit swings about zero (OVER for some
        // accounting periods, UNDER for others), and a two-VCPU domain, its VCPUs each given half
        // its credit. Only an accounting (every 30 ms) makes a VCPU OVER or not, so a domain's
        // OVER time is what the priorities just after each accounting say
        Bed b = Bed.of(1);
        Domain[] domains = {new Domain("one"), new Domain("two"), new Domain("pair")};
        List<List<Vcpu>> vcpus = List.of(List.of(b.hog(domains[0], 0)), List.of(b.hog(domains[1], 0)),
                List.of(b.hog(domains[2], 0), b.hog(domains[2], 0)));
        b.start();
        long period = 30 * MS;
        int periods = 100;
        long[] expected = new long[domains.length];
        int[] overPeriods = new int[domains.length];
        for (int k = 1; k <= periods; k++) {
            b.kernel().runUntil(k * period + 1);
            // OVER from this accounting to the next, or, after the last, for the nanosecond run since
            long length = k < periods ? period : 1;
            for (int d = 0; d < domains.length; d++) {
                if (vcpus.get(d).stream().anyMatch(v -> b.scheduler().priority(v) == CreditPriority.OVER)) {
                    expected[d] += length;
                    overPeriods[d]++;
                }
            }
        }
        b.scheduler().chargeUntilNow();
        for (int d = 0; d < domains.length; d++) {
            assertEquals(expected[d], domains[d].overNanos(), domains[d] + ", OVER while any of its VCPUs is");
        }
        String counts = Arrays.toString(overPeriods);
        assertTrue(overPeriods[0] > 0 && overPeriods[0] < periods, "OVER some periods only: " + counts);
        assertTrue(overPeriods[2] > 0, "the pair's VCPUs OVER, counted once: " + counts);
    }

    @Test
    void accountingClearsTheBoostOfAnActiveVcpu() {
        // X is active (it ran through the tick at 10 ms). It wakes BOOSTed at 29 ms behind a
        // BOOSTed VCPU and is still queued at the accounting of 30 ms, which makes it UNDER.
        Bed b = Bed.of(1);
        Domain dx = new Domain("x");
        Domain dp = new Domain("p");
        Vcpu vx = b.vcpu(dx, 256, 0, 0);
        Vcpu vp = b.vcpu(dp, 256, 0, 0);
        b.run(vx, new Script(dx, b.kernel()).job(5 * MS, 10 * MS).job(29 * MS, MS));
        b.run(vp, new Script(dp, b.kernel()).job(28 * MS, 3 * MS));
        b.start();
        b.kernel().runUntil(29 * MS + 1000);
        assertEquals(CreditPriority.BOOST, b.scheduler().priority(vx), "boosted on waking");
        b.kernel().runUntil(30 * MS + 1000);
        assertEquals(CreditPriority.UNDER, b.scheduler().priority(vx), "not boosted after the accounting");
    }

    @Test
    void sevenHogsOnOneCpuEarnACreditMoreThanTheyBurnEachAccounting() {
        // csched_acct rounds each domain's fair share up: 300 x 256 / 1792 is 42.9, so seven
        // hogs earn 7 x 43 = 301 credits a period and burn 300 (three ticks): their sum drifts up
        // by one a period until a hog above one slice's worth is reset to 0. This drift is why,
        // beside seven burners, ever more of them are UNDER ahead of a waker the longer a run goes.
        Bed b = Bed.of(1);
        List<Vcpu> hogs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            hogs.add(b.hog(new Domain("hog" + i), 0));
        }
        b.start();
        int periods = 50;
        // once every hog has run (the first accountings find some not yet active), half a
        // millisecond after an accounting (every third tick, ticks every 10 ms)
        long first = 10 * 30 * MS + MS / 2;
        b.kernel().runUntil(first);
        long before = creditSum(b, hogs);
        b.kernel().runUntil(first + periods * 30 * MS);
        long after = creditSum(b, hogs);
        assertEquals(periods, after - before, "credits earned beyond those burned over " + periods + " accountings");
    }

    private static long creditSum(Bed b, List<Vcpu> vcpus) {
        return vcpus.stream().mapToLong(v -> b.scheduler().credit(v)).sum();
    }

    @Test
    void theCreditBalanceIsPulledBackTowardsZero() {
        // An I/O VCPU that is now and then caught running at a tick earns credit it never spends
        // and loses it when it goes above a slice's worth; the debt that leaves in the sum is
        // handed out again at the next accounting, so the hog does not sink to OVER for good.
        Bed b = Bed.of(1);
        Domain dh = new Domain("hog");
        Domain di = new Domain("io");
        Vcpu vh = b.hog(dh, 0);
        Vcpu vi = b.vcpu(di, 256, 0, 0);
        b.run(vi, new Script(di, b.kernel()).every(9_500_000, 170 * MS, MS, 20 * SECOND));
        b.start();
        int over = 0;
        int accountings = 0;
        long previous = 0;
        for (long t = 35 * MS; t < 20 * SECOND; t += 30 * MS) {
            b.kernel().runUntil(t);
            accountings++;
            if (b.scheduler().priority(vh) == CreditPriority.OVER) {
                over++;
            }
            long balance = b.scheduler().creditBalance();
            if (previous < 0) {
                assertTrue(balance >= 0, "a debt of " + previous + " is handed out again, but the balance is " + balance);
            }
            previous = balance;
        }
        // while the I/O VCPU earns, the hog is OVER; otherwise it is back at 0 (without the
        // feedback it would stay at -300, OVER for good)
        assertTrue(over < accountings * 0.6, "the hog was OVER after " + over + " of " + accountings + " accountings");
    }

    @Test
    void aWakeThatPreemptsABusyCpuLetsAnIdleCpuTakeThePreempted() {
        // W wakes BOOSTed on CPU 0, where hog H runs UNDER (its start-up BOOST went at the tick
        // of 10 ms): W preempts H, and idle CPU 1 is tickled too and steals H, so H loses no time
        Bed b = Bed.of(2);
        Domain dh = new Domain("h");
        Domain dw = new Domain("w");
        Vcpu vh = b.hog(dh, 0);
        Vcpu vw = b.vcpu(dw, 256, 0, 0);
        b.run(vw, new Script(dw, b.kernel()).job(15 * MS, 20 * MS));
        b.start();
        b.kernel().runUntil(40 * MS);
        vh.account();
        vw.account();
        assertEquals(40 * MS, dh.busyNanos(), 0.1 * MS, "the hog kept running, on the other CPU");
        assertEquals(20 * MS, dw.busyNanos(), 0.1 * MS);
        assertEquals(1, b.scheduler().processor(vh));
    }

    @Test
    void aBoostedVcpuWaitsBehindAnotherOnItsCpuWhileAnUnderHogKeepsTheOther() {
        // rtt domU-burned's slow regime (docs/MODEL.md, "Beside a burner"): A and B live on CPU
        // 0, hog H runs UNDER on CPU 1. B wakes BOOSTed at 29 ms while A, BOOSTed, runs: not
        // strictly better, so A keeps CPU 0, and no CPU is idle to be tickled (__runq_tickle). The
        // tick of 30 ms takes A's BOOST but never preempts; H's slice ends just after it and finds
        // H UNDER at its queue's head, so CPU 1 steals nothing (csched_schedule). B waits until A
        // blocks.
        Bed b = Bed.of(2);
        Domain dh = new Domain("h");
        Domain da = new Domain("a");
        Domain db = new Domain("b");
        Vcpu vh = b.hog(dh, 1);
        Vcpu va = b.vcpu(da, 256, 0, 0);
        Vcpu vb = b.vcpu(db, 256, 0, 0);
        b.run(va, new Script(da, b.kernel()).job(28 * MS, 4 * MS));
        Script sb = new Script(db, b.kernel()).job(29 * MS, MS);
        b.run(vb, sb);
        b.start();
        b.kernel().runUntil(40 * MS);
        vh.account();
        assertEquals(3 * MS, sb.waitedMax, 0.1 * MS, "B waited for A to block at 32 ms");
        assertEquals(40 * MS, dh.busyNanos(), 0.1 * MS, "H kept CPU 1 throughout");
        assertEquals(List.of(0, 0, 1), List.of(b.scheduler().processor(va), b.scheduler().processor(vb),
                b.scheduler().processor(vh)));
    }

    @Test
    void aDeviceInterruptOnAnIdleCpuLetsThatCpuStealTheVcpuItWakes() {
        // Dom0's VCPU 0, blocked, last ran on CPU 1, where hog H runs UNDER; CPU 0 is idle and
        // takes the NIC's interrupt. The interrupt wakes VCPU 0 BOOSTed: __runq_tickle raises
        // the scheduling softirq on CPU 1 (VCPU 0 is better than H) and on idle CPU 0. CPU 0
        // handles its own first, as the interrupt returns: it steals VCPU 0, and CPU 1 keeps H.
        List<Integer> placed = wakeBesideAHogOnCpu1(true);
        assertEquals(List.of(0, 1), placed, "VCPU 0 on CPU 0, H stayed on CPU 1");
    }

    @Test
    void anIdleGuestsOwnTimerIsTakenByTheCpuItWasCreatedOnWhichPullsItBack() {
        // W, created on CPU 0, wakes at 11 ms BOOSTed behind X (BOOSTed too) on CPU 0, so idle CPU 1
        // steals it; it blocks there at 12 ms. From 30 ms H keeps CPU 1 busy while CPU 0 idles.
        // W's kernel timer (cache_reap) expires at 55 ms, so Xen's one-shot fires at the jiffy of
        // 60 ms, on CPU 0, where sched_init_vcpu bound it: CPU 0 reschedules first and steals W,
        // and H keeps CPU 1 (were it taken by W's current CPU, W would preempt H there)
        Bed b = Bed.of(2);
        Domain dx = new Domain("x");
        Domain dw = new Domain("w");
        Domain dh = new Domain("h");
        Vcpu vx = b.vcpu(dx, 256, 0, 0);
        Vcpu vw = b.vcpu(dw, 256, 0, 0);
        Vcpu vh = b.vcpu(dh, 256, 0, 1);
        b.run(vx, new Script(dx, b.kernel()).job(10 * MS + MS / 2, 2 * MS));
        b.run(vw, new Script(dw, b.kernel()).job(11 * MS, MS));
        b.run(vh, new Script(dh, b.kernel()).job(30 * MS, 100 * MS));
        vw.setIdleTimer(SECOND, 55 * MS);
        b.start();
        b.kernel().runUntil(20 * MS);
        assertEquals(1, b.scheduler().processor(vw), "W was stolen by CPU 1");
        b.kernel().runUntil(61 * MS);
        assertEquals(List.of(0, 1), List.of(b.scheduler().processor(vw), b.scheduler().processor(vh)),
                "W back on CPU 0, H still on CPU 1");
        b.kernel().runUntil(130 * MS);
        vh.account();
        assertEquals(100 * MS, dh.busyNanos(), 0.1 * MS, "H's work was never held up");
    }

    @Test
    void aBlockedGuestWakesForItsKernelsPeriodicTimer() {
        // each wake runs the guest's timer interrupt and blocks again; expiries at 25, 325, 625
        // and 925 ms against one at 25 ms; a guest without such a timer sleeps through
        long one = timerWork(2 * SECOND);
        assertTrue(one > 0, "the wake at 30 ms ran the guest's timer interrupt");
        assertEquals(4 * one, timerWork(300 * MS));
        assertEquals(0, timerWork(0));
    }

    /** CPU time a guest, blocked after a first job, spends in a second on the wakes of its kernel's timer of {@code period}. */
    private static long timerWork(long period) {
        return timerWork(v -> v.setIdleTimer(period, 25 * MS));
    }

    /** CPU time a guest, blocked after a first job, spends in a second on the wakes of the timer {@code timer} sets. */
    private static long timerWork(Consumer<Vcpu> timer) {
        Kernel k = new Kernel();
        CreditScheduler xen = new CreditScheduler(k, 1, XEN);
        Domain d = new Domain("w");
        Vcpu v = new Vcpu(k, "w.vcpu", 1.0, d, 256, 0, ~0L);
        xen.add(v, 0);
        LinuxScheduler guest = new LinuxScheduler(k, "w", List.of(v), d,
                new LinuxScheduler.Settings(100, 1000, 400_000, 300, 10, 0));
        guest.spawn(new Script(d, k).job(MS, 100_000));
        timer.accept(v);
        xen.start();
        guest.start();
        k.runUntil(SECOND);
        v.account();
        return d.busyNanos() - 100_000;
    }

    @Test
    void aBlockedDom0WakesForItsBridgesCollectorEveryTenthOfASecond() {
        // br_fdb_cleanup re-arms itself at jiffies + HZ/10: expiries at 30, 130, ..., 930 ms, ten
        // wakes in a second where the 2 s cache_reap alone gives one
        long one = timerWork(2 * SECOND);
        assertEquals(10 * one, timerWork(v -> v.setRearmedTimer(100 * MS, 30 * MS)));
    }

    @Test
    void aRearmedKernelTimerHeldInTheRunQueueCountsItsNextPeriodFromWhenItRan() {
        // without BOOST, W's wake at its timer's 50 ms expiry waits behind the hog's slice (30 to
        // 60 ms); the handler runs in the jiffy of 60 ms and re-arms at 160 ms, not at 150
        CreditScheduler.Settings noBoost = new CreditScheduler.Settings(10_000_000, 30_000_000, 3, 100, false, true);
        Bed b = Bed.of(1, noBoost);
        b.hog(new Domain("h"), 0);
        Domain dw = new Domain("w");
        Vcpu w = b.run(b.vcpu(dw, 256, 0, 0), new Script(dw, b.kernel()).job(MS, 100_000));
        w.setRearmedTimer(100 * MS, 50 * MS);
        b.start();
        b.kernel().runUntil(55 * MS);
        assertEquals(50 * MS, w.rearmedTimerExpiry(), "due, not yet run: W waits behind the hog");
        b.kernel().runUntil(70 * MS);
        assertEquals(160 * MS, w.rearmedTimerExpiry());
    }

    @Test
    void eachCpuTicksAtAPhaseOfItsOwn() {
        // CPU 1's first tick at 3 ms debits its hog then; CPU 0's hog waits for 10 ms
        Bed b = Bed.of(2);
        Vcpu first = b.hog(new Domain("a"), 0);
        Vcpu second = b.hog(new Domain("b"), 1);
        b.scheduler().setTickPhase(1, 3 * MS);
        b.start();
        b.kernel().runUntil(4 * MS);
        assertEquals(List.of(0, -100), List.of(b.scheduler().credit(first), b.scheduler().credit(second)));
        b.kernel().runUntil(14 * MS);
        assertEquals(List.of(-100, -200), List.of(b.scheduler().credit(first), b.scheduler().credit(second)));
    }

    /** Softirq work that logs when each job starts. */
    private static class Logged extends Task {
        final List<String> log;
        int jobs;

        Logged(String name, Domain d, Context c, List<String> log, int jobs) {
            super(name, d, c);
            this.log = log;
            this.jobs = jobs;
        }

        @Override
        protected boolean hasWork(long now) {
            return jobs > 0;
        }

        @Override
        protected double beginJob(long now) {
            jobs--;
            log.add(name());
            if (context() == Context.NET_RX) {
                // a poll that takes the pass's whole budget: the tasklets come next
                netRxTook(netRxBudget());
            }
            return 50_000;
        }

        @Override
        protected void endJob(long start, long end) {
        }
    }

    @Test
    void aTaskletCutShortByAHypercallGoesOnBeforeTheNextPoll() {
        // Dom0's tasklet T wakes guest G (BOOSTed) on Dom0's own CPU at the end of its first job,
        // which switches Dom0 out at the hypercall's exit; when Dom0 runs again T goes on before the
        // NAPI poll P that was pending beside it
        Bed b = Bed.of(1);
        Domain dom0 = new Domain("dom0");
        Domain dg = new Domain("g");
        Vcpu v0 = b.vcpu(dom0, 256, 0, 0);
        Vcpu vg = b.vcpu(dg, 256, 0, 0);
        List<String> log = new ArrayList<>();
        Script guest = new Script(dg, b.kernel());
        b.run(vg, guest);
        Logged poll = new Logged("P", dom0, Context.NET_RX, log, 3);
        Logged tasklet = new Logged("T", dom0, Context.TASKLET, log, 2) {
            @Override
            protected void endJob(long start, long end) {
                if (jobs == 1) {
                    guest.jobs.add(new long[] {end, 100_000});
                    guest.ready++;
                    guest.wake();
                }
            }

            @Override
            protected boolean resumesAtOnce() {
                return jobs == 1;
            }
        };
        v0.add(poll);
        v0.add(tasklet);
        // Dom0 busy through its first tick, so it has lost its start-up BOOST when T wakes G
        b.run(v0, new Script(dom0, b.kernel()).job(0, 30 * MS));
        b.start();
        b.kernel().runUntil(15 * MS);
        poll.wake();
        tasklet.wake();
        b.kernel().runUntil(20 * MS);
        assertEquals(List.of("P", "T", "T", "P", "P"), log);
    }

    @Test
    void aNotifyFromABusyCpuLetsThatCpuRescheduleFirst() {
        // the same wake executed by CPU 1 (H's code notifies VCPU 0's event channel): CPU 1
        // handles its softirq first, VCPU 0 preempts H there, and idle CPU 0 steals H
        List<Integer> placed = wakeBesideAHogOnCpu1(false);
        assertEquals(List.of(1, 0), placed, "VCPU 0 on CPU 1, H moved to CPU 0");
    }

    /**
     * Dom0's VCPU 1 idles on CPU 0, where it bound the NIC's interrupt; VCPU 0 (blocked) and
     * hog H share CPU 1. At 15 ms VCPU 0's thread gets work, by the NIC's interrupt or by H's
     * code on CPU 1. Returns VCPU 0's and H's CPU at 20 ms.
     */
    private static List<Integer> wakeBesideAHogOnCpu1(boolean byDevice) {
        Bed b = Bed.of(2);
        Domain dom0 = new Domain("dom0");
        Domain dh = new Domain("h");
        Irq nic = b.scheduler().bindIrq(b.vcpu(dom0, 256, 0, 0));
        Vcpu v0 = b.vcpu(dom0, 256, 0, 1);
        Script woken = new Script(dom0, b.kernel());
        b.run(v0, woken);
        Vcpu vh = b.run(b.vcpu(dh, 256, 0, 1), new Hog(dh) {
            boolean notified;

            @Override
            protected double beginJob(long now) {
                if (!byDevice && !notified && now >= 15 * MS) {
                    notified = true;
                    woken.jobs.add(new long[] {now, 10 * MS});
                    woken.ready++;
                    woken.wake();
                }
                return super.beginJob(now);
            }
        });
        if (byDevice) {
            woken.jobs.add(new long[] {15 * MS, 10 * MS});
            b.kernel().scheduleAt(new Event("nic.irq") {
                @Override
                protected void fire() {
                    woken.ready++;
                    nic.raise(woken);
                }
            }, 15 * MS);
        }
        b.start();
        b.kernel().runUntil(20 * MS);
        assertEquals(1, woken.next, "VCPU 0's job began");
        assertTrue(woken.waitedMax < 0.1 * MS, "at once: " + woken.waitedMax + " ns");
        return List.of(b.scheduler().processor(v0), b.scheduler().processor(vh));
    }

    @Test
    void anIdleCpuLooksForWorkEverySlice() {
        // two hogs queued on CPU 0, CPU 1 idle and never tickled: within one idle slice CPU 1
        // steals the waiting hog
        Bed b = Bed.of(2, new CreditScheduler.Settings(10_000_000, 30_000_000, 3, 100, true, false));
        Domain d1 = new Domain("a");
        Domain d2 = new Domain("b");
        b.hog(d1, 0);
        b.hog(d2, 0);
        b.start();
        b.kernel().runUntil(SECOND);
        assertTrue(d1.busyNanos() + d2.busyNanos() > 1.9 * SECOND, "both CPUs busy after the first 30 ms: "
                + (d1.busyNanos() + d2.busyNanos()));
    }

    @Test
    void noCpuIdlesWhileAVcpuWaits() {
        // three VCPUs that each want two thirds of a CPU in 1 ms bursts, BOOSTed as they wake:
        // the credit scheduler is work-conserving, so at no moment does a CPU idle while a VCPU
        // with work waits for one
        Bed b = Bed.of(2);
        List<Vcpu> vcpus = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Domain d = new Domain("d" + i);
            Vcpu v = b.vcpu(d, 256, 0, i % 2);
            b.run(v, new Script(d, b.kernel()).every(i * 700_000L, 1_500_000, MS, 10 * SECOND));
            vcpus.add(v);
        }
        b.start();
        int samples = 0;
        for (long t = 0; t < 10 * SECOND; t += 7_000) {
            b.kernel().runUntil(t);
            long running = vcpus.stream().filter(Vcpu::holdsCpu).count();
            long waiting = vcpus.stream().filter(v -> !v.holdsCpu() && v.hasRunnable()).count();
            assertTrue(waiting == 0 || running == 2, "at " + t + " ns: " + waiting + " VCPUs wait, "
                    + running + " of 2 CPUs busy");
            samples++;
        }
        assertTrue(samples > 1_000_000);
    }

    @Test
    void aVcpuPreemptedWhileItsJobTakesInputIsChargedNothingMeanwhile() {
        // every job of A's thread, as it takes its input, wakes B's thread, whose VCPU wakes
        // BOOSTed and takes the one physical CPU from A: A's job must wait, not run beside B
        Bed b = Bed.of(1);
        Domain da = new Domain("a");
        Domain db = new Domain("b");
        Script poked = new Script(db, b.kernel());
        Vcpu va = b.vcpu(da, 256, 0, 0);
        Vcpu vb = b.vcpu(db, 256, 0, 0);
        b.run(vb, poked);
        b.run(va, new Hog(da) {
            @Override
            protected double beginJob(long now) {
                poked.jobs.add(new long[] {now, 50_000});
                poked.ready++;
                poked.wake();
                return super.beginJob(now);
            }
        });
        b.start();
        b.kernel().runUntil(SECOND);
        va.account();
        vb.account();
        assertTrue(poked.next > 100, "B ran " + poked.next + " times");
        assertEquals(SECOND, da.busyNanos() + db.busyNanos(), 0.001 * SECOND, "one CPU's second, no more");
    }

    @Test
    void aCapLimitsAHog() {
        Bed b = Bed.of(1);
        Domain capped = new Domain("capped");
        Vcpu v = b.vcpu(capped, 256, 50, 0);
        b.run(v, new Hog(capped));
        b.start();
        b.kernel().runUntil(10 * SECOND);
        double share = capped.busyNanos() / (10.0 * SECOND);
        assertTrue(share > 0.4 && share < 0.6, "a 50 % cap gives about half a CPU: " + share);
    }

    @Test
    void twoVcpusOnTwoCpusRunInParallel() {
        Bed b = Bed.of(2);
        Domain a = new Domain("a");
        Domain c = new Domain("c");
        b.hog(a, 0);
        b.hog(c, 0);
        b.start();
        b.kernel().runUntil(SECOND);
        assertEquals(SECOND, a.busyNanos(), 0.02 * SECOND);
        assertEquals(SECOND, c.busyNanos(), 0.02 * SECOND);
    }

    @Test
    void guestsStartWhereXenPutsThem() {
        Bed b = Bed.of(2);
        Domain dom0 = new Domain("dom0");
        Vcpu d0 = new Vcpu(b.kernel(), "d0", 1, dom0, 256, 0, ~0L);
        Vcpu d1 = new Vcpu(b.kernel(), "d1", 1, dom0, 256, 0, ~0L);
        b.scheduler().addDom0(List.of(d0, d1));
        Vcpu u1 = new Vcpu(b.kernel(), "u1", 1, new Domain("u1"), 256, 0, ~0L);
        Vcpu u2 = new Vcpu(b.kernel(), "u2", 1, new Domain("u2"), 256, 0, ~0L);
        b.scheduler().addGuest(List.of(u1));
        b.scheduler().addGuest(List.of(u2));
        assertEquals(List.of(0, 1, 1, 0), List.of(b.scheduler().processor(d0), b.scheduler().processor(d1),
                b.scheduler().processor(u1), b.scheduler().processor(u2)));
    }
}
