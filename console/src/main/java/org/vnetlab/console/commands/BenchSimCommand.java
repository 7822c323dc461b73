package org.vnetlab.console.commands;

import java.util.List;
import java.util.Locale;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.bench.SimBenchmark;

/** Prints the simulator's speed on one core: simulated packets per wall-clock second. */
public final class BenchSimCommand implements Command {

    static final Option SCENARIO = Option.value("--scenario", "NAME|FILE", "scenario to simulate", "xen-single");
    static final Option PAYLOAD = Option.value("--payload", "BYTES", "UDP payload", "36");
    static final Option SECONDS = Option.value("--seconds", "S", "simulated seconds per run", "10");
    static final Option RUNS = Option.value("--runs", "N", "measured runs (after 2 warm-up runs)", "3");

    private final ScenarioLoader loader;

    public BenchSimCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "bench sim";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "the simulator's speed on one core: packets simulated per wall-clock second (UDP rx, IPv4)";
    }

    @Override
    public List<Option> options() {
        return List.of(SCENARIO, PAYLOAD, SECONDS, RUNS);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        Scenario s = loader.load(args.value(SCENARIO.name()).orElse("xen-single"), List.of()).scenario();
        int payload = args.positiveInt(PAYLOAD.name(), 36);
        int seconds = args.positiveInt(SECONDS.name(), 10);
        int runs = args.positiveInt(RUNS.name(), 3);
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
