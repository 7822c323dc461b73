package org.vnetlab.sim.experiment;

import java.util.SortedMap;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.sim.forward.HostModel;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.model.GuestSite;
import org.vnetlab.sim.model.Testbed;

/**
 * What every kind of run shares: the testbed built for the run's seed, the scenario's CPU
 * burners started, xentop-like CPU sampling, and the drop counts of the traced queues.
 */
final class RunHarness {

    final Scenario scenario;
    final RunSpec spec;
    final Testbed bed;
    final Kernel kernel;
    private final CpuSampler sampler;

    RunHarness(Scenario scenario, RunSpec spec) {
        this.scenario = scenario;
        this.spec = spec;
        this.bed = new Testbed(scenario, spec.seed(scenario.method().seed()), spec.fidelity());
        this.kernel = bed.kernel();
        HostModel.startBurners(scenario, bed);
        this.sampler = new CpuSampler(kernel, scenario.method().cpuSampleNanos(), spec.durationNanos(),
                bed.host().executors(), bed.host().domains().values(), bed.xenScheduler());
    }

    GuestSite peer() {
        return bed.peer().guest(Testbed.PEER);
    }

    GuestSite guest(String name) {
        return bed.host().guest(name);
    }

    /** Starts sampling and the schedulers, then runs the leg's duration. */
    void runLeg() {
        sampler.start();
        bed.start();
        kernel.runUntil(spec.durationNanos());
    }

    /** Ends the CPU samples with one of the time since the last: the leg ended before its length. */
    void endedEarly() {
        sampler.sampleRest();
    }

    /** Per domain, the study's CPU figure over the leg. */
    SortedMap<String, Double> cpu() {
        return sampler.load(scenario.method().cpuSampleMiddle());
    }

    /** Per domain, the time its VCPUs waited ready for a CPU, reduced as {@link #cpu}; empty without Xen. */
    SortedMap<String, Double> cpuReady() {
        return sampler.ready(scenario.method().cpuSampleMiddle());
    }

    /**
     * Per domain, the time one of its VCPUs at least was OVER, % of the time, reduced as
     * {@link #cpu}; empty without Xen.
     */
    SortedMap<String, Double> cpuOver() {
        return sampler.over(scenario.method().cpuSampleMiddle());
    }

    SortedMap<String, Long> drops() {
        return bed.drops();
    }
}
