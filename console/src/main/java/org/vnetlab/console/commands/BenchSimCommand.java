package org.vnetlab.console.commands;

import java.util.List;
import java.util.Locale;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.units.RunLimits;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.bench.SimBenchmark;
import org.vnetlab.sim.kernel.Fidelity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the simulator's speed: simulated packets per wall-clock second and per core of the
 * simulating thread, and events per packet, for one or more guest counts side by side.
 */
@Command(name = "sim",
        description = "the simulator's speed: packets simulated per wall-clock second and per core (UDP rx, IPv4)")
public final class BenchSimCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioLoader loader;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario to simulate (default: ${DEFAULT-VALUE})")
    String scenario = "xen-single";

    @Option(names = "--guests", paramLabel = "N[,N...]", split = ",", converter = Converters.PositiveInt.class,
            description = "DomUs or contexts sharing the scenario's offered rate, one row each (default: the"
                    + " scenario's own)")
    List<Integer> guests = List.of();

    @Option(names = "--payload", paramLabel = "BYTES", converter = Converters.PositiveInt.class,
            description = "UDP payload (default: ${DEFAULT-VALUE})")
    int payload = 36;

    @Option(names = "--seconds", paramLabel = "S", converter = Converters.PositiveInt.class,
            description = "simulated seconds per run, whole seconds (default: ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--runs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "measured runs, after the warm-up runs (default: ${DEFAULT-VALUE})")
    int runs = 3;

    // a JVM simulates at its steady speed only after about 20 simulated seconds (docs/PERFORMANCE.md)
    @Option(names = "--warm-up", paramLabel = "S", converter = Converters.NonNegativeInt.class,
            description = "simulated seconds of warm-up runs before the measured ones, whole runs of --seconds"
                    + " (default: ${DEFAULT-VALUE})")
    int warmUp = 20;

    @Option(names = "--exact", description = "time packet by packet instead of in trains")
    boolean exact;

    public BenchSimCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) {
        List<Integer> counts = guests.isEmpty() ? List.of(0) : guests;
        for (int n : counts) {
            if (n > 64) {
                throw new UsageError("bench sim: --guests " + n + ": expected 1 to 64");
            }
        }
        int longest = (int) RunLimits.MAX_SECONDS;
        if (seconds > longest) {
            throw new UsageError("bench sim: --seconds " + seconds + ": expected 1 to " + longest + " (an hour)");
        }
        if (warmUp > longest) {
            throw new UsageError("bench sim: --warm-up " + warmUp + ": expected 0 to " + longest + " (an hour)");
        }
        if (runs > RunLimits.MAX_TRIALS) {
            throw new UsageError("bench sim: --runs " + runs + ": expected 1 to " + RunLimits.MAX_TRIALS);
        }
        Scenario s = loader.load(scenario, List.of()).scenario();
        if (s.workloads(UdpStream.class).isEmpty()) {
            // the benchmark times a UDP stream's packets: without one there is nothing to time
            throw new UsageError("bench sim: --scenario " + scenario + " has no UDP stream to time (its workloads: "
                    + String.join(", ", s.workloads().stream().map(w -> w.type()).toList()) + "); give one that has,"
                    + " e.g. xen-single");
        }
        Ethernet.udpPayloadTooLarge(payload, s.link().mtu(), IpVersion.IPV4).ifPresent(why -> {
            throw new UsageError("bench sim: --payload " + payload + ": " + why + " (the link of " + s.name() + ")");
        });
        if (!guests.isEmpty()) {
            String kind = s.platform().kind();
            if (!kind.equals("xen") && !kind.equals("vserver") && !kind.equals("container") && !kind.equals("kvm")) {
                throw new UsageError("bench sim: --guests needs a Xen, VServer, container or KVM scenario; " + scenario
                        + " is " + kind);
            }
        }
        int warmups = (warmUp + seconds - 1) / seconds;
        io.out().printf(Locale.ROOT, "%s, %d B IPv4 rx, %d s simulated, median of %d run%s after %d warm-up run%s%n",
                scenario, payload, seconds, runs, runs == 1 ? "" : "s", warmups, warmups == 1 ? "" : "s");
        io.out().printf(Locale.ROOT, "%-8s %16s %16s %12s %12s %10s%n", "guests", "M packets/s", "M packets/s/core",
                "ns/packet", "events/pkt", "x real");
        for (int n : counts) {
            SimBenchmark.Setup setup = new SimBenchmark.Setup(scenario, n, IpVersion.IPV4, payload, Direction.RX,
                    SimTime.seconds(seconds), warmups, runs, exact ? Fidelity.EXACT : Fidelity.TRAINS);
            SimBenchmark.Figures f = SimBenchmark.run(loader, setup);
            io.out().printf(Locale.ROOT, "%-8s %16.2f %16.2f %12.0f %12.2f %10.0f%n", n == 0 ? "as is" : n,
                    f.medianPacketsPerSecond() / 1e6, f.medianPacketsPerCpuSecond() / 1e6, f.cpuNanosPerPacket(),
                    f.medianEventsPerPacket(), f.speedup());
            io.out().flush();
        }
        return 0;
    }
}
