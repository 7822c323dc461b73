package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * Two event channels' handlers in Dom0, {@code low} bound to the lower port. Each handler schedules
 * a tasklet; the tasklet's first job raises {@code high}, and its first two jobs raise {@code low}
 * again, as a guest that keeps notifying does. Xen 3.0.4's 2.6.16-xen takes an event that arrives
 * while an interrupt's softirqs run in a nested upcall, at once; 2.6.18-xen from December 2006
 * disallows nesting: the event waits until the softirqs end, and the upcall, reading the pending
 * ports again after each handler and its softirqs, serves the lowest first every time.
 */
class NestedUpcallTest {

    private static final long US = 1_000;

    /**
     * A channel's handler: a hard interrupt, which waits for the outer upcall unless upcalls nest;
     * it schedules the transmit tasklet as it ends ({@code netif_be_int}).
     */
    private static final class Channel extends NotingWork {
        private final boolean nests;
        NotingWork tasklet;

        Channel(String name, Domain d, boolean nests, List<String> log) {
            super(name, d, Context.IRQ, US, log);
            this.nests = nests;
        }

        @Override
        protected boolean waitsForOuterUpcall() {
            return !nests;
        }

        @Override
        protected void endJob(long start, long end) {
            super.endJob(start, end);
            tasklet.schedule();
        }
    }

    private static List<String> runOrder(boolean nests) {
        Kernel k = new Kernel();
        Domain d = new Domain("dom0");
        HostCpu cpu = new HostCpu(k, "cpu0", 1.0, d);
        new LinuxScheduler(k, "dom0", List.of(cpu), d, new LinuxScheduler.Settings(100, 0, 400_000, 300, 10, 0));
        List<String> log = new ArrayList<>();
        Channel low = new Channel("low", d, nests, log);
        Channel high = new Channel("high", d, nests, log);
        NotingWork tasklet = new NotingWork("tasklet", d, Context.TASKLET, 10 * US, log) {
            private int jobs;

            @Override
            protected void endJob(long start, long end) {
                super.endJob(start, end);
                jobs++;
                if (jobs == 1) {
                    high.schedule();
                }
                if (jobs <= 2) {
                    low.schedule();
                }
            }
        };
        low.tasklet = tasklet;
        high.tasklet = tasklet;
        cpu.add(low);
        cpu.add(high);
        cpu.add(tasklet);
        cpu.powerOn();
        k.scheduleAt(new Event("event") {
            @Override
            protected void fire() {
                low.schedule();
            }
        }, 1_000_000);
        k.runUntil(2_000_000);
        return log.stream().filter(e -> e.endsWith(" begins")).map(e -> e.substring(0, e.indexOf(' '))).toList();
    }

    @Test
    void withoutNestingTheLowerPortIsServedAgainBeforeAHigherOneWaiting() {
        assertEquals(List.of("low", "tasklet", "low", "tasklet", "low", "tasklet", "high", "tasklet"),
                runOrder(false));
    }

    @Test
    void nestedUpcallsServeEveryPendingPortAtOnce() {
        // both handlers of the second pass scheduled the tasklet: it runs twice at the end
        assertEquals(List.of("low", "tasklet", "low", "high", "tasklet", "low", "tasklet", "tasklet"),
                runOrder(true));
    }
}
