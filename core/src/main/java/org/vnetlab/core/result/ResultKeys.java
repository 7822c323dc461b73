package org.vnetlab.core.result;

import java.util.List;

/**
 * The keys of schema {@value Result#SCHEMA}, each named once: the JSON writer and reader, the CSV
 * columns and the dataset checks use these. A key carries its unit.
 */
public final class ResultKeys {

    public static final String SCHEMA = "schema";
    public static final String MODE = "mode";
    public static final String SCENARIO = "scenario";
    public static final String SEED = "seed";
    public static final String VERSION = "version";
    public static final String PARAMETERS = "parameters";
    public static final String POINTS = "points";
    public static final String MADE = "made";

    /** The keys of {@code made}, how a simulation was made ({@link Made}). */
    public static final String SETS = "sets";
    public static final String TRIALS = "trials";
    public static final String DURATION_S = "duration_s";
    public static final String SIZES = "sizes";
    public static final String EXACT = "exact";

    public static final String TRANSPORT = "transport";
    public static final String PROTOCOL = "protocol";
    public static final String DIRECTION = "direction";
    public static final String PAYLOAD = "payload";
    public static final String GUEST = "guest";
    public static final String GRID = "grid";
    public static final String THROUGHPUT_MBPS = "throughput_mbps";
    public static final String THROUGHPUT_TRIALS = "throughput_trials";
    public static final String LOSS = "loss";
    public static final String CPU_PERCENT = "cpu_percent";
    public static final String CPU_READY_PERCENT = "cpu_ready_percent";
    public static final String CPU_OVER_PERCENT = "cpu_over_percent";
    public static final String RTT_MS = "rtt_ms";
    public static final String JITTER_US = "jitter_us";
    public static final String REPLIES_LOST = "replies_lost";
    public static final String DROPS = "drops";

    /** The keys of a {@link Summary}. */
    public static final String MEDIAN = "median";
    public static final String MEAN = "mean";
    public static final String STDEV = "stdev";
    public static final String P90 = "p90";
    public static final String P99 = "p99";
    public static final String MAX = "max";
    public static final String SAMPLES = "samples";

    /** Every key of the top-level object, in the order written ({@code made} only when known). */
    public static final List<String> TOP = List.of(SCHEMA, MODE, SCENARIO, SEED, VERSION, PARAMETERS, MADE, POINTS);

    /** Every key of a point, in the order written. */
    public static final List<String> POINT = List.of(TRANSPORT, PROTOCOL, DIRECTION, PAYLOAD, GUEST, GRID,
            THROUGHPUT_MBPS, THROUGHPUT_TRIALS, LOSS, CPU_PERCENT, CPU_READY_PERCENT, CPU_OVER_PERCENT, RTT_MS,
            JITTER_US, REPLIES_LOST, DROPS);

    private ResultKeys() {
    }
}
