package org.vnetlab.sim.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Published measurements of other Xen testbeds (2005-2015) as checks, independent of the
 * study the defaults were fitted to: relations the model of the study's testbed should
 * reproduce, each with its expected range, its source and the source's certainty (see
 * {@link Check.Cited}). docs/VALIDATION.md states each relation, its source and what the model
 * gives. No parameter is fitted to these; a failure is reported with its mechanism, not tuned away.
 *
 * <p>Every scenario here is short: one trial; UDP legs of 1 s at two payload sizes, TCP legs of
 * 1 s (10 s for the seven guests sharing the wire); closed-loop pings of 2 to 10 s of simulated
 * time.
 */
public final class LiteratureFacts {

    /**
     * Row 1's runs: one trial of 1 s at 36 and 1470 B, each sender sleeping between datagrams: the
     * ratio compares the network path's CPU per packet, and iperf 2's busy wait (the study's tool,
     * {@code udp.pacing = spin}) is the tool's own CPU, on either side, which the sources' tools
     * did not spend.
     */
    private static final String[] SHORT = {"udp.sizes.ipv4=[36,1470]", "udp.duration=1s", "method.trials=1",
            "udp.pacing=timer"};
    /**
     * Row 3's sources' setup: TCP received on one CPU, as fast as the sender gets it there, on
     * 10 GbE so that the CPU, not the wire, bounds native Linux as well as the guest; and a
     * sender twice as fast as machine 1, as the study's machine 2 (0.6) would bound native Linux
     * here (2.8 Gbit/s with its CPU at 61 %) where the sources' receivers were CPU-bound.
     */
    private static final String[] ONE_CPU = {"host.cpus=1", "host.nic.rate=10 Gbit/s",
            "peer.nic.rate=10 Gbit/s", "link.rate=10 Gbit/s", "peer.cpu-speed=2.0", "tcp.direction=rx",
            "tcp.duration=1s", "method.trials=1"};

    static final ScenarioRef NATIVE = ScenarioRef.of("native", SHORT);
    static final ScenarioRef XEN = ScenarioRef.of("xen-single", SHORT);
    static final ScenarioRef NATIVE_1CPU = ScenarioRef.of("native", ONE_CPU);
    static final ScenarioRef XEN_1CPU = ScenarioRef.of("xen-single",
            Stream.concat(Stream.of(ONE_CPU), Stream.of("xen.dom0.vcpus=1")).toArray(String[]::new));
    /** The paper's kernels: its authors' round-robin event scan, in every variant it compares but "orig". */
    private static final String FIX = "model.xen.dom0.fair-event-scan=true";
    static final ScenarioRef BOOST_TICKLE = ScenarioRef.of("lit-boost-7burners", FIX);
    static final ScenarioRef BOOST_ONLY = ScenarioRef.of("lit-boost-7burners", FIX, "model.xen.scheduler.tickle=false");
    static final ScenarioRef TICKLE_ONLY = ScenarioRef.of("lit-boost-7burners", FIX, "model.xen.scheduler.boost=false");
    static final ScenarioRef NEITHER = ScenarioRef.of("lit-boost-7burners", FIX, "model.xen.scheduler.boost=false",
            "model.xen.scheduler.tickle=false");
    static final ScenarioRef BUSY_PINGED = ScenarioRef.of("lit-busy-pinged", FIX);
    /** Fig. 11: the idle twin of lit-busy-pinged, in the variants the model can express. */
    static final ScenarioRef IDLE_PINGED = ScenarioRef.of("lit-idle-pinged", FIX);
    static final ScenarioRef IDLE_PINGED_BOOST_ONLY = ScenarioRef.of("lit-idle-pinged", FIX,
            "model.xen.scheduler.tickle=false");
    static final ScenarioRef IDLE_PINGED_TICKLE_ONLY = ScenarioRef.of("lit-idle-pinged", FIX,
            "model.xen.scheduler.boost=false");
    static final ScenarioRef IDLE_PINGED_NEITHER = ScenarioRef.of("lit-idle-pinged", FIX,
            "model.xen.scheduler.boost=false", "model.xen.scheduler.tickle=false");
    /** Row 6: the study's own RTT beside a burner (its {@code rtt} scenario), one trial. */
    static final ScenarioRef STUDY_BURNED_RTT = ScenarioRef.of("rtt", "rtt.reflector=domU-burned", "method.trials=1");
    /** The reflecting guest of the study's burned RTT variant: domU1 burns. */
    static final String BURNED_REFLECTOR = "domU2";
    /**
     * Row 9: seven guests receiving TCP, one trial of 10 s (2 s leave the shares still settling),
     * at each of {@link #STREAM_SEEDS}: how far apart the shares lie is chaotic in the seed (the
     * fastest over the slowest went from 1.32 to 2.36 over seeds 1 to 5 with the model of
     * 2026-12-06), where the paper's figures are a run each, so the check reads the median run.
     * As Xen 3.0.4 is: BOOST, tickling, and the lowest-port-first event scan (the paper's "orig").
     */
    static final int STREAM_SEEDS = 5;
    /**
     * Row 8: the pinged guest's mean RTT beside seven TCP receivers, a run at each of
     * {@link #STREAM_SEEDS}, read in the median run: with Dom0's upcall ahead of netback's tasklets
     * it lay at 3.71, 5.41, 5.19, 4.82 and 5.44 ms over seeds 1 to 5 (2026-12-07).
     */
    static final List<ScenarioRef> STREAMERS = seeded("lit-streamers", FIX);
    static final List<ScenarioRef> STREAMS_STOCK = streams();
    static final List<ScenarioRef> STREAMS_BOOST_ONLY = streams(FIX, "model.xen.scheduler.tickle=false");
    static final List<ScenarioRef> STREAMS_NEITHER = streams(FIX, "model.xen.scheduler.tickle=false",
            "model.xen.scheduler.boost=false");
    /** The guests of lit-7streams, each receiving one TCP stream. */
    static final int STREAMING_GUESTS = 7;
    /** The pinged guest of lit-boost-7burners and lit-streamers: the last of eight. */
    static final String PINGED = "domU8";
    /** The pinged guest of lit-busy-pinged and lit-idle-pinged: the last of Figs 11's and 12's seven. */
    static final String BUSY_PINGED_GUEST = "domU7";

