package org.vnetlab.console.commands;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.live.emulate.Counters;
import org.vnetlab.live.emulate.EmulatorBenchmark;
import org.vnetlab.live.emulate.IngressRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the emulator's own limits: datagrams per second it forwards through a zero-cost model
 * (socket-free edges, so the realtime clock and the model are measured, not the kernel's UDP),
 * and how late its pacer runs the model's events and releases datagrams.
 */
@Command(name = "emulate",
        description = "the emulator's limits: packets/s forwarded with a zero-cost model, pacing error p50/p99")
public final class BenchEmulateCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioLoader loader;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "scenario whose host is modelled (default: ${DEFAULT-VALUE})")
    String scenario = "native";

    @Option(names = "--payload", paramLabel = "BYTES", converter = Converters.PositiveInt.class,
            description = "datagram payload (default: ${DEFAULT-VALUE})")
    int payload = 64;

    @Option(names = "--rate", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "datagrams offered per second (default: ${DEFAULT-VALUE})")
    int rate = 400_000;

    @Option(names = "--seconds", paramLabel = "S", converter = Converters.PositiveInt.class,
            description = "seconds to run (default: ${DEFAULT-VALUE})")
    int seconds = 3;

    public BenchEmulateCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        Scenario s = loader.load(scenario, List.of()).scenario();
        Ethernet.udpPayloadTooLarge(payload, s.link().mtu(), EmulatorBenchmark.IP).ifPresent(why -> {
            throw new UsageError("bench emulate: --payload " + payload + ": " + why + " (the link of " + s.name() + ")");
        });
        EmulatorBenchmark.Figures f;
        try {
            f = EmulatorBenchmark.run(s, payload, rate, Duration.ofSeconds(seconds));
        } catch (IngressRing.TooLarge e) {
            // a scenario with a jumbo MTU lets a payload through whose ring of datagrams is too large
            throw new UsageError("bench emulate: --payload " + payload + ": " + e.getMessage()
                    + "; give a smaller --payload or fewer vnetlab.emulator.slots");
        }
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
