package org.vnetlab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.commands.ScenarioOptions;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Test stand-in for the simulator: takes a scenario like {@code sim}, sweeps its UDP payload
 * sizes for IPv4 and IPv6 with a made-up curve per guest, {@code --delay-ms} per point, draws the
 * progress bar, honours Ctrl-C and publishes what it has done.
 */
@Command(name = "fakesweep", description = "a made-up sweep for tests")
public final class FakeSweepCommand implements ScenarioCommand {

    /** Which IP versions. */
    public enum Protocols {
        IPV4, IPV6, BOTH;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "NAME|FILE")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--delay-ms", paramLabel = "MS", description = "wall-clock time per point")
    long delay;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--protocol", paramLabel = "ipv4|ipv6|both", description = "which IP versions")
    Protocols protocol = Protocols.BOTH;

    public FakeSweepCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws InterruptedException {
        LoadedScenario s = scenarioOptions.load(loader, scenario);
        List<String> guests = s.scenario().platform().guestNames();
        List<Integer> sizes = List.of(36, 100, 300, 500, 800, 1000, 1200, 1400);
        List<String> protocols = protocol == Protocols.BOTH ? List.of("ipv4", "ipv6") : List.of(protocol.toString());
        int total = sizes.size() * protocols.size();
        Progress bar = Progress.start(quiet ? io.quiet() : io, total, "points", 1);
        List<Point> points = new ArrayList<>();
        outer:
        for (String protocol : protocols) {
            for (int size : sizes) {
                if (io.isCancelled()) {
                    break outer;
                }
                Thread.sleep(delay);
                for (String guest : guests) {
                    double mbps = Math.min(950, size * 1.2) / guests.size() - (protocol.equals("ipv6") ? 10 : 0);
                    points.add(Point.builder().protocol(protocol).payload(size).guest(guest).throughputMbps(mbps)
                            .cpuPercent(Map.of("dom0", Math.max(20, 100 - size / 20.0), guest, 50.0)).build());
                }
                bar.step();
            }
        }
        bar.done();
        io.publish(new Result("sim", s.scenario().name(), 1, "test", "defaults", points));
        io.out().println(points.size() + " points");
        return 0;
    }
}
