package org.vnetlab.sim.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A VCPU that Xen switched out in the middle of a softirq job, with an event that came for it
 * meanwhile: when it is switched back in, Xen's upcall delivers the event first
 * ({@code evtchn_do_upcall} runs on the return to the guest, a hard interrupt on top of the
 * softirq), and the paused job resumes after the handler.
 */
class PausedSoftirqTest {

    private static final long MS = 1_000_000L;

    @Test
    void anUpcallPendingAtSwitchInRunsBeforeThePausedSoftirqJob() {
        Kernel k = new Kernel();
        CreditScheduler xen = new CreditScheduler(k, 1,
                new CreditScheduler.Settings(10_000_000, 30_000_000, 3, 100, true, true));
        LinuxScheduler.Settings guest = new LinuxScheduler.Settings(100, 0, 400_000, 300, 10, 0);
        Domain dom0 = new Domain("dom0");
        Domain other = new Domain("other");
        Vcpu v = new Vcpu(k, "dom0.vcpu", 1.0, dom0, 256, 0, ~0L);
        xen.add(v, 0);
        LinuxScheduler dom0Kernel = new LinuxScheduler(k, "dom0", List.of(v), dom0, guest);
        Vcpu hog = new Vcpu(k, "other.vcpu", 1.0, other, 256, 0, ~0L);
        xen.add(hog, 0);
        LinuxScheduler otherKernel = new LinuxScheduler(k, "other", List.of(hog), other, guest);
        otherKernel.spawn(new CpuHog("hog", other, MS));
        List<String> log = new ArrayList<>();
        // a poll far longer than a 30 ms slice: the VCPU is switched out in its middle
        NotingWork poll = new NotingWork("poll", dom0, Context.NET_RX, 50 * MS, log);
        NotingWork upcall = new NotingWork("upcall", dom0, Context.IRQ, 1_000, log);
        v.add(poll);
        v.add(upcall);
        xen.start();
        dom0Kernel.start();
        otherKernel.start();
        k.scheduleAt(new Event("interrupt") {
            @Override
            protected void fire() {
                poll.schedule();
            }
        }, MS);
        // the event comes at the first millisecond the VCPU is found switched out mid-poll
        long[] cameAt = {-1};
        k.scheduleAt(new Event("event") {
            @Override
            protected void fire() {
                if (!v.holdsCpu() && log.equals(List.of("poll begins"))) {
                    cameAt[0] = k.now();
                    upcall.schedule();
                } else if (k.now() < 150 * MS) {
                    k.scheduleAt(this, k.now() + MS);
                }
            }
        }, 2 * MS);
        k.runUntil(200 * MS);
        assertTrue(cameAt[0] > 0, "the VCPU was switched out mid-poll");
        assertEquals(List.of("poll begins", "upcall begins", "upcall ends", "poll ends"), log);
    }
}
