package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/** Linux 2.6.16's O(1) scheduler, softirqs and ksoftirqd (kernel/sched.c, kernel/softirq.c) as observable behaviour. */
class LinuxSchedulerTest {

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final int HZ = 250;
    private static final long JIFFY = SECOND / HZ;

    /** A host of {@code cpus} CPUs under one kernel, its timer interrupt free unless asked. */
    private static final class Host {
        final Kernel kernel = new Kernel();
        final Domain domain = new Domain("host");
        final List<HostCpu> cpus = new ArrayList<>();
        final LinuxScheduler linux;

        Host(int cpus, double tickCost, long remoteWake) {
            for (int i = 0; i < cpus; i++) {
                this.cpus.add(new HostCpu(kernel, "cpu" + i, 1.0, domain));
            }
            linux = new LinuxScheduler(kernel, "host", this.cpus,
                    domain, new LinuxScheduler.Settings(HZ, tickCost, 400 * US, 300, 10, remoteWake));
            this.cpus.forEach(HostCpu::powerOn);
        }

        Host(int cpus) {
            this(cpus, 0, 0);
        }

        void start() {
            linux.start();
        }

        void runUntil(long t) {
            kernel.runUntil(t);
            cpus.forEach(Executor::account);
        }

        void at(long t, Runnable r) {
            kernel.scheduleAt(new Event("test") {
                @Override
                protected void fire() {
                    r.run();
                }
            }, t);
        }
    }

    private static class Hog extends CpuHog {
        Hog(String name) {
            super(name, new Domain(name), 100 * US);
        }
    }

    /** A receiver reading its socket (a counter its softirq fills), {@code perPacket} ns a datagram. */
    private static final class Receiver extends Task {
        final double perPacket;
        long queued;
        long read;
        long batch;
        long wokenAt = -1;
        long maxWait;

        Receiver(String name, double perPacket) {
            super(name, new Domain(name), Context.THREAD);
            this.perPacket = perPacket;
        }

        void deliver(long n, long now) {
            if (queued == 0) {
                wokenAt = now;
            }
            queued += n;
            wake();
        }

        @Override
        protected boolean hasWork(long now) {
            return queued > 0;
        }

        @Override
        protected double beginJob(long now) {
            if (wokenAt >= 0) {
                maxWait = Math.max(maxWait, now - wokenAt);
                wokenAt = -1;
            }
            batch = Math.min(queued, 16);
            queued -= batch;
            return batch * perPacket;
        }

        @Override
        protected void endJob(long start, long end) {
            read += batch;
        }
    }

    /**
     * A NIC's NAPI poll: frames arrive at {@code rate} per second from {@code from} on; each costs
     * {@code perFrame} ns and goes to the receiver's socket. A poll takes at most 64 frames and
     * what the NET_RX pass allows; the interrupt comes with the first frame after a poll emptied the ring.
     */
    private static class Nic extends Task {
        final Kernel kernel;
        final double perFrame;
        final long gap;
        final Receiver to;
        long nextArrival;
        long until = Long.MAX_VALUE;
        boolean scheduled;
        long taken;
        long polled;
        long invocationFrames;
        final Event irq;

        Nic(Kernel kernel, double perFrame, long rate, Receiver to) {
            super("napi", new Domain("softirq"), Context.NET_RX);
            this.kernel = kernel;
            this.perFrame = perFrame;
            this.gap = SECOND / rate;
            this.to = to;
            this.irq = new Event("nic") {
                @Override
                protected void fire() {
                    scheduled = true;
                    wake();
                }
            };
        }

        void start(long at) {
            nextArrival = at;
            kernel.scheduleAt(irq, at);
        }

        private long arrivedBy(long now) {
            return now < nextArrival || nextArrival >= until ? 0 : (Math.min(now, until - 1) - nextArrival) / gap + 1;
        }

        @Override
        protected boolean hasWork(long now) {
            return scheduled;
        }

        @Override
        protected double beginJob(long now) {
            long n = Math.min(Math.min(64, netRxBudget()), arrivedBy(now));
            netRxTook((int) n);
            nextArrival += n * gap;
            taken = n;
            return n * perFrame;
        }

