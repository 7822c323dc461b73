package org.vnetlab.sim.forward;

import java.util.SortedMap;
import java.util.TreeMap;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.model.Testbed;

/**
 * Machine 1 of a scenario with its CPU burners burning, carrying traffic through one guest: what
 * the emulator runs in real time ({@link ForwardingHost} for datagrams, {@link TcpForwardingHost}
 * for connections) and the simulator in virtual time to predict it.
 */
public abstract class HostModel {

    private final Testbed bed;
    private final GuestSite guest;

    protected HostModel(Scenario scenario, long seed, String guestName) {
        this.bed = new Testbed(scenario, seed);
        this.guest = bed.host().guest(guestName);
        startBurners(scenario, bed);
    }

    /** Starts the scenario's CPU burners in their guests at time 0. */
    public static void startBurners(Scenario scenario, Testbed bed) {
        for (CpuBurner b : scenario.workloads(CpuBurner.class)) {
            GuestSite site = bed.host().guest(b.guest());
            org.vnetlab.sim.app.CpuBurner burner = new org.vnetlab.sim.app.CpuBurner(b.guest() + ".burner",
                    site.domain(), bed.kernel(), b.load());
            // it has been burning since before the run: its kernel sees a CPU hog from the start
            burner.start(0);
            site.spawn(burner);
        }
    }

    public final Testbed testbed() {
        return bed;
    }

    public final Kernel kernel() {
        return bed.kernel();
    }

    protected final GuestSite site() {
        return guest;
    }

    public final String guest() {
        return guest.name();
    }

    /** Starts the schedulers; call once, before the first arrival. */
    public final void start() {
        bed.start();
    }

    /** Packets dropped so far per traced queue (only queues that dropped). */
    public SortedMap<String, Long> drops() {
        return bed.drops();
    }

    /** CPU time used so far per domain of the host, ns of one physical CPU. */
    public final SortedMap<String, Long> cpuNanos() {
        SortedMap<String, Long> out = new TreeMap<>();
        for (Domain d : bed.host().domains().values()) {
            out.put(d.name(), d.busyNanos());
        }
        return out;
    }
}
