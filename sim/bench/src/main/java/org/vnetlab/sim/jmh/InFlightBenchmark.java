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
import org.vnetlab.sim.packet.TimedTrains;
import org.vnetlab.sim.packet.Train;

/**
 * Frames in flight on a wire shared by {@code flows} senders whose trains interleave, handed on
 * to the receiving ring in the order they arrive ({@link TimedTrains}): one sender's train goes
 * whole, many senders' are split frame by frame. An operation is one frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InFlightBenchmark {

    static final int PACKETS = 1024;
    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);

    @Param({"1", "32"})
    int flows;

    TimedTrains wire;
    PacketQueue ring;
    private final Train out = new Train();
    private long clock;
    private long seq;

    @Setup
    public void setUp() {
        wire = new TimedTrains();
        ring = new PacketQueue("ring", 1 << 20);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long interleavedOnAWire() {
        // each sender's trains are paced so that the senders' frames alternate in time
        int perFlow = PACKETS / flows;
        for (int f = 0; f < flows; f++) {
            wire.add(out.of(UDP4, 1470, f).readyAt(clock + f).readyEvery(flows).seq(seq).count(perFlow));
        }
        clock += (long) perFlow * flows;
        seq += perFlow;
        long moved = wire.moveBy(clock, ring);
        while (!ring.isEmpty()) {
            ring.removeHead(ring.headCount());
        }
        return moved;
    }
}