        @Override
        protected void endJob(long start, long end) {
            polled += taken;
            if (to != null && taken > 0) {
                to.deliver(taken, end);
            }
            if (arrivedBy(end) == 0) {
                scheduled = false;
                if (nextArrival < until) {
                    kernel.scheduleAt(irq, nextArrival);
                }
            }
        }
    }

    @Test
    void anInteractiveSleeperPreemptsAHogAtOnce() {
        Host h = new Host(1);
        Hog hog = new Hog("hog");
        Receiver sleeper = new Receiver("sleeper", 200 * US);
        h.linux.spawn(hog);
        h.linux.spawn(sleeper);
        h.start();
        for (long t = 5 * MS + 333 * US; t < SECOND; t += 10 * MS) {
            long at = t;
            h.at(t, () -> sleeper.deliver(1, at));
        }
        h.runUntil(SECOND);
        assertEquals(100, sleeper.read, "every wake-up served");
        // woken from an interrupt with a sleep bonus, it preempts the hog (prio 125) at once
        assertEquals(0, sleeper.maxWait, "waited " + sleeper.maxWait + " ns");
    }

    @Test
    void aFloodedReceiverLosesItsBonusAndSharesSlicesWithAHog() {
        Host h = new Host(1);
        Hog hog = new Hog("hog");
        Receiver receiver = new Receiver("receiver", 5 * US);
        h.linux.spawn(hog);
        h.linux.spawn(receiver);
        h.start();
        // slept half a second: interactive; then its socket never empties
        h.at(500 * MS, () -> receiver.deliver(Long.MAX_VALUE / 2, 500 * MS));
        h.runUntil(SECOND);
        long hogEarly = hog.domain().busyNanos();
        long receiverEarly = receiver.domain().busyNanos();
        assertTrue(receiverEarly > 490 * MS, "interactive, it took the CPU from the hog: " + receiverEarly);
        h.runUntil(10 * SECOND);
        hogEarly = hog.domain().busyNanos();
        receiverEarly = receiver.domain().busyNanos();
        h.runUntil(20 * SECOND);
        long hogShare = hog.domain().busyNanos() - hogEarly;
        long receiverShare = receiver.domain().busyNanos() - receiverEarly;
        // run time lowers sleep_avg: within seconds it is a CPU hog too (prio 125), and equal
        // priorities take turns in whole slices through the expired array
        assertEquals(0.5, (double) receiverShare / (hogShare + receiverShare), 0.05,
                "receiver " + receiverShare + " hog " + hogShare);
    }

    @Test
    void aShortSleepFromNoBonusCountsTenfold() {
        // 2.6.16's recalc_task_prio multiplies a sleep by (MAX_BONUS - bonus): 10 ms asleep from
        // a bonus of 0 count as 100 ms, a bonus of 1, enough to preempt a hog at once
        Host h = new Host(1);
        Receiver t = new Receiver("t", 5 * MS);
        t.queued = 1;
        Hog hog = new Hog("hog");
        h.linux.spawn(t);
        h.linux.spawn(hog);
        h.start();
        h.at(15 * MS, () -> t.deliver(1, 15 * MS));
        h.runUntil(30 * MS);
        assertEquals(2, t.read);
        assertEquals(0, t.maxWait, "it preempted the hog");
    }

    /** A hog that notes when it takes over the CPU from the other one. */
    private static Hog taking(String name, List<String> turnNames, List<Long> turnStarts) {
        return new Hog(name) {
            @Override
            protected double beginJob(long now) {
                if (turnNames.isEmpty() || !turnNames.get(turnNames.size() - 1).equals(name)) {
                    turnNames.add(name);
                    turnStarts.add(now);
                }
                return super.beginJob(now);
            }
        };
    }

    @Test
    void equalPrioritiesTakeTurnsInWholeSlices() {
        Host h = new Host(1);
        List<String> turnNames = new ArrayList<>();
        List<Long> turns = new ArrayList<>();
        Hog a = taking("a", turnNames, turns);
        Hog b = taking("b", turnNames, turns);
        h.linux.spawn(a);
        h.linux.spawn(b);
        h.start();
        h.runUntil(5 * SECOND);
        assertTrue(turns.size() > 40, "turns " + turns.size());
        for (int i = 2; i < turns.size(); i++) {
            long length = turns.get(i) - turns.get(i - 1);
            // a nice-0 slice is 100 ms (25 ticks at HZ 250); a tick never cuts it short
            assertEquals(100 * MS, length, JIFFY, "turn " + i);
        }
    }