    private static final int ANY = Integer.MAX_VALUE;
    private static final String ONGARO = "Ongaro, Cox, Rixner, VEE 2008";

    private LiteratureFacts() {
    }

    /** The bundled literature dataset. */
    public static Dataset literature() {
        return new Dataset("literature", checks());
    }

    public static List<Check> checks() {
        List<Check> c = new ArrayList<>();
        c.add(new Check.Cited(new Check.Holds("1 total CPU per packet, xen-single/native (UDP rx and tx)",
                List.of(cpuPerPacket("rx"), cpuPerPacket("tx")), 0, ANY, Range.between(2, 4), 0.1, "%.2f"),
                "Menon et al. VEE 2005 2.2-2.5x; Apparao et al. VTDC 2006 3-4x; Santos et al. Xen Summit 2007 ~3x",
                "S/A", false));
        c.add(new Check.Cited(new Check.Holds("3 DomU TCP receive rate / native, 1 CPU, CPU-bound (10 GbE)",
                List.of(new Expr.Ratio(tcpRx(XEN_1CPU), tcpRx(NATIVE_1CPU))), 0, ANY, Range.between(0.3, 0.5), 0.01,
                "%.3f"), "Menon et al. USENIX ATC 2006 0.33 (derived); Menon et al. VEE 2005 < 1/2; Apparao et al."
                + " VTDC 2006 < 0.5", "D/S/A", false));
        c.add(new Check.Cited(new Check.Holds("3 DomU receive rate / native, 2 CPUs, 36 B",
                List.of(new Expr.Ratio(rx(XEN), rx(NATIVE))), 0, 36, Range.between(0.3, 1.0), 0.01, "%.3f"),
                "two stages in parallel: the slower one sets the rate", "D", true));
        // Fig. 4 shows every ping (mostly 0.2-0.3 ms, some spikes): the median; Figs 7-10 and 12
        // annotate each variant with its mean, which a closed-loop ping's rare long waits dominate
        c.add(rtt("5 RTT, idle DomU beside 7 burners, BOOST and tickle", Metric.RTT_MEDIAN, Range.between(0.2, 0.3),
                ONGARO + " Fig. 4", PINGED, BOOST_TICKLE));
        c.add(rtt("5 RTT, idle DomU beside 7 burners, BOOST without tickle", Metric.RTT_MEAN, Range.between(35, 48),
                ONGARO + " Figs 7, 8: 41.3, 41.9 ms mean", PINGED, BOOST_ONLY));
        c.add(rtt("5 RTT, idle DomU beside 7 burners, no BOOST (tickle on, off)", Metric.RTT_MEAN,
                Range.between(150, 165), ONGARO + " Figs 4, 7, 8: 158.9, 160.4; 162.1, 163.5 ms mean", PINGED,
                TICKLE_ONLY, NEITHER));
        // Fig. 11: three of the seven guests burn, three receive TCP: the paper's variants with its
        // fix lie at 9.5-16.3 ms but BOOST with tickling, 72.1
        c.add(rtt("5 RTT, idle DomU beside 3 burners and 3 TCP receivers, BOOST and tickle", Metric.RTT_MEAN,
                Range.between(61, 83), ONGARO + " Fig. 11: 72.1 ms mean", BUSY_PINGED_GUEST, IDLE_PINGED));
        c.add(rtt("5 RTT, idle DomU beside 3 burners and 3 TCP receivers, BOOST or tickle or neither",
                Metric.RTT_MEAN, Range.between(9.5, 16.3), ONGARO + " Fig. 11: 9.5-16.3 ms mean in every Credit"
                        + " variant with the fix but BOOST with tickle", BUSY_PINGED_GUEST, IDLE_PINGED_BOOST_ONLY,
                IDLE_PINGED_TICKLE_ONLY, IDLE_PINGED_NEITHER));
        // row 6 is an inference from row 5 for the study's own case: a 500 Mbit/s probe, 2 CPUs
        c.add(new Check.Cited(new Check.Holds("6 RTT, the study's reflector DomU beside one burner, 2 CPUs, BOOST and"
                + " tickle, mean ms", List.of(new Expr.Of(new Series(STUDY_BURNED_RTT, null, "ipv4", "roundtrip",
                BURNED_REFLECTOR, Metric.RTT_MEAN))), 0, ANY, Range.atMost(10), 1, "%.3f"),
                "inferred from " + ONGARO + " (row 5): an I/O domain that stays UNDER keeps BOOST, so its waits"
                + " stay well below one 30 ms slice", "P", true));
        c.add(new Check.Cited(new Check.Accounting("6 share of ticks the study's reflector DomU is OVER beside a"
                + " burner", STUDY_BURNED_RTT, BURNED_REFLECTOR, Range.atMost(0.05)), "inferred from " + ONGARO
                + " 3.3 (row 13): the reflector blocks between probes, so it stays UNDER", "P", true));
        c.add(rtt("7 RTT, the pinged DomU burns too (3 burners, 3 TCP receivers)", Metric.RTT_MEAN,
                Range.between(10, 1000), ONGARO + " Fig. 12: 45-183 ms; Hu et al. 2011: 49 ms", BUSY_PINGED_GUEST,
                BUSY_PINGED));
        c.add(rttCheck("8 RTT, idle DomU while 7 DomUs receive TCP", Metric.RTT_MEAN, Range.between(3.9, 8.6),
                ONGARO + " Figs 9, 10", List.of(new Expr.Median(STREAMERS.stream()
                        .<Expr>map(s -> new Expr.Of(rttSeries(s, PINGED, Metric.RTT_MEAN))).toList())),
                ", median of " + STREAM_SEEDS + " seeds"));
        c.add(new Check.Cited(new Check.Holds("9 TCP shares of 7 receiving DomUs, 1 CPU, no tickle (BOOST on, off):"
                + " fastest - slowest Mbit/s, median of 5 seeds", List.of(guestShares(STREAMS_BOOST_ONLY, false),
                guestShares(STREAMS_NEITHER, false)), 0, ANY, Range.atMost(17), 1.7, "%.1f"),
                ONGARO + " Fig. 5: spread below 17 Mbit/s in every variant without tickling", "P", false));
        c.add(new Check.Cited(new Check.Holds("9 TCP shares of 7 receiving DomUs, 1 CPU, BOOST and tickle:"
                + " fastest / slowest, median of 5 seeds", List.of(guestShares(STREAMS_STOCK, true)), 0, ANY, Range.between(1.5, 8.05),
                0.15, "%.2f"), ONGARO + " Fig. 3 ~1.5x (stock); Fig. 5 192.3/23.9 = 8.0x (orig: the"
                + " lowest-port event scan, as this check runs)", "P", false));
        c.add(new Check.Cited(new Check.Accounting("13 share of ticks the pinged DomU is OVER (BOOST, tickle)",
                BOOST_TICKLE, PINGED, Range.atMost(0.05)), ONGARO + " 3.3", "P", false));
        return c;
    }

