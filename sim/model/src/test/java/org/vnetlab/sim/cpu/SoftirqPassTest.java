package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * 2.6.16's {@code __do_softirq} reads the pending softirqs once as a pass begins and runs those,
 * {@code NET_RX_SOFTIRQ} before {@code TASKLET_SOFTIRQ}. A tasklet first scheduled by the pass's
 * own NAPI poll (netback's receive tasklet, scheduled by the bridge for every frame it hands a
 * guest) is therefore not run in that pass: the next pass runs it, after polling again when the
 * poll used up its budget.
 */
class SoftirqPassTest {

    private static final long US = 1_000;
    private static final int BUDGET = 300;

    /**
     * A hard interrupt whose handler gives a NAPI poll two jobs, each taking the whole budget and
     * scheduling tasklet {@code t}; with {@code early} the handler schedules tasklet {@code u}
     * too, so the first pass begins with it pending.
     */
    private static List<String> runOrder(boolean early) {
        Kernel k = new Kernel();
        Domain d = new Domain("dom0");
        HostCpu cpu = new HostCpu(k, "cpu0", 1.0, d);
        new LinuxScheduler(k, "dom0", List.of(cpu), d, new LinuxScheduler.Settings(100, 0, 400_000, BUDGET, 10, 0));
        List<String> log = new ArrayList<>();
        NotingWork t = new NotingWork("t", d, Context.TASKLET, US, log);
        NotingWork u = new NotingWork("u", d, Context.TASKLET, US, log);
        NotingWork poll = new NotingWork("poll", d, Context.NET_RX, US, log) {
            @Override
            protected double beginJob(long now) {
                cpu.netRxTook(BUDGET);
                return super.beginJob(now);
            }

            @Override
            protected void endJob(long start, long end) {
                super.endJob(start, end);
                t.schedule();
            }
        };
        NotingWork irq = new NotingWork("irq", d, Context.IRQ, US, log) {
            @Override
            protected void endJob(long start, long end) {
                super.endJob(start, end);
                if (early) {
                    u.schedule();
                }
                poll.schedule();
                poll.schedule();
            }
        };
        cpu.add(irq);
        cpu.add(poll);
        cpu.add(t);
        cpu.add(u);
        cpu.powerOn();
        k.scheduleAt(new Event("interrupt") {
            @Override
            protected void fire() {
                irq.schedule();
            }
        }, 1_000_000);
        k.runUntil(2_000_000);
        return log.stream().filter(e -> e.endsWith(" begins")).map(e -> e.substring(0, e.indexOf(' '))).toList();
    }

    @Test
    void aTaskletThePollScheduledWaitsForTheNextPassAndItsPoll() {
        // each poll job scheduled t once: t's second job runs in the third pass
        assertEquals(List.of("irq", "poll", "poll", "t", "t"), runOrder(false));
    }

    @Test
    void aPassThatBeganWithATaskletScheduledRunsTheOnesItsPollAdded() {
        // TASKLET_SOFTIRQ was pending: tasklet_action takes the whole list, t (scheduled last) first
        assertEquals(List.of("irq", "poll", "t", "u", "poll", "t"), runOrder(true));
    }
}
