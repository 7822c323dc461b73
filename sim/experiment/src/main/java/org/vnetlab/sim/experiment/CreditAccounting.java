package org.vnetlab.sim.experiment;

import java.util.List;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.RttProbe;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.cpu.CreditScheduler;
import org.vnetlab.sim.cpu.Executor;
import org.vnetlab.sim.cpu.Vcpu;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.model.Testbed;

/**
 * A look inside the credit scheduler during a scenario's RTT run: how often a guest's VCPU is
 * OVER (in debt), sampled halfway between two of Xen's ticks. Ongaro et al. (VEE 2008, 3.3)
 * state that a VCPU which blocks before the tick is never debited, so a guest that only
 * answers probes stays UNDER and keeps its BOOST on waking.
 */
public final class CreditAccounting {

    private CreditAccounting() {
    }

    /**
     * The share of mid-tick samples at which {@code guest}'s first VCPU was OVER, over the
     * scenario's first IPv4 RTT run after its warm-up.
     *
     * @throws IllegalArgumentException when the scenario is not Xen, has no RTT probe or no such guest
     */
    public static double overShare(Scenario s, String guest) {
        List<RttProbe> probes = s.workloads(RttProbe.class);
        if (probes.isEmpty()) {
            throw new IllegalArgumentException(s.name() + " has no RTT probe");
        }
        RttProbe probe = probes.get(0);
        RunSpec spec = new RunSpec(Transport.UDP, IpVersion.IPV4, probe.payload(), Direction.ROUNDTRIP, 0,
                RttRun.duration(probe));
        RunHarness h = new RunHarness(s, spec);
        CreditScheduler scheduler = h.bed.xenScheduler();
        if (scheduler == null) {
            throw new IllegalArgumentException(s.name() + " is not a Xen scenario");
        }
        Vcpu vcpu = firstVcpu(h.bed, guest);
        long tick = (long) s.parameters().get("xen.scheduler.tick-ns");
        int[] counts = new int[2];
        h.kernel.scheduleAt(new Event("credit-accounting.sample") {
            @Override
            protected void fire() {
                counts[0]++;
                counts[1] += scheduler.priority(vcpu) == CreditScheduler.CreditPriority.OVER ? 1 : 0;
                if (h.kernel.now() + tick < spec.durationNanos()) {
                    h.kernel.scheduleAt(this, h.kernel.now() + tick);
                }
            }
        }, probe.warmUpNanos() + tick / 2);
        RttRun.run(h);
        return counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
    }

    private static Vcpu firstVcpu(Testbed bed, String guest) {
        for (Executor e : bed.host().executors()) {
            if (e instanceof Vcpu v && v.domain().name().equals(guest)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no guest named " + guest + " on " + bed.scenario().name());
    }
}
