package org.vnetlab.console.commands;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.live.emulate.Counters;
import org.vnetlab.live.emulate.EmulatorBenchmark;

/**
 * Prints the emulator's own limits: datagrams per second it forwards through a zero-cost model
 * (socket-free edges, so the realtime clock and the model are measured, not the kernel's UDP),
 * and how late its pacer runs the model's events and releases datagrams.
 */
public final class BenchEmulateCommand implements Command {

    static final Option SCENARIO = Option.value("--scenario", "NAME|FILE", "scenario whose host is modelled", "native");
    static final Option PAYLOAD = Option.value("--payload", "BYTES", "datagram payload", "64");
    static final Option RATE = Option.value("--rate", "N", "datagrams offered per second", "400000");
    static final Option SECONDS = Option.value("--seconds", "S", "seconds to run", "3");

    private final ScenarioLoader loader;

    public BenchEmulateCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "bench emulate";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "the emulator's limits: packets/s forwarded with a zero-cost model, pacing error p50/p99";
    }

    @Override
    public List<Option> options() {
        return List.of(SCENARIO, PAYLOAD, RATE, SECONDS);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        Scenario s = loader.load(args.value(SCENARIO.name()).orElse("native"), List.of()).scenario();
        int payload = args.positiveInt(PAYLOAD.name(), 64);
        int rate = args.positiveInt(RATE.name(), 400_000);
        int seconds = args.positiveInt(SECONDS.name(), 3);
        EmulatorBenchmark.Figures f = EmulatorBenchmark.run(s, payload, rate, Duration.ofSeconds(seconds));
        Counters c = f.counters();
        io.out().printf(Locale.ROOT, "%s with zero CPU costs, %d B datagrams offered at %d/s for %d s (socket-free"
                + " edges)%n", s.name(), payload, rate, seconds);
        io.out().printf(Locale.ROOT, "forwarded: %.0f packets/s (offered %.0f/s, dropped %d)%n",
                f.forwardedPerSecond(), f.offeredPerSecond(), f.dropped());
        io.out().printf(Locale.ROOT, "pacer, model events late: p50 %.1f us, p99 %.1f us, max %.1f us (%d events)%n",
                c.pacer().p50Us(), c.pacer().p99Us(), c.pacer().maxUs(), c.pacer().samples());
        io.out().printf(Locale.ROOT, "egress, datagrams late: p50 %.1f us, p99 %.1f us, max %.1f us (%d datagrams)%n",
                c.release().p50Us(), c.release().p99Us(), c.release().maxUs(), c.release().samples());
        return 0;
    }
}
