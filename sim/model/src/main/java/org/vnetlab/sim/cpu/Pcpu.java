package org.vnetlab.sim.cpu;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.kernel.Event;

/** A physical CPU as the credit scheduler sees it: what runs, what waits, its tick and slice timers. */
final class Pcpu {

    final int id;
    Vcpu current;
    /** Waiting VCPUs, ordered by priority then by the order they were queued. */
    final List<Vcpu> runq = new ArrayList<>();
    final Event tick;
    final Event sliceEnd;

    Pcpu(int id, Event tick, Event sliceEnd) {
        this.id = id;
        this.tick = tick;
        this.sliceEnd = sliceEnd;
    }
}
