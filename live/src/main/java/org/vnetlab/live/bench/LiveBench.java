package org.vnetlab.live.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
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
     * The figures; iperf3's are NaN when it is not installed.
     *
     * @param vnetlabUdpPps datagrams per second received (the figure compared)
     * @param vnetlabUdpSentPps datagrams per second the sender sent
     * @param udpLoss fraction of vnetlab's datagrams lost at the receiver
     */
    public record Figures(int seconds, double vnetlabTcpGbps, double iperfTcpGbps, double vnetlabUdpPps,
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

    public static Figures run(ServerSettings settings, int seconds, Consumer<String> progress)
            throws IOException, InterruptedException {
        ServerSettings s = settings.withBind(LOOPBACK).withPorts(0, 0);
        double tcp;
        TrialResult udp;
        try (MeasureServer server = MeasureServer.start(MeasureServer.Role.THROUGHPUT, s, List.of(), r -> { })) {
            ThroughputClient client = new ThroughputClient(InetAddress.getByName(LOOPBACK),
                    server.controlAddress().getPort(), IntervalListener.NONE);
            progress.accept("vnetlab TCP");
            tcp = client.run(new TestSpec(Transport.TCP, IpVersion.IPV4, Direction.RX, s.maxRate(), SMALL_PAYLOAD,
                    Duration.ofSeconds(seconds))).mbps() / 1000;
            progress.accept("vnetlab UDP " + SMALL_PAYLOAD + " B");
            udp = client.run(new TestSpec(Transport.UDP, IpVersion.IPV4, Direction.RX, s.maxRate(), SMALL_PAYLOAD,
                    Duration.ofSeconds(seconds)));
        }
        double iperfTcp = Double.NaN;
        double iperfPps = Double.NaN;
        double iperfLoss = Double.NaN;
        double iperfSent = Double.NaN;
        if (Iperf3.installed()) {
            progress.accept("iperf3 TCP");
            iperfTcp = iperf(seconds, List.of()).bitsPerSecond() / 1e9;
            progress.accept("iperf3 UDP " + SMALL_PAYLOAD + " B");
            Iperf3.Run u = iperf(seconds, List.of("-u", "-b", "0", "-l", Integer.toString(SMALL_PAYLOAD)));
            iperfPps = u.receivedPacketsPerSecond();
            iperfSent = u.packets() / u.seconds();
            iperfLoss = u.packets() == 0 ? 0 : u.lost() / (double) u.packets();
        }
        return new Figures(seconds, tcp, iperfTcp, udp.packetsReceived() / udp.seconds(), iperfPps,
                udp.packetsSent() / (udp.spec().duration().toNanos() / 1e9), iperfSent, udp.loss(), iperfLoss);
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
