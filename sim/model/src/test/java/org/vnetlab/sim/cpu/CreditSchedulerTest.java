package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/** The credit scheduler's rules (XEN-FACTS.md) as observable behaviour. */
class CreditSchedulerTest {

    private static final CreditScheduler.Settings XEN = new CreditScheduler.Settings(10_000_000, 30_000_000, 3, 100);
    private static final long SECOND = 1_000_000_000L;

    /** Always has 1 ms of work. */
    private static class Hog extends Task {
        Hog(Domain d) {
            super("hog", d, Priority.CPU_HOG);
        }

        @Override
        protected boolean hasWork(long now) {
            return true;
        }

        @Override
        protected double beginJob(long now) {
            return 1_000_000;
        }

        @Override
        protected void endJob(long start, long end) {
        }
    }

    /** Wakes every period, works briefly; records how long each wake waited for the CPU. */
    private static final class Pinger extends Task {
        final Kernel kernel;
        long wokenAt = -1;
        long maxWait;
        int jobs;
        boolean pending;
        final Event tick = new Event(name() + ".tick") {
            @Override
            protected void fire() {
                pending = true;
                wokenAt = kernel.now();
                wake();
                kernel.scheduleAfter(this, 1_000_000);
            }
        };

        Pinger(Domain d, Kernel k) {
            super("pinger", d, Priority.IO_PROCESS);
            this.kernel = k;
        }

        @Override
        protected boolean hasWork(long now) {
            return pending;
        }

        @Override
        protected double beginJob(long now) {
            maxWait = Math.max(maxWait, now - wokenAt);
            pending = false;
            return 20_000;
        }

        @Override
        protected void endJob(long start, long end) {
            jobs++;
        }
    }

    private static void wake(Executor e) {
        e.tasks().forEach(Task::wake);
    }

    /** Two domains with one always-busy VCPU each, under a started scheduler. */
    private record TwoHogs(Kernel kernel, Domain a, Domain b) {
        static TwoHogs on(int cpus, int weightA, int weightB) {
            Kernel k = new Kernel();
            CreditScheduler s = new CreditScheduler(k, cpus, XEN);
            Domain a = new Domain("a");
            Domain b = new Domain("b");
            long anyCpu = (1L << cpus) - 1;
            Vcpu va = new Vcpu(k, "a0", 1.0, a, weightA, 0, anyCpu);
            Vcpu vb = new Vcpu(k, "b0", 1.0, b, weightB, 0, anyCpu);
            s.add(va, 0);
            s.add(vb, 0);
            va.add(new Hog(a));
            vb.add(new Hog(b));
            s.start();
            wake(va);
            wake(vb);
            return new TwoHogs(k, a, b);
        }
    }

    @Test
    void weightsSplitACpuBetweenHogs() {
        TwoHogs h = TwoHogs.on(1, 256, 512);
        Domain a = h.a();
        Domain b = h.b();
        h.kernel().runUntil(30 * SECOND);
        double ratio = (double) b.busyNanos() / a.busyNanos();
        assertEquals(2.0, ratio, 0.25, "b has twice a's weight");
        assertEquals(30 * SECOND, a.busyNanos() + b.busyNanos(), 0.01 * SECOND);
    }

    @Test
    void aWakingVcpuIsBoostedAndPreemptsAHog() {
        Kernel k = new Kernel();
        CreditScheduler s = new CreditScheduler(k, 1, XEN);
        Domain hogDomain = new Domain("hog");
        Domain io = new Domain("io");
        Vcpu vh = new Vcpu(k, "h0", 1.0, hogDomain, 256, 0, 1);
        Vcpu vi = new Vcpu(k, "i0", 1.0, io, 256, 0, 1);
        s.add(vh, 0);
        s.add(vi, 0);
        vh.add(new Hog(hogDomain));
        Pinger p = new Pinger(io, k);
        vi.add(p);
        s.start();
        wake(vh);
        // after the hog's first tick: its own start-up BOOST is gone by then
        k.scheduleAt(p.tick, 25_000_000);
        k.runUntil(5 * SECOND);
        assertTrue(p.jobs > 4900, "the pinger ran every millisecond: " + p.jobs);
        // without BOOST it would wait for the hog's 30 ms slice; boosted it waits at most the
        // hog's current 1 ms job (a VCPU switch pauses the job at once, so far less)
        assertTrue(p.maxWait < 1_000_000, "max wait " + p.maxWait + " ns");
    }

    @Test
    void aCapLimitsAHog() {
        Kernel k = new Kernel();
        CreditScheduler s = new CreditScheduler(k, 1, XEN);
        Domain capped = new Domain("capped");
        Vcpu v = new Vcpu(k, "c0", 1.0, capped, 256, 50, 1);
        s.add(v, 0);
        v.add(new Hog(capped));
        s.start();
        wake(v);
        k.runUntil(10 * SECOND);
        double share = capped.busyNanos() / (10.0 * SECOND);
        assertTrue(share > 0.4 && share < 0.6, "a 50 % cap gives about half a CPU: " + share);
    }

    @Test
    void twoVcpusOnTwoCpusRunInParallel() {
        TwoHogs h = TwoHogs.on(2, 256, 256);
        h.kernel().runUntil(SECOND);
        assertEquals(SECOND, h.a().busyNanos(), 0.02 * SECOND);
        assertEquals(SECOND, h.b().busyNanos(), 0.02 * SECOND);
    }

    /** Does 1 ms of work whenever kicked. */
    private static final class Worker extends Task {
        boolean kicked;

        Worker(Domain d) {
            super("worker", d, Priority.IO_PROCESS);
        }

        @Override
        protected boolean hasWork(long now) {
            return kicked;
        }

        @Override
        protected double beginJob(long now) {
            kicked = false;
            return 1_000_000;
        }

        @Override
        protected void endJob(long start, long end) {
        }
    }

    @Test
    void aJobWhoseStartWakesAVcpuThatTakesItsCpuIsNotChargedMeanwhile() {
        Kernel k = new Kernel();
        CreditScheduler s = new CreditScheduler(k, 1, XEN);
        Domain da = new Domain("a");
        Domain db = new Domain("b");
        Vcpu va = new Vcpu(k, "a0", 1.0, da, 256, 0, 1);
        Vcpu vb = new Vcpu(k, "b0", 1.0, db, 256, 0, 1);
        s.add(va, 0);
        s.add(vb, 0);
        Worker worker = new Worker(db);
        vb.add(worker);
        // each of a's jobs, as it takes its input, wakes b's worker: b is boosted and takes the
        // CPU for longer than a's job would have lasted
        va.add(new Hog(da) {
            @Override
            protected double beginJob(long now) {
                worker.kicked = true;
                worker.wake();
                return 500_000;
            }
        });
        s.start();
        wake(va);
        k.runUntil(SECOND);
        va.account();
        vb.account();
        assertTrue(db.busyNanos() > 0.1 * SECOND, "b ran: " + db.busyNanos());
        assertEquals(SECOND, da.busyNanos() + db.busyNanos(), 0.001 * SECOND, "one CPU, charged once");
    }
}