    /** lit-7streams, one trial of 10 s, with {@code sets}, a run at each seed from 1 to {@link #STREAM_SEEDS}. */
    private static List<ScenarioRef> streams(String... sets) {
        List<String> all = new ArrayList<>(List.of("method.trials=1", "tcp.duration=10s"));
        all.addAll(List.of(sets));
        return seeded("lit-7streams", all.toArray(String[]::new));
    }

    /** {@code scenario} with {@code sets}, a run at each seed from 1 to {@link #STREAM_SEEDS}. */
    private static List<ScenarioRef> seeded(String scenario, String... sets) {
        List<ScenarioRef> runs = new ArrayList<>();
        for (int seed = 1; seed <= STREAM_SEEDS; seed++) {
            List<String> all = new ArrayList<>(List.of(sets));
            all.add("method.seed=" + seed);
            runs.add(new ScenarioRef(scenario, all));
        }
        return runs;
    }

    /**
     * The TCP receive throughputs of lit-7streams' guests: their spread, or fastest over slowest,
     * in the median of {@code runs}.
     */
    private static Expr guestShares(List<ScenarioRef> runs, boolean ratio) {
        List<Expr> each = new ArrayList<>();
        for (ScenarioRef s : runs) {
            List<Series> guests = new ArrayList<>();
            for (int i = 1; i <= STREAMING_GUESTS; i++) {
                guests.add(new Series(s, "tcp", "ipv4", "rx", "domU" + i, Metric.THROUGHPUT));
            }
            each.add(new Expr.Extremes(guests, ratio));
        }
        return new Expr.Median(each);
    }

