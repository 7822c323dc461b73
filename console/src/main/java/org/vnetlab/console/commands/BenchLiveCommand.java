package org.vnetlab.console.commands;

import java.io.IOException;
import java.util.List;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.bench.LiveBench;
import org.vnetlab.live.bench.LiveBench.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench live}: vnetlab's measurement speed against iperf3's on loopback, printed as a table. */
@Command(name = "live", description = "TCP Gbit/s and UDP packets/s at " + LiveBench.SMALL_PAYLOAD
        + " B on loopback, vnetlab against iperf3")
public final class BenchLiveCommand implements org.vnetlab.console.cli.Command {

    /** Targets: vnetlab / iperf3. */
    static final double TCP_TARGET = 0.9;
    static final double UDP_TARGET = 1.0;

    private final LiveSettings settings;

    @Option(names = "--duration", paramLabel = "S", converter = Converters.PositiveInt.class,
            description = "seconds of each run (default: ${DEFAULT-VALUE})")
    int seconds = 3;

    @Option(names = "--rounds", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "rounds of the four runs; medians are printed (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    public BenchLiveCommand(LiveSettings settings) {
        this.settings = settings;
    }

    @Override
    public int run(Terminal io) throws IOException, InterruptedException {
        Figures f = LiveBench.run(settings.server(), seconds, rounds, step -> {
            if (io.interactive()) {
                io.err().println("running " + step + " ...");
            }
        });
        io.out().printf("loopback, %d s a run, median of %d rounds, counted at the receiver%n", f.seconds(),
                f.rounds());
        io.out().printf("%-30s %12s %12s %8s %8s%n", "", "vnetlab", "iperf3", "ratio", "target");
        io.out().printf("%-30s %12.2f %12s %8s %8s%n", "TCP Gbit/s", f.vnetlabTcpGbps(), fmt(f.iperfTcpGbps(), "%.2f"),
                ratio(f.tcpRatio()), String.format(">= %.1fx", TCP_TARGET));
        io.out().printf("%-30s %12.0f %12s %8s %8s%n", "UDP " + LiveBench.SMALL_PAYLOAD + " B packets/s received",
                f.vnetlabUdpPps(), fmt(f.iperfUdpPps(), "%.0f"), ratio(f.udpRatio()),
                String.format(">= %.1fx", UDP_TARGET));
        io.out().printf("%-30s %12.0f %12s%n", "UDP " + LiveBench.SMALL_PAYLOAD + " B packets/s sent",
                f.vnetlabUdpSentPps(), fmt(f.iperfUdpSentPps(), "%.0f"));
        io.out().printf("%-30s %11.2f%% %11s%%%n", "UDP loss at the receiver", f.udpLoss() * 100,
                fmt(f.iperfUdpLoss() * 100, "%.2f"));
        if (Double.isNaN(f.iperfTcpGbps())) {
            io.out().println("iperf3 is not installed (apt-get install iperf3): no ratios");
        }
        return 0;
    }

    private static String fmt(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(format, v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format("%.2fx", r);
    }
}
