package org.vnetlab.console.commands;

import java.util.List;
import java.util.Locale;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.bench.SimBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the simulator's speed on one core: simulated packets per wall-clock second. */
@Command(name = "sim",
        description = "the simulator's speed on one core: packets simulated per wall-clock second (UDP rx, IPv4)")
public final class BenchSimCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioLoader loader;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario to simulate (default: ${DEFAULT-VALUE})")
    String scenario = "xen-single";

    @Option(names = "--payload", paramLabel = "BYTES", converter = Converters.PositiveInt.class,
            description = "UDP payload (default: ${DEFAULT-VALUE})")
    int payload = 36;

    @Option(names = "--seconds", paramLabel = "S", converter = Converters.PositiveInt.class,
            description = "simulated seconds per run (default: ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--runs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "measured runs, after 2 warm-up runs (default: ${DEFAULT-VALUE})")
    int runs = 3;

    public BenchSimCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) {
        Scenario s = loader.load(scenario, List.of()).scenario();
        SimBenchmark.Figures f = SimBenchmark.run(s, IpVersion.IPV4, payload, Direction.RX, SimTime.seconds(seconds),
                2, runs);
        for (SimBenchmark.Sample x : f.samples()) {
            io.out().printf(Locale.ROOT, "run: %.2f s wall, %d packets, %d events: %.1f M packets/s, %.1f M events/s%n",
                    x.wallSeconds(), x.packets(), x.events(), x.packetsPerSecond() / 1e6, x.eventsPerSecond() / 1e6);
        }
        io.out().printf(Locale.ROOT, "%s, %d B IPv4 rx, %d s simulated: median %.1f M simulated packets/s on one core"
                        + " (%.0fx real time), %.1f M events/s%n", s.name(), payload, seconds,
                f.medianPacketsPerSecond() / 1e6, f.speedup(), f.medianEventsPerSecond() / 1e6);
        return 0;
    }
}
