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
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * Moving packets as trains: a producer offers {@link #PACKETS} packets in trains of
 * {@code train}, a job takes them 16 at a time into the next queue, and a consumer drains it
 * (a train of 1 is exact timing's packet by packet). An operation is one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketQueueBenchmark {

    static final int PACKETS = 1024;
    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);

    @Param({"1", "64"})
    int train;

    PacketQueue source;
    PacketQueue ring;
    private final Train out = new Train();
    private long clock;
    private long seq;

    @Setup
    public void setUp() {
        source = PacketQueue.unbounded("source");
        ring = new PacketQueue("ring", 1 << 20);
        out.of(UDP4, 1470, 0);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public int queueToQueue() {
        for (int sent = 0; sent < PACKETS; sent += train) {
            source.offer(out.readyAt(clock).readyEvery(100).stampedAt(clock).stampedEvery(100).seq(seq).count(train));
            clock += 100L * train;
            seq += train;
        }
        while (!source.isEmpty()) {
            source.moveHeadTo(ring, Math.min(16, source.headCount()), clock, 10);
        }
        int drained = 0;
        while (!ring.isEmpty()) {
            int n = ring.headCount();
            ring.removeHead(n);
            drained += n;
        }
        return drained;
    }
}
