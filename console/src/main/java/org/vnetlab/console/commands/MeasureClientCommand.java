package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.CommandFailure;
import org.vnetlab.console.cli.Converters;
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
import org.vnetlab.live.client.MeasureException;
import org.vnetlab.live.client.ThroughputSweep;
import org.vnetlab.live.client.TrialResult;
import org.vnetlab.live.control.TestSpec;
import org.vnetlab.live.data.DataHeader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code measure client HOST}: iperf-like throughput tests against {@code measure server}. */
@Command(name = "client",
        description = "measure UDP or TCP throughput to a measure server (rx/tx from the server's point of view)")
public final class MeasureClientCommand implements org.vnetlab.console.cli.Command {

    /** --udp or --tcp. */
    static final class Protocol {
        @Option(names = "--udp", description = "UDP: paced sender, receiver counts payload, loss and reordering (the default)")
        boolean udp;

        @Option(names = "--tcp", description = "TCP: bulk transfer")
        boolean tcp;
    }

    /** --tradeoff or --reverse. */
    static final class Legs {
        @Option(names = "--tradeoff", description = "client->server (rx), then server->client (tx), like iperf --tradeoff")
        boolean tradeoff;

        @Option(names = "--reverse", description = "server->client (tx) only")
        boolean reverse;
    }

    private final LiveSettings settings;
    private final ScenarioLoader loader;

    @Parameters(paramLabel = "HOST", description = "the host running vnetlab measure server")
    String host;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Protocol protocol;

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "rate the UDP sender is asked for (default: ${DEFAULT-VALUE})")
    DataRate rate;

    @Option(names = "--sizes", paramLabel = "LIST", description = "UDP payload sizes in bytes, comma-separated, or"
            + " 'study' for the study's sweep (default: 1470 for IPv4, 1450 for IPv6)")
    String sizes;

    @Option(names = "--duration", paramLabel = "S", converter = Converters.PositiveInt.class,
            description = "seconds each direction runs (default: ${DEFAULT-VALUE})")
    int seconds;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Legs legs;

    @Option(names = "--trials", paramLabel = "N", converter = Converters.Trials.class,
            description = "trials per point; the median is reported (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--port", paramLabel = "N", converter = Converters.Port.class,
            description = "TCP port of the server's control connection (default: ${DEFAULT-VALUE})")
    int port;

    @Mixin
    LiveOptions live;

    @Spec
    CommandSpec commandSpec;

    public MeasureClientCommand(LiveSettings settings, ScenarioLoader loader) {
        this.settings = settings;
        this.loader = loader;
        ClientSettings c = settings.client();
        this.rate = c.rate();
        this.seconds = (int) c.duration().toSeconds();
        this.trials = c.trials();
        this.port = settings.server().port();
    }

    @Override
    public int run(Terminal io) throws IOException, InterruptedException {
        Transport transport = protocol != null && protocol.tcp ? Transport.TCP : Transport.UDP;
        if (transport == Transport.TCP && sizes != null) {
            throw new UsageError("measure client: --sizes is for UDP; TCP segments are the path's MSS");
        }
        if (transport == Transport.TCP && !commandSpec.findOption("--rate").originalStringValues().isEmpty()) {
            throw new UsageError("measure client: --rate paces the UDP sender; a TCP test sends as fast as the path"
                    + " takes");
        }
        if (seconds > Converters.MAX_WALL_SECONDS) {
            throw new UsageError("measure client: --duration " + seconds + ": at most "
                    + (long) Converters.MAX_WALL_SECONDS + " s (a day)");
        }
        live.checkOutputs("measure client");
        InetAddress server = live.resolve("measure client", host);
        IpVersion ip = LiveOptions.version(server);
        List<Integer> sizeList = sizes(ip);
        List<Direction> legs = this.legs != null && this.legs.tradeoff ? Direction.TRADEOFF.legs()
                : List.of(this.legs != null && this.legs.reverse ? Direction.TX : Direction.RX);
        ThroughputSweep.Plan plan = new ThroughputSweep.Plan(host, server, port, transport, ip, legs, rate, sizeList,
                Duration.ofSeconds(seconds), trials);
        List<Point> points;
        try {
            points = ThroughputSweep.run(plan, new Printer(io));
        } catch (MeasureException e) {
            throw new CommandFailure("measure client: " + e.getMessage());
        }
        summary(io, plan, points);
        live.write(host, points, io);
        return 0;
    }

    private List<Integer> sizes(IpVersion ip) {
        String text = sizes;
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
                throw new UsageError("measure client: --sizes " + text + ": expected 'study' or payload sizes of "
                        + DataHeader.BYTES + "-" + max + " bytes, comma-separated");
            }
        }
        Converters.checkEachSizeOnce("measure client: --sizes " + text, sizes);
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
