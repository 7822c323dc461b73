package org.vnetlab.sim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.HostCpu;
import org.vnetlab.sim.cpu.LinuxScheduler;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.net.SendBuffer;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.Train;

/**
 * The RTP-like generator paces by the clock it reads in a loop (or sleeps to the next tick) and
 * stamps in user space.
 */
class ProbeGeneratorTest {

    private static final long US = 1_000L;
    private static final long GAP = 16 * US;
    private static final double CLOCK_READ = 400;
    private static final double SEND = 2_000;

    /** What the generator handed to the device: each probe's number, stamp and ready time. */
    private static final class Recorder implements PacketPort {
        final List<long[]> probes = new ArrayList<>();

        @Override
        public int room(long now) {
            return Integer.MAX_VALUE;
        }

        @Override
        public void send(Train t) {
            probes.add(new long[] {t.seq(), t.stamp(), t.ready()});
        }

        @Override
        public void wakeWhenRoom(Task sender) {
        }

        @Override
        public long roomWakes() {
            return 0;
        }

        @Override
        public boolean holdFor(int flow, SendBuffer socket) {
            return false;
        }
    }

    /** A softirq that takes {@code busy} of the CPU once, at {@code at}. */
    private static final class Softirq extends Task {
        private final long busy;
        private boolean pending;

        Softirq(Kernel kernel, long at, long busy) {
            super("softirq", new Domain("softirq"), Context.NET_RX);
            this.busy = busy;
            kernel.scheduleAt(new Event("irq") {
                @Override
                protected void fire() {
                    pending = true;
                    wake();
                }
            }, at);
        }

        @Override
        protected boolean hasWork(long now) {
            return pending;
        }

        @Override
        protected double beginJob(long now) {
            pending = false;
            return busy;
        }

        @Override
        protected void endJob(long start, long end) {
        }
    }

    private final Kernel kernel = new Kernel();
    private final Domain domain = new Domain("machine2");
    private final HostCpu cpu = new HostCpu(kernel, "cpu0", 1.0, domain);
    private final Recorder port = new Recorder();
    private ProbeGenerator generator = generator(false);

    private ProbeGenerator generator(boolean sleeps) {
        return new ProbeGenerator("generator", domain, kernel, port, PacketKind.of(IpVersion.IPV4, Transport.UDP), 1,
                1000, 10, GAP, US, CLOCK_READ, SEND, 0, sleeps, new RandomStream(1, "generator"));
    }

    private void run(long until) {
        LinuxScheduler linux = new LinuxScheduler(kernel, "machine2", List.of(cpu), domain,
                new LinuxScheduler.Settings(250, 0, 400 * US, 300, 10, 0));
        cpu.powerOn();
        linux.spawn(generator);
        linux.start();
        generator.startMeasurement(3, 100 * US + 300);
        kernel.runUntil(until);
    }

    @Test
    void onAnIdleCpuEachProbeLeavesWithinOneClockReadOfItsTimeStampedToTheMicrosecond() {
        run(2_000 * US);
        assertEquals(10, port.probes.size());
        assertEquals(10, generator.sent());
        for (int k = 0; k < 10; k++) {
            long[] p = port.probes.get(k);
            long due = 100 * US + 300 + k * GAP;
            assertEquals(30 + k, p[0], "numbered from the measurement's first probe");
            assertEquals(0, p[1] % US, "gettimeofday counts microseconds");
            assertTrue(p[1] > due - US && p[1] < due + (long) CLOCK_READ, "probe " + k + " stamped at " + p[1]);
            assertTrue(p[2] - due >= (long) (CLOCK_READ + SEND) - US && p[2] - due <= (long) (2 * CLOCK_READ + SEND),
                    "probe " + k + " sent " + (p[2] - due) + " ns after it was due");
        }
    }

    @Test
    void aLoopHeldOffItsCpuSendsWhatBecameDueBackToBackAsItStampsThem() {
        cpu.add(new Softirq(kernel, 120 * US, 50 * US));
        run(2_000 * US);
        assertEquals(10, port.probes.size());
        // probes 2 to 4 (due at 132, 148, 164 us) wait for the softirq to end at 170 us
        long end = 170 * US;
        for (int k = 2; k <= 4; k++) {
            long[] p = port.probes.get(k);
            long previous = port.probes.get(k - 1)[2];
            assertTrue(p[1] >= end - US, "probe " + k + " stamped after the softirq, at " + p[1]);
            assertTrue(k == 2 || p[2] - previous <= (long) (CLOCK_READ + SEND) + 1,
                    "probe " + k + " follows the one before at once, " + (p[2] - previous) + " ns later");
        }
        long[] fifth = port.probes.get(5);
        assertTrue(fifth[1] >= 100 * US + 300 + 5 * GAP - US, "then back on its clock: " + fifth[1]);
    }

    @Test
    void aSleepingGeneratorSendsWhatFellDueAtItsCpusNextTickBackToBack() {
        generator = generator(true);
        run(10_000 * US);
        assertEquals(10, port.probes.size());
        long[] first = port.probes.get(0);
        assertTrue(first[2] - (100 * US + 300) <= (long) (CLOCK_READ + SEND), "the first probe leaves on time");
        // HZ = 250: CPU 0's first tick is at 4 ms; the sleep that began after the first probe ends there
        long tick = 4_000 * US;
        for (int k = 1; k < 10; k++) {
            long[] p = port.probes.get(k);
            long previous = port.probes.get(k - 1)[2];
            assertTrue(p[1] >= tick && p[1] <= tick + (long) (k * (CLOCK_READ + SEND)), "probe " + k
                    + " stamped in the burst after the tick, at " + p[1]);
            assertTrue(k == 1 || p[2] - previous <= (long) (CLOCK_READ + SEND) + 1,
                    "probe " + k + " follows the one before at once, " + (p[2] - previous) + " ns later");
        }
    }
}
