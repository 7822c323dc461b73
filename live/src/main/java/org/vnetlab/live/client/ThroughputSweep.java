package org.vnetlab.live.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vnetlab.core.metrics.CpuLoadMethod;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.control.TestSpec;
import org.vnetlab.live.data.Sockets;

/**
 * The study's throughput method against a live server: for each payload size, each trial runs
 * every leg (rx, then tx with --tradeoff); a point per size and leg holds the median over trials.
 * CPU load per server-side source is the median of the middle {@value #CPU_MIDDLE} one-second
 * samples of the leg (the study takes the transmit half of each size's run; here each leg is its
 * own point, so each gets its own), then the median over trials.
 */
public final class ThroughputSweep {

    /** One-second CPU samples kept from the middle of a leg (the study keeps 5). */
    public static final int CPU_MIDDLE = 5;

    /**
     * What to measure.
     *
     * @param guest the name the points carry (the host as the user gave it)
     * @param legs  directions in the order run, from the server's point of view
     * @param sizes UDP payload sizes; ignored for TCP (one point at the path's MSS)
     */
    public record Plan(String guest, InetAddress server, int port, Transport transport, IpVersion ip,
                       List<Direction> legs, DataRate rate, List<Integer> sizes, Duration duration, int trials) {

        public Plan {
            legs = List.copyOf(legs);
            sizes = List.copyOf(sizes);
        }
    }

    /** Hears about each trial as it starts and ends, and each interval in between. */
    public interface Listener extends IntervalListener {
        void trialStarted(TestSpec spec, int trial, int trials);

        void trialDone(TestSpec spec, int trial, TrialResult result);
    }

    private ThroughputSweep() {
    }

    public static List<Point> run(Plan plan, Listener listener) throws IOException, InterruptedException {
        ThroughputClient client = new ThroughputClient(plan.server(), plan.port(), listener);
        List<Integer> sizes = plan.transport() == Transport.TCP ? List.of(tcpPayload(plan)) : plan.sizes();
        List<Point> points = new ArrayList<>();
        for (int size : sizes) {
            Map<Direction, List<TrialResult>> byLeg = new LinkedHashMap<>();
            for (int trial = 1; trial <= plan.trials(); trial++) {
                for (Direction leg : plan.legs()) {
                    TestSpec spec = new TestSpec(plan.transport(), plan.ip(), leg, plan.rate(), size, plan.duration());
                    listener.trialStarted(spec, trial, plan.trials());
                    TrialResult r = client.run(spec);
                    listener.trialDone(spec, trial, r);
                    byLeg.computeIfAbsent(leg, k -> new ArrayList<>()).add(r);
                }
            }
            byLeg.forEach((leg, trials) -> points.add(point(plan, leg, size, trials)));
        }
        return points;
    }

    static Point point(Plan plan, Direction leg, int size, List<TrialResult> trials) {
        double[] mbps = trials.stream().mapToDouble(TrialResult::mbps).toArray();
        Point.Builder b = Point.builder().transport(plan.transport().key()).protocol(plan.ip().key())
                .direction(leg.key()).payload(size).guest(plan.guest()).throughputMbps(Stats.median(mbps))
                .throughputTrials(trials.stream().map(TrialResult::mbps).toList())
                .cpuPercent(cpu(trials));
        if (plan.transport() == Transport.UDP) {
            b.loss(Stats.median(trials.stream().mapToDouble(TrialResult::loss).toArray()));
        }
        return b.build();
    }

    private static Map<String, Double> cpu(List<TrialResult> trials) {
        Map<String, List<Double>> perSource = new TreeMap<>();
        for (TrialResult t : trials) {
            t.cpuPercent().forEach((source, samples) -> {
                if (!samples.isEmpty()) {
                    double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
                    perSource.computeIfAbsent(source, k -> new ArrayList<>()).add(CpuLoadMethod.middleMedian(s,
                            CPU_MIDDLE));
                }
            });
        }
        Map<String, Double> cpu = new TreeMap<>();
        perSource.forEach((source, v) -> cpu.put(source, Stats.median(v.stream().mapToDouble(Double::doubleValue)
                .toArray())));
        return cpu;
    }

    /** TCP's payload per segment on the path to the server: the local interface's MTU less headers. */
    static int tcpPayload(Plan plan) throws IOException {
        try (DatagramChannel probe = DatagramChannel.open(Sockets.family(plan.server()))) {
            probe.connect(new InetSocketAddress(plan.server(), plan.port()));
            InetAddress local = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
            NetworkInterface nic = NetworkInterface.getByInetAddress(local);
            int mtu = nic == null ? 1500 : nic.getMTU();
            return Ethernet.maxPayload(mtu, plan.ip(), Transport.TCP);
        }
    }
}
