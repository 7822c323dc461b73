package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.LiveSettings.ClientSettings;
import org.vnetlab.live.client.ThroughputSweep;
import org.vnetlab.live.client.TrialResult;
import org.vnetlab.live.control.TestSpec;
import org.vnetlab.live.data.DataHeader;

/** {@code measure client HOST}: iperf-like throughput tests against {@code measure server}. */
public final class MeasureClientCommand implements Command {

    private final LiveSettings settings;
    private final ScenarioLoader loader;

    public MeasureClientCommand(LiveSettings settings, ScenarioLoader loader) {
        this.settings = settings;
        this.loader = loader;
    }

    @Override
    public String name() {
        return "measure client";
    }

    @Override
    public String arguments() {
        return "HOST";
    }

    @Override
    public String summary() {
        return "measure UDP or TCP throughput to a measure server (rx/tx from the server's point of view)";
    }

    @Override
    public List<Option> options() {
        ClientSettings c = settings.client();
        return List.of(
                Option.flag("--udp", "UDP: paced sender, receiver counts payload, loss and reordering (the default)"),
                Option.flag("--tcp", "TCP: bulk transfer"),
                LiveOptions.IPV4, LiveOptions.IPV6,
                Option.value("--rate", "RATE", "rate the UDP sender is asked for", c.rate().toString()),
                Option.value("--sizes", "LIST", "UDP payload sizes in bytes, comma-separated, or 'study' for the"
                        + " study's sweep", "1470 for IPv4, 1450 for IPv6"),
                Option.value("--duration", "S", "seconds each direction runs", Long.toString(c.duration().toSeconds())),
                Option.flag("--tradeoff", "client->server (rx), then server->client (tx), like iperf --tradeoff"),
                Option.flag("--reverse", "server->client (tx) only"),
                Option.value("--trials", "N", "trials per point; the median is reported", Integer.toString(c.trials())),
                LiveOptions.port(settings.server().port(), "server's control connection"),
                LiveOptions.JSON, LiveOptions.CSV);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws IOException, InterruptedException {
        String host = args.single("host");
        if (args.has("--tcp") && args.has("--udp")) {
            throw new UsageError(name() + ": --tcp and --udp exclude each other");
        }
        if (args.has("--tradeoff") && args.has("--reverse")) {
            throw new UsageError(name() + ": --tradeoff and --reverse exclude each other");
        }
        Transport transport = args.has("--tcp") ? Transport.TCP : Transport.UDP;
        if (transport == Transport.TCP && args.has("--sizes")) {
            throw new UsageError(name() + ": --sizes is for UDP; TCP segments are the path's MSS");
        }
        int seconds = args.positiveInt("--duration", (int) settings.client().duration().toSeconds());
        int trials = args.positiveInt("--trials", settings.client().trials());
        DataRate rate = LiveOptions.rate(args, "--rate", settings.client().rate());
        int port = LiveOptions.port(args, settings.server().port());
        InetAddress server = LiveOptions.resolve(args, host);
        IpVersion ip = LiveOptions.version(server);
        List<Integer> sizes = sizes(args, ip);
        List<Direction> legs = args.has("--tradeoff") ? Direction.TRADEOFF.legs()
                : List.of(args.has("--reverse") ? Direction.TX : Direction.RX);
        ThroughputSweep.Plan plan = new ThroughputSweep.Plan(host, server, port, transport, ip, legs, rate, sizes,
                Duration.ofSeconds(seconds), trials);
        List<Point> points = ThroughputSweep.run(plan, new Printer(io));
        summary(io, plan, points);
        for (Path p : LiveOptions.write(args, "measure " + host, points)) {
            io.out().println("wrote " + p);
        }
        return 0;
    }

    private List<Integer> sizes(ParsedArgs args, IpVersion ip) {
        String text = args.value("--sizes").orElse(null);
        if (text == null) {
            return List.of(ip == IpVersion.IPV4 ? 1470 : 1450);
        }
        if (text.equals("study")) {
            return loader.load("native", List.of()).scenario().workloads().stream()
                    .filter(UdpStream.class::isInstance).map(w -> ((UdpStream) w).sizes().of(ip))
                    .findFirst().orElseThrow();
        }
        List<Integer> sizes = new ArrayList<>();
        int max = settings.server().maxPayload();
        for (String s : text.split(",")) {
            try {
                int v = Integer.parseInt(s.trim());
                if (v < DataHeader.BYTES || v > max) {
                    throw new NumberFormatException();
                }
                sizes.add(v);
            } catch (NumberFormatException e) {
                throw new UsageError(name() + ": --sizes " + text + ": expected 'study' or payload sizes of "
                        + DataHeader.BYTES + "-" + max + " bytes, comma-separated");
            }
        }
        return sizes;
    }

    private static void summary(Terminal io, ThroughputSweep.Plan plan, List<Point> points) {
        io.out().printf("%nsummary: %s %s to %s, %d trial%s each, median%n", plan.transport().key(), plan.ip().key(),
                plan.guest(), plan.trials(), plan.trials() == 1 ? "" : "s");
        io.out().printf("%-9s %8s %10s %8s  %s%n", "direction", "payload", "Mbit/s", "loss %", "server cpu %");
        for (Point p : points) {
            io.out().printf("%-9s %8d %10.1f %8s  %s%n", p.direction(), p.payload(), p.throughputMbps(),
                    p.loss() == null ? "-" : String.format("%.2f", p.loss() * 100), cpu(p.cpuPercent()));
        }
    }

    private static String cpu(Map<String, Double> cpu) {
        if (cpu == null || cpu.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        cpu.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format("%.1f", v)));
        return sb.toString();
    }

    /** Prints each trial's per-second lines and its result as they come. */
    private static final class Printer implements ThroughputSweep.Listener {
        private final Terminal io;
        private boolean datagrams;

        Printer(Terminal io) {
            this.io = io;
        }

        @Override
        public void trialStarted(TestSpec spec, int trial, int trials) {
            String who = spec.direction() == Direction.RX ? "client -> server" : "server -> client";
            io.out().printf("%n%s %s %s %d B, trial %d/%d (%s%s, %d s)%n", spec.transport().key(), spec.ip().key(),
                    spec.direction().key(), spec.payload(), trial, trials, who,
                    spec.transport() == Transport.UDP ? ", " + spec.rate() + " asked" : "",
                    spec.duration().toSeconds());
            datagrams = spec.transport() == Transport.UDP;
            io.out().printf("%8s %10s %10s%n", "second", "Mbit/s", datagrams ? "packets" : "");
            io.out().flush();
        }

        @Override
        public void interval(int second, long bytes, long packets) {
            io.out().printf("%8d %10.1f %10s%n", second, bytes * 8 / 1e6, datagrams ? Long.toString(packets) : "");
            io.out().flush();
        }

        @Override
        public void trialDone(TestSpec spec, int trial, TrialResult r) {
            io.out().printf("%8s %10.1f %10s  delivered over %.2f s%s%n", "total", r.mbps(),
                    datagrams ? Long.toString(r.packetsReceived()) : "",
                    r.seconds(), r.loss() == null ? "" : String.format(", sent %.1f Mbit/s, loss %.2f %% of %d, reordered %d",
                            r.sentMbps(), r.loss() * 100, r.packetsSent(), r.reordered()));
            io.out().flush();
        }
    }
}
