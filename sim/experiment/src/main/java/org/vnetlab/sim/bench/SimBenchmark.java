package org.vnetlab.sim.bench;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;

/**
 * The simulator's speed on one core: one UDP leg simulated repeatedly on the calling thread,
 * after warm-up runs for the JIT. Simulated packets are those the senders offered (most of a
 * small-packet flood is dropped at the NIC, as in the study).
 */
public final class SimBenchmark {

    /** One measured run. */
    public record Sample(double wallSeconds, long packets, long events) {
        public double packetsPerSecond() {
            return packets / wallSeconds;
        }

        public double eventsPerSecond() {
            return events / wallSeconds;
        }
    }

    /** The figures of a benchmark: each measured run, and the median rates. */
    public record Figures(List<Sample> samples, double simulatedSeconds) {
        public double medianPacketsPerSecond() {
            return Stats.median(samples.stream().mapToDouble(Sample::packetsPerSecond).toArray());
        }

        public double medianEventsPerSecond() {
            return Stats.median(samples.stream().mapToDouble(Sample::eventsPerSecond).toArray());
        }

        /** Simulated seconds per wall second, median. */
        public double speedup() {
            return Stats.median(samples.stream().mapToDouble(s -> simulatedSeconds / s.wallSeconds()).toArray());
        }
    }

    private SimBenchmark() {
    }

    public static Figures run(Scenario scenario, IpVersion ip, int payload, Direction leg, long durationNanos,
                              int warmups, int measured) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < warmups + measured; i++) {
            RunSpec spec = new RunSpec(Transport.UDP, ip, payload, leg, i, durationNanos);
            long start = System.nanoTime();
            RunResult r = Experiment.run(scenario, spec);
            double wall = (System.nanoTime() - start) / 1e9;
            if (i >= warmups) {
                samples.add(new Sample(wall, r.packetsOffered(), r.events()));
            }
        }
        return new Figures(samples, durationNanos / 1e9);
    }
}