    // 64: the most CPUs a mask holds, where a thread's mask of every CPU must not wrap to none
    @ParameterizedTest(name = "{0} CPUs")
    @ValueSource(ints = {2, 64})
    void wakeAffineMovesALightlyLoadedReceiverToTheInterruptCpu(int cpus) {
        Host h = new Host(cpus, 0, 20 * US);
        Receiver receiver = new Receiver("reflector", 3 * US);
        Nic nic = new Nic(h.kernel, 1_500, 50_000, receiver);
        h.cpus.get(0).add(nic);
        h.linux.spawn(receiver);
        assertSame(h.cpus.get(cpus - 1), receiver.executor(), "exec placement avoids the interrupt CPU");
        h.start();
        nic.start(MS);
        h.runUntil(SECOND);
        assertSame(h.cpus.get(0), receiver.executor(), "woken from CPU 0's softirq, it moved there");
        assertTrue(receiver.read > 49_000, "read " + receiver.read);
        // woken locally after the softirq, it pays no IPI
        assertTrue(receiver.maxWait < 20 * US, "waited " + receiver.maxWait);
    }

    @Test
    void activeBalancePushesTheReceiverOffAnOverloadedInterruptCpu() {
        Host h = new Host(2, 0, 20 * US);
        Receiver receiver = new Receiver("receiver", 1_000);
        // 1 us a frame at 1.25 M frames/s: more softirq work than CPU 0 has
        Nic nic = new Nic(h.kernel, 1_000, 1_250_000, receiver);
        h.cpus.get(0).add(nic);
        h.linux.spawn(receiver);
        h.start();
        nic.start(MS);
        h.runUntil(2 * MS);
        assertSame(h.cpus.get(0), receiver.executor(), "light load at first: wake-affine took it to CPU 0");
        h.runUntil(SECOND);
        // softirqs left to ksoftirqd/0 make two runnable threads on CPU 0; CPU 1, idle, fails to
        // pull the running receiver, and after three failures the migration thread pushes it
        assertSame(h.cpus.get(1), receiver.executor(), "pushed off the softirq's CPU");
        long late = receiver.read;
        h.runUntil(2 * SECOND);
        assertTrue(receiver.read - late > 900_000, "on its own CPU it keeps up: " + (receiver.read - late));
    }

    @Test
    void ksoftirqdNeverBeatsANiceZeroHog() {
        Host h = new Host(1);
        Hog hog = new Hog("hog");
        // 0.5 us a frame at 4 M frames/s: twice the softirq work the CPU has
        Nic nic = new Nic(h.kernel, 500, 4_000_000, null);
        h.cpus.get(0).add(nic);
        h.linux.spawn(hog);
        h.start();
        nic.start(MS);
        h.runUntil(5 * SECOND);
        // the timer interrupt's irq_exit runs ten passes of 300 frames (1.5 ms) every 4 ms; what
        // they leave waits for ksoftirqd, which at nice 19 gets a tick when the hog's slice ends
        double hogShare = hog.domain().busyNanos() / (5.0 * SECOND);
        assertEquals(0.6, hogShare, 0.03, "the hog's share of the CPU");
        assertEquals(0.4 * 5 * SECOND / 500, nic.polled, 0.03 * 5 * SECOND / 500, "frames polled");
    }

    @Test
    void oneInvocationRunsTenPassesOf300FramesThenLeavesTheRestToKsoftirqd() {
        Host h = new Host(1);
        Hog hog = new Hog("hog");
        Nic nic = new Nic(h.kernel, 100, 50_000_000, null) {
            @Override
            protected void endJob(long start, long end) {
                super.endJob(start, end);
                invocationFrames += taken;
            }
        };
        h.cpus.get(0).add(nic);
        h.linux.spawn(hog);
        h.start();
        nic.start(MS);
        h.runUntil(MS + 600 * US);
        // 3000 frames at 100 ns take 300 us: the invocation ended, the hog runs again
        assertEquals(3000, nic.invocationFrames, "MAX_SOFTIRQ_RESTART x netdev_budget");
        assertSame(hog.thread, h.cpus.get(0).runQueue().curr, "ksoftirqd (nice 19) does not preempt the hog");
        assertEquals(2, h.cpus.get(0).runQueue().nrRunning, "ksoftirqd is runnable");
    }

