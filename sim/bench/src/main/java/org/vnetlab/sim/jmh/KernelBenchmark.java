package org.vnetlab.sim.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;

/**
 * The kernel's event heap in the hold model: {@code pending} events are scheduled; each one,
 * when it fires, schedules itself again a random delay later. An operation is one event fired
 * and rescheduled: taking the earliest from the 4-ary heap and putting it back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {

    /** Events fired per invocation. */
    static final int BATCH = 1024;
    private static final int DELAYS = 4096;

    @Param({"1000", "100000"})
    int pending;

    Kernel kernel;
    private final long[] delays = new long[DELAYS];
    private long target;

    /** An event that schedules itself again when it fires, and stops the kernel after the batch. */
    private final class Hold extends Event {
        Hold() {
            super("hold");
        }

        @Override
        protected void fire() {
            long fired = kernel.eventsFired();
            if (fired == target) {
                kernel.stop();
            }
            kernel.scheduleAfter(this, delays[(int) (fired & (DELAYS - 1))]);
        }
    }

    @Setup
    public void setUp() {
        kernel = new Kernel();
        RandomStream random = new RandomStream(1, "kernel-benchmark");
        // exponential delays with a mean of one event time per pending event: a steady heap
        for (int i = 0; i < DELAYS; i++) {
            delays[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * pending);
        }
        for (int i = 0; i < pending; i++) {
            kernel.scheduleAt(new Hold(), delays[i & (DELAYS - 1)] * (i % 7 + 1));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long fireAndReschedule() {
        target = kernel.eventsFired() + BATCH;
        kernel.runUntil(Long.MAX_VALUE - 1);
        return kernel.eventsFired();
    }
}
