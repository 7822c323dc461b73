package org.vnetlab.sim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * The simulator's speed on one core: one UDP leg simulated repeatedly on the calling thread,
 * after warm-up runs for the JIT. Simulated packets are those the senders offered (most of a
 * small-packet flood is dropped at the NIC, as in the study). Each run is timed by the wall
 * clock and by the thread's own CPU time: on a machine shared with other work the second is
 * the steadier measure of packets per core.
 */
public final class SimBenchmark {

    /**
     * What to simulate.
     *
     * @param scenario a bundled scenario's name or a file
     * @param guests   0 for the scenario's own guests; else that many DomUs or contexts, which
     *                 share the rate the scenario offers in all evenly (so the same traffic is
     *                 spread over more guests)
     */
    public record Setup(String scenario, int guests, IpVersion ip, int payload, Direction leg, long durationNanos,
                        int warmups, int runs, Fidelity fidelity) {

        public Setup {
            if (guests < 0 || payload <= 0 || durationNanos <= 0 || warmups < 0 || runs <= 0) {
                throw new IllegalArgumentException("bench: guests >= 0, payload, duration and runs > 0, got "
                        + guests + ", " + payload + ", " + durationNanos + ", " + runs);
            }
        }
    }

    /** One measured run. */
    public record Sample(double wallSeconds, double cpuSeconds, long packets, long events) {
        public double packetsPerSecond() {
            return packets / wallSeconds;
        }

        /** Packets per second of the simulating thread's own CPU time: per core. */
        public double packetsPerCpuSecond() {
            return packets / cpuSeconds;
        }

        public double eventsPerSecond() {
            return events / wallSeconds;
        }

        public double eventsPerPacket() {
            return (double) events / packets;
        }
    }

    /** The figures of a benchmark: each measured run, and the median rates. */
    public record Figures(List<Sample> samples, double simulatedSeconds) {
        public double medianPacketsPerSecond() {
            return median(Sample::packetsPerSecond);
        }

        public double medianPacketsPerCpuSecond() {
            return median(Sample::packetsPerCpuSecond);
        }

        public double medianEventsPerSecond() {
            return median(Sample::eventsPerSecond);
        }

        public double medianEventsPerPacket() {
            return median(Sample::eventsPerPacket);
        }

        /** Simulated seconds per wall second, median. */
        public double speedup() {
            return Stats.median(samples.stream().mapToDouble(s -> simulatedSeconds / s.wallSeconds()).toArray());
        }

        /** The ns of the simulating thread's CPU per simulated packet, median: the cost to compare across setups. */
        public double cpuNanosPerPacket() {
            return 1e9 / medianPacketsPerCpuSecond();
        }

        private double median(java.util.function.ToDoubleFunction<Sample> f) {
            return Stats.median(samples.stream().mapToDouble(f).toArray());
        }

        /** One line for a terminal: packets per wall second and per core, and events per packet. */
        public String summary(String what) {
            return String.format(Locale.ROOT, "%s, %.0f s simulated: median %.2f M simulated packets/s (%.0fx real"
                            + " time), %.2f M packets/s per core (%.0f ns of CPU per packet), %.2f events per packet",
                    what, simulatedSeconds, medianPacketsPerSecond() / 1e6, speedup(),
                    medianPacketsPerCpuSecond() / 1e6, cpuNanosPerPacket(), medianEventsPerPacket());
        }
    }

    private SimBenchmark() {
    }

    /** Loads the setup's scenario (with its guests) and benchmarks it. */
    public static Figures run(ScenarioLoader loader, Setup setup) {
        return run(scenario(loader, setup.scenario(), setup.guests()), setup.ip(), setup.payload(), setup.leg(),
                setup.durationNanos(), setup.warmups(), setup.runs(), setup.fidelity());
    }

    /**
     * {@code name} with {@code guests} DomUs or contexts (0: as it is) sharing the UDP rate the
     * scenario offers in all.
     */
    public static Scenario scenario(ScenarioLoader loader, String name, int guests) {
        Scenario base = loader.load(name, List.of()).scenario();
        if (guests == 0) {
            return base;
        }
        String key = switch (base.platform().kind()) {
            case "xen" -> "xen.domUs";
            case "vserver" -> "vserver.contexts";
            case "container" -> "container.guests";
            case "kvm" -> "kvm.guests";
            default -> throw new IllegalArgumentException("bench: --guests needs a Xen, VServer, container or KVM scenario; "
                    + name + " is " + base.platform().kind());
        };
        List<UdpStream> udp = base.workloads(UdpStream.class);
        if (udp.isEmpty()) {
            throw new IllegalArgumentException("bench: scenario " + name + " has no UDP stream to benchmark");
        }
        long total = udp.stream().mapToLong(u -> u.rate().bitsPerSecond()).sum();
        // paced senders that sleep: each guest's share is below what it could send, where iperf 2's
        // busy wait (udp.pacing = spin) would benchmark its spinning instead
        return loader.load(name, List.of(key + "=" + guests, "udp.rate=\"" + Math.max(1, total / guests) + " bit/s\"",
                "udp.pacing=timer")).scenario();
    }

    public static Figures run(Scenario scenario, IpVersion ip, int payload, Direction leg, long durationNanos,
                              int warmups, int measured, Fidelity fidelity) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < warmups + measured; i++) {
            RunSpec spec = new RunSpec(Transport.UDP, ip, payload, leg, i, durationNanos, fidelity);
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RunResult r = Experiment.run(scenario, spec);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            if (i >= warmups) {
                samples.add(new Sample(wall, cpuSeconds, r.packetsOffered(), r.events()));
            }
        }
        return new Figures(samples, durationNanos / 1e9);
    }
}
