package org.vnetlab.sim.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each benchmark does the work it claims, once, without JMH (JMH runs them from benchmarks.jar). */
class BenchmarksTest {

    @Test
    void theKernelBenchmarkFiresABatchAndKeepsTheHeapFull() {
        KernelBenchmark b = new KernelBenchmark();
        b.pending = 1000;
        b.setUp();
        assertEquals(KernelBenchmark.BATCH, b.fireAndReschedule());
        assertEquals(2L * KernelBenchmark.BATCH, b.fireAndReschedule());
        assertTrue(b.kernel.nextEventTime() < Long.MAX_VALUE);
    }

    @Test
    void thePacketQueueBenchmarkMovesEveryPacket() {
        for (int train : new int[] {1, 64}) {
            PacketQueueBenchmark b = new PacketQueueBenchmark();
            b.train = train;
            b.setUp();
            assertEquals(PacketQueueBenchmark.PACKETS, b.queueToQueue());
            assertTrue(b.source.isEmpty() && b.ring.isEmpty());
        }
    }

    @Test
    void theInFlightBenchmarkHandsOnEveryFrameInArrivalOrder() {
        for (int flows : new int[] {1, 32}) {
            InFlightBenchmark b = new InFlightBenchmark();
            b.flows = flows;
            b.setUp();
            assertEquals(InFlightBenchmark.PACKETS, b.interleavedOnAWire());
            assertTrue(b.wire.isEmpty() && b.ring.isEmpty());
        }
    }

    @Test
    void theSchedulerBenchmarkRunsEveryVcpusJobs() {
        CreditSchedulerBenchmark b = new CreditSchedulerBenchmark();
        b.vcpus = 66;
        b.setUp();
        for (int i = 0; i < 10; i++) {
            b.oneMillisecond();
        }
        assertEquals(10 * CreditSchedulerBenchmark.MILLI, b.kernel.now());
        // 66 VCPUs, each woken every 3.3 ms for 20 us: about 200 jobs in 10 ms, each a few events
        assertTrue(b.kernel.eventsFired() > 400, "events " + b.kernel.eventsFired());
    }
}
