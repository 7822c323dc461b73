package org.vnetlab.sim.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.CreditScheduler;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.LinuxScheduler;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.cpu.Vcpu;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * The Xen credit scheduler with {@code vcpus} VCPUs on two physical CPUs, each VCPU woken by a
 * timer to do a short job and block again, so the scheduler wakes, boosts, preempts and
 * blocks VCPUs all the time, with ticks and accounting in between; the CPUs are a fifth busy
 * whatever the number of VCPUs. An operation is one millisecond of virtual time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CreditSchedulerBenchmark {

    static final long MILLI = 1_000_000L;
    private static final long JOB_NANOS = 20_000;

    @Param({"2", "66"})
    int vcpus;

    Kernel kernel;

    /** Wakes every {@code period} ns and works {@link #JOB_NANOS}. */
    static final class Ticker extends Task {
        private final Kernel kernel;
        private final long period;
        private boolean due;
        long jobs;
        private final Event timer;

        Ticker(Domain d, Kernel kernel, long period, long phase) {
            super(d.name() + ".ticker", d, Context.THREAD);
            this.kernel = kernel;
            this.period = period;
            this.timer = new Event(d.name() + ".timer") {
                @Override
                protected void fire() {
                    due = true;
                    wake();
                    kernel.scheduleAfter(this, Ticker.this.period);
                }
            };
            kernel.scheduleAt(timer, phase);
        }

        @Override
        protected boolean hasWork(long now) {
            return due;
        }

        @Override
        protected double beginJob(long now) {
            due = false;
            return JOB_NANOS;
        }

        @Override
        protected void endJob(long start, long end) {
            jobs++;
        }
    }

    @Setup
    public void setUp() {
        kernel = new Kernel();
        CreditScheduler scheduler = new CreditScheduler(kernel, 2,
                new CreditScheduler.Settings(10 * MILLI, 30 * MILLI, 3, 100, true, true));
        // each guest kernel as Xen 3.0.4's: HZ 100, its timer tick costing nothing here
        LinuxScheduler.Settings guestKernel = new LinuxScheduler.Settings(100, 0, 400_000, 300, 10, 0);
        List<LinuxScheduler> guests = new ArrayList<>();
        // each CPU a fifth busy: vcpus/2 VCPUs per CPU, each 20 us of work per period
        long period = JOB_NANOS * 5 * vcpus / 2;
        for (int i = 0; i < vcpus; i++) {
            Domain d = new Domain("d" + i);
            Vcpu v = new Vcpu(kernel, "d" + i + ".vcpu0", 1.0, d, 256, 0, 3);
            scheduler.addGuest(List.of(v));
            LinuxScheduler guest = new LinuxScheduler(kernel, d.name(), List.of(v), d, guestKernel);
            guest.spawn(new Ticker(d, kernel, period, period * i / vcpus));
            guests.add(guest);
        }
        scheduler.start();
        guests.forEach(LinuxScheduler::start);
    }

    @Benchmark
    public long oneMillisecond() {
        kernel.runUntil(kernel.now() + MILLI);
        return kernel.eventsFired();
    }
}
