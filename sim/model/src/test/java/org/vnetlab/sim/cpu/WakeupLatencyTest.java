package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * A process sleeping on its socket, woken on an idle CPU, runs one wake-up latency after its
 * input was ready. With trains a producer on another CPU hands a part's packets over when the
 * part ends, stamped back to when each was done; the latency runs from that stamp, as it would
 * had the packet come by itself, and input stamped before the CPU went idle is found at once.
 */
class WakeupLatencyTest {

    private static final long LATENCY = 20_000;
    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);

    /** Reads one packet per job from its socket; remembers when its first job began. */
    private static final class Reader extends Task {
        final PacketQueue socket = new PacketQueue("socket", 100);
        long began = -1;

        Reader() {
            super("reader", new Domain("guest"), Priority.IO_PROCESS);
            socket.onNonEmpty(this::wake);
        }

        @Override
        protected boolean hasWork(long now) {
            return !socket.isEmpty();
        }

        @Override
        protected double beginJob(long now) {
            if (began < 0) {
                began = now;
            }
            socket.removeHead(1);
            return 1_000;
        }

        @Override
        protected void endJob(long start, long end) {
        }

        @Override
        protected long inputReadySince(long now) {
            return socket.readySince(now);
        }

        @Override
        protected boolean sleepsOnInput() {
            return true;
        }
    }

    /** A softirq with one job of {@code nanos}, from when it is woken. */
    private static final class Softirq extends Task {
        private final long nanos;
        private boolean pending = true;

        Softirq(long nanos) {
            super("softirq", new Domain("host"), Priority.SOFTIRQ);
            this.nanos = nanos;
        }

        @Override
        protected boolean hasWork(long now) {
            return pending;
        }

        @Override
        protected double beginJob(long now) {
            pending = false;
            return nanos;
        }

        @Override
        protected void endJob(long start, long end) {
        }
    }

    /** When the reader began, given a packet stamped ready at {@code ready} handed over at {@code handedAt}. */
    private static long readerStart(long ready, long handedAt, Task before) {
        Kernel kernel = new Kernel();
        HostCpu cpu = new HostCpu(kernel, "cpu", 1.0);
        cpu.setWakeupLatency(LATENCY);
        Reader reader = new Reader();
        cpu.add(reader);
        if (before != null) {
            cpu.add(before);
        }
        cpu.powerOn();
        kernel.scheduleAt(new Event("handover") {
            @Override
            protected void fire() {
                reader.socket.offer(new Train().of(UDP4, 100, 0).readyAt(ready).count(1));
            }
        }, handedAt);
        kernel.runUntil(1_000_000);
        return reader.began;
    }

    @Test
    void aPacketHandedOverAsItIsReadyWakesTheProcessOneLatencyLater() {
        assertEquals(10_000 + LATENCY, readerStart(10_000, 10_000, null));
    }

    @Test
    void aPacketStampedEarlierThanItsHandoverWakesTheProcessOneLatencyAfterItsStamp() {
        assertEquals(4_000 + LATENCY, readerStart(4_000, 10_000, null));
        assertEquals(30_000, readerStart(4_000, 30_000, null), "never before the handover");
    }

    @Test
    void aPacketStampedBeforeTheCpuWentIdleIsTakenAtOnce() {
        // the softirq keeps the CPU busy until 8 us: packet by packet the reader would have found
        // the packet stamped at 6 us when it ended, without sleeping
        assertEquals(12_000, readerStart(6_000, 12_000, new Softirq(8_000)));
        assertEquals(9_000 + LATENCY, readerStart(9_000, 12_000, new Softirq(8_000)), "stamped after it went idle");
    }
}