    /** (Dom0 + DomU CPU per Mbit/s on Xen) / (CPU per Mbit/s on native): the ratio of CPU per packet. */
    private static Expr cpuPerPacket(String direction) {
        return new Expr.Quotient(perMbps(XEN, direction), perMbps(NATIVE, direction));
    }

    private static Expr perMbps(ScenarioRef s, String direction) {
        return new Expr.Quotient(new Expr.Of(Series.udp(s, "ipv4", direction, Metric.CPU_TOTAL)),
                new Expr.Of(Series.udp(s, "ipv4", direction, Metric.THROUGHPUT)));
    }

    private static Series rx(ScenarioRef s) {
        return Series.udp(s, "ipv4", "rx", Metric.THROUGHPUT);
    }

    private static Series tcpRx(ScenarioRef s) {
        return new Series(s, "tcp", "ipv4", "rx", null, Metric.THROUGHPUT);
    }

    /** The pinged guest's RTT {@code statistic} lies in {@code range} in each of {@code scenarios}. */
    private static Check rtt(String label, Metric statistic, Range range, String source, String pinged,
                             ScenarioRef... scenarios) {
        List<Expr> values = new ArrayList<>();
        for (ScenarioRef s : scenarios) {
            values.add(new Expr.Of(rttSeries(s, pinged, statistic)));
        }
        return rttCheck(label, statistic, range, source, values, "");
    }

    private static Series rttSeries(ScenarioRef s, String pinged, Metric statistic) {
        return new Series(s, null, "ipv4", "roundtrip", pinged, statistic);
    }

    /** That each of {@code values}, an RTT statistic in ms, lies in {@code range}. */
    private static Check rttCheck(String label, Metric statistic, Range range, String source, List<Expr> values,
                                  String how) {
        String part = statistic.key().substring(statistic.key().indexOf('.') + 1);
        return new Check.Cited(new Check.Holds(label + ", " + part + " ms" + how, values, 0, ANY, range,
                0.1 * range.min(), "%.3f"), source, "P", false);
    }
}
