package org.vnetlab.live.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.client.IntervalListener;
import org.vnetlab.live.client.ThroughputClient;
import org.vnetlab.live.client.TrialResult;
import org.vnetlab.live.control.MeasureServer;
import org.vnetlab.live.control.TestSpec;

/**
 * {@code vnetlab bench live}: on loopback, TCP Gbit/s and UDP packets/s at {@value #SMALL_PAYLOAD} B
 * payload for vnetlab and for iperf3 in the same run, each counted at its receiver.
 */
public final class LiveBench {

    /** The small UDP payload of the packets-per-second figure. */
    public static final int SMALL_PAYLOAD = 64;
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * The figures, medians over the rounds; iperf3's are NaN when it is not installed.
     *
     * @param vnetlabUdpPps datagrams per second received (the figure compared)
     * @param vnetlabUdpSentPps datagrams per second the sender sent
     * @param udpLoss fraction of vnetlab's datagrams lost at the receiver
     */
    public record Figures(int seconds, int rounds, double vnetlabTcpGbps, double iperfTcpGbps, double vnetlabUdpPps,
                          double iperfUdpPps, double vnetlabUdpSentPps, double iperfUdpSentPps, double udpLoss,
                          double iperfUdpLoss) {

        public double tcpRatio() {
            return vnetlabTcpGbps / iperfTcpGbps;
        }

        public double udpRatio() {
            return vnetlabUdpPps / iperfUdpPps;
        }
    }

    private LiveBench() {
    }

    /**
     * Runs {@code rounds} rounds, each vnetlab TCP, iperf3 TCP, vnetlab UDP, iperf3 UDP in turn (so
     * drift in the machine's load hits both tools alike), after one uncounted second of each vnetlab
     * test to bring its code to compiled form; every figure is the median over the rounds.
     */
    public static Figures run(ServerSettings settings, int seconds, int rounds, Consumer<String> progress)
            throws IOException, InterruptedException {
        ServerSettings s = settings.withBind(LOOPBACK).withPorts(0, 0);
        boolean iperf3 = Iperf3.installed();
        double[][] f = new double[8][rounds];
        for (double[] row : f) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        try (MeasureServer server = MeasureServer.start(MeasureServer.Role.THROUGHPUT, s, List.of(), r -> { })) {
            ThroughputClient client = new ThroughputClient(InetAddress.getByName(LOOPBACK),
                    server.controlAddress().getPort(), IntervalListener.NONE);
            progress.accept("warm-up");
            client.run(tcp(s, 1));
            client.run(udp(s, 1));
            for (int r = 0; r < rounds; r++) {
                progress.accept("round " + (r + 1) + "/" + rounds);
                f[0][r] = client.run(tcp(s, seconds)).mbps() / 1000;
                TrialResult u = client.run(udp(s, seconds));
                f[2][r] = u.packetsReceived() / u.seconds();
                f[4][r] = u.packetsSent() / (double) seconds;
                f[6][r] = u.loss();
                if (iperf3) {
                    f[1][r] = iperf(seconds, List.of()).bitsPerSecond() / 1e9;
                    Iperf3.Run i = iperf(seconds, List.of("-u", "-b", "0", "-l", Integer.toString(SMALL_PAYLOAD)));
                    f[3][r] = i.receivedPacketsPerSecond();
                    f[5][r] = i.packets() / i.seconds();
                    f[7][r] = i.packets() == 0 ? 0 : i.lost() / (double) i.packets();
                }
            }
        }
        return new Figures(seconds, rounds, median(f[0]), median(f[1]), median(f[2]), median(f[3]), median(f[4]),
                median(f[5]), median(f[6]), median(f[7]));
    }

    private static double median(double[] v) {
        return Double.isNaN(v[0]) ? Double.NaN : Stats.median(v);
    }

    private static TestSpec tcp(ServerSettings s, int seconds) {
        return new TestSpec(Transport.TCP, IpVersion.IPV4, Direction.RX, s.maxRate(), SMALL_PAYLOAD,
                Duration.ofSeconds(seconds));
    }

    private static TestSpec udp(ServerSettings s, int seconds) {
        return new TestSpec(Transport.UDP, IpVersion.IPV4, Direction.RX, s.maxRate(), SMALL_PAYLOAD,
                Duration.ofSeconds(seconds));
    }

    private static Iperf3.Run iperf(int seconds, List<String> extra) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process server = Iperf3.server(List.of(), LOOPBACK, port);
        try {
            return Iperf3.client(List.of(), LOOPBACK, port, seconds, extra);
        } finally {
            Iperf3.stop(server);
        }
    }
}
