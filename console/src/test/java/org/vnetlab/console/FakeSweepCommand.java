package org.vnetlab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.commands.ScenarioOptions;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * Test stand-in for the simulator: takes a scenario like {@code sim}, sweeps its UDP payload
 * sizes for IPv4 and IPv6 with a made-up curve per guest, {@code --delay-ms} per point, draws the
 * progress bar, honours Ctrl-C and publishes what it has done.
 */
public final class FakeSweepCommand implements Command {

    static final Option DELAY = Option.value("--delay-ms", "MS", "wall-clock time per point", "0");
    static final Option QUIET = Option.flag("--quiet", "no progress bar");
    static final Option PROTOCOL = Option.value("--protocol", "ipv4|ipv6|both", "which IP versions", "both");

    private final ScenarioLoader loader;

    public FakeSweepCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "fakesweep";
    }

    @Override
    public String arguments() {
        return "NAME|FILE";
    }

    @Override
    public String summary() {
        return "a made-up sweep for tests";
    }

    @Override
    public List<Option> options() {
        List<Option> all = new ArrayList<>(ScenarioOptions.all());
        all.add(DELAY);
        all.add(QUIET);
        all.add(PROTOCOL);
        return all;
    }

    @Override
    public boolean takesScenario() {
        return true;
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws InterruptedException {
        LoadedScenario s = ScenarioOptions.load(loader, args.single("scenario"), args);
        long delay = args.value(DELAY.name(), Long::parseLong, "milliseconds").orElse(0L);
        List<String> guests = s.scenario().platform().guestNames();
        List<Integer> sizes = List.of(36, 100, 300, 500, 800, 1000, 1200, 1400);
        String chosen = args.value(PROTOCOL.name()).orElse("both");
        List<String> protocols = chosen.equals("both") ? List.of("ipv4", "ipv6") : List.of(chosen);
        int total = sizes.size() * protocols.size();
        Progress bar = Progress.start(args.has(QUIET.name()) ? io.quiet() : io, total);
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
