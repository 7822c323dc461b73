package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * The order a CPU runs its softirq work in. 2.6.16's {@code __tasklet_schedule} pushes a tasklet
 * at the head of the CPU's list, and {@code tasklet_action} runs the list from its head, so the
 * tasklet scheduled last runs first, whatever order they were set up in. A hard interrupt's
 * handler, which the model runs as softirq work, goes before every tasklet still to run: the
 * interrupt would have preempted them.
 */
class SoftirqOrderTest {

    private static final long US = 1_000;

    /**
     * Tasklets set up as a, b, c on one CPU, and a hard interrupt's handler irq; at 1 ms another
     * tasklet, which runs first, schedules {@code order} from its code: the order a, b, c and irq
     * ran in.
     */
    private static List<String> runOrder(String... order) {
        Kernel k = new Kernel();
        Domain d = new Domain("dom0");
        HostCpu cpu = new HostCpu(k, "cpu0", 1.0, d);
        new LinuxScheduler(k, "dom0", List.of(cpu), d, new LinuxScheduler.Settings(100, 0, 400_000, 300, 10, 0));
        List<String> log = new ArrayList<>();
        List<NotingWork> tasklets = new ArrayList<>();
        NotingWork first = new NotingWork("first", d, Context.TASKLET, US, new ArrayList<>()) {
            @Override
            protected void endJob(long start, long end) {
                for (String name : order) {
                    tasklets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().schedule();
                }
            }
        };
        cpu.add(first);
        for (String name : List.of("a", "b", "c", "irq")) {
            NotingWork t = new NotingWork(name, d, name.equals("irq") ? Context.IRQ : Context.TASKLET, US, log);
            cpu.add(t);
            tasklets.add(t);
        }
        cpu.powerOn();
        k.scheduleAt(new Event("interrupt") {
            @Override
            protected void fire() {
                first.schedule();
            }
        }, 1_000_000);
        k.runUntil(2_000_000);
        return log.stream().filter(e -> e.endsWith(" begins")).map(e -> e.substring(0, e.indexOf(' '))).toList();
    }

    @Test
    void theTaskletScheduledLastRunsFirst() {
        assertEquals(List.of("c", "b", "a"), runOrder("a", "b", "c"));
        assertEquals(List.of("a", "c", "b"), runOrder("b", "c", "a"));
    }

    @Test
    void schedulingATaskletAlreadyOnTheListKeepsItsPlace() {
        // TASKLET_STATE_SCHED: b's second schedule changes nothing (its second wake is taken in a
        // later run)
        assertEquals(List.of("c", "b", "a", "b"), runOrder("a", "b", "c", "b"));
    }

    @Test
    void aHardInterruptsHandlerGoesBeforeTheTaskletsStillToRun() {
        assertEquals(List.of("irq", "c", "b", "a"), runOrder("irq", "a", "b", "c"));
        assertEquals(List.of("irq", "b", "a"), runOrder("a", "b", "irq"));
    }
}