    @Test
    void aPassStopsOnceTwoJiffiesHaveBegun() {
        Host h = new Host(1);
        long[] firstInvocation = {-1};
        Nic[] nic = new Nic[1];
        Hog hog = new Hog("hog") {
            @Override
            protected double beginJob(long now) {
                if (firstInvocation[0] < 0 && nic[0].polled > 0) {
                    firstInvocation[0] = nic[0].polled;
                }
                return super.beginJob(now);
            }
        };
        // 50 us a frame: 300 frames would take 15 ms, but net_rx_action breaks off a pass once
        // jiffies moved by more than one since it began, after 4 to 8 ms
        nic[0] = new Nic(h.kernel, 50_000, 100_000, null);
        h.cpus.get(0).add(nic[0]);
        h.linux.spawn(hog);
        h.start();
        nic[0].start(MS + 10 * US);
        h.runUntil(SECOND);
        // each pass takes more than one jiffy, and at most two plus the poll that crossed them
        assertTrue(firstInvocation[0] > 10 * JIFFY / 50_000 && firstInvocation[0] <= 10 * (2 * JIFFY / 50_000 + 64),
                "ten passes took " + firstInvocation[0] + " frames, not the budget's 3000");
    }

    @Test
    void usleepZeroSleepsUntilTheNextTick() {
        Host h = new Host(1);
        List<Long> starts = new ArrayList<>();
        Task napper = new Task("reporter", new Domain("iperf"), Context.THREAD) {
            @Override
            protected boolean hasWork(long now) {
                return true;
            }

            @Override
            protected double beginJob(long now) {
                starts.add(now);
                return 10 * US;
            }

            @Override
            protected void endJob(long start, long end) {
                sleepUntilTick();
            }
        };
        h.linux.spawn(napper);
        h.start();
        h.runUntil(SECOND);
        assertEquals(HZ, starts.size(), 1, "once a tick");
        for (int i = 1; i < starts.size(); i++) {
            assertEquals(0, starts.get(i) % JIFFY, "woken by the tick of " + starts.get(i));
        }
    }

    @Test
    void theTimerInterruptCostsTheKernelItsWork() {
        Host h = new Host(1, 2_000, 0);
        Hog hog = new Hog("hog");
        h.linux.spawn(hog);
        h.start();
        h.runUntil(SECOND);
        assertEquals(HZ * 2_000L, h.domain.busyNanos(), 2_000, "250 ticks of 2 us");
        assertEquals(SECOND - HZ * 2_000L, hog.domain().busyNanos(), 2_000);
    }

    @Test
    void aRemoteWakeOfAHaltedCpuTakesTheIpi() {
        Host h = new Host(2, 0, 20 * US);
        Receiver receiver = new Receiver("receiver", US);
        Hog hog = new Hog("hog");
        h.linux.spawn(hog);
        h.linux.spawn(receiver);
        h.start();
        h.runUntil(10 * MS);
        Executor home = receiver.executor();
        Executor other = h.cpus.get(home == h.cpus.get(0) ? 1 : 0);
        assertSame(other, hog.executor());
        // a softirq on the hog's CPU wakes the receiver: wake-affine keeps it on its own, halted
        // CPU (the waking one is busier), so the wake-up is remote
        var poke = new Task("poke", new Domain("softirq"), Context.TASKLET) {
            boolean raised;

            @Override
            protected boolean hasWork(long now) {
                return raised;
            }

            @Override
            protected double beginJob(long now) {
                raised = false;
                return US;
            }

            @Override
            protected void endJob(long start, long end) {
                receiver.deliver(1, end);
            }
        };
        other.add(poke);
        h.at(20 * MS, () -> {
            poke.raised = true;
            poke.wake();
        });
        h.runUntil(30 * MS);
        assertSame(home, receiver.executor());
        assertEquals(20 * US, receiver.maxWait, 1_000, "the IPI and the idle CPU's wake-up");
    }
}
