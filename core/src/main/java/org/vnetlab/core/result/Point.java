package org.vnetlab.core.result;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One measured or simulated point of the result schema. Fields that do not apply are null
 * (throughput for an RTT point, RTT for a throughput point) and are left out of the JSON.
 *
 * @param payload           payload bytes per packet (the MSS for TCP)
 * @param throughputMbps    median delivered payload rate over the trials
 * @param throughputTrials  each trial's delivered payload rate
 * @param loss              fraction of sent packets not delivered (median over trials)
 * @param cpuPercent        domain -> percent of one physical CPU (the study's sampling method)
 * @param cpuReadyPercent   domain -> percent of one physical CPU its VCPUs spent ready to run but
 *                          waiting for one (a hypervisor's run queue: xenmon's waiting time), sampled
 *                          as cpuPercent; null where no hypervisor schedules VCPUs
 * @param cpuOverPercent    domain -> percent of the time one of its VCPUs at least was OVER in Xen's
 *                          credit scheduler (its credit spent: others' wakes preempt it), sampled as
 *                          cpuPercent; null where no credit scheduler runs, and in results written
 *                          before it was measured
 * @param rttMs             an RTT point's round-trip times over its measurements, ms
 * @param jitterUs          an RTT point's RFC 3550 jitter over its measurements, us
 * @param repliesLost       an RTT point's probes whose reply never came back (not in rttMs or jitterUs)
 * @param drops             queue trace point -> packets dropped there (median over trials)
 * @param grid              sweep coordinates of this point, empty outside a grid sweep
 */
public record Point(String transport, String protocol, String direction, int payload, String guest,
                    Double throughputMbps, List<Double> throughputTrials, Double loss,
                    SortedMap<String, Double> cpuPercent, SortedMap<String, Double> cpuReadyPercent,
                    SortedMap<String, Double> cpuOverPercent, Summary rttMs, Summary jitterUs, Long repliesLost,
                    SortedMap<String, Double> drops, SortedMap<String, String> grid) {

    public Point {
        throughputTrials = throughputTrials == null ? null : List.copyOf(throughputTrials);
        cpuPercent = NameOrder.sorted(cpuPercent);
        cpuReadyPercent = NameOrder.sorted(cpuReadyPercent);
        cpuOverPercent = NameOrder.sorted(cpuOverPercent);
        drops = NameOrder.sorted(drops);
        grid = grid == null ? new TreeMap<>() : new TreeMap<>(grid);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.transport = transport;
        b.protocol = protocol;
        b.direction = direction;
        b.payload = payload;
        b.guest = guest;
        b.throughputMbps = throughputMbps;
        b.throughputTrials = throughputTrials;
        b.loss = loss;
        b.cpuPercent = cpuPercent;
        b.cpuReadyPercent = cpuReadyPercent;
        b.cpuOverPercent = cpuOverPercent;
        b.rttMs = rttMs;
        b.jitterUs = jitterUs;
        b.repliesLost = repliesLost;
        b.drops = drops;
        b.grid = grid;
        return b;
    }

    /** Identity of a point within a result: everything but the measured values. */
    public String key() {
        return transport + "/" + protocol + "/" + direction + "/" + payload + "/" + guest + "/" + grid;
    }

    /** Builds points by field name rather than by position. */
    public static final class Builder {
        private String transport = "udp";
        private String protocol = "ipv4";
        private String direction = "rx";
        private int payload;
        private String guest;
        private Double throughputMbps;
        private List<Double> throughputTrials;
        private Double loss;
        private SortedMap<String, Double> cpuPercent;
        private SortedMap<String, Double> cpuReadyPercent;
        private SortedMap<String, Double> cpuOverPercent;
        private Summary rttMs;
        private Summary jitterUs;
        private Long repliesLost;
        private SortedMap<String, Double> drops;
        private SortedMap<String, String> grid;

        public Builder transport(String v) { transport = v; return this; }
        public Builder protocol(String v) { protocol = v; return this; }
        public Builder direction(String v) { direction = v; return this; }
        public Builder payload(int v) { payload = v; return this; }
        public Builder guest(String v) { guest = v; return this; }
        public Builder throughputMbps(Double v) { throughputMbps = v; return this; }
        public Builder throughputTrials(List<Double> v) { throughputTrials = v; return this; }
        public Builder loss(Double v) { loss = v; return this; }
        public Builder cpuPercent(Map<String, Double> v) { cpuPercent = NameOrder.sorted(v); return this; }
        public Builder cpuReadyPercent(Map<String, Double> v) { cpuReadyPercent = NameOrder.sorted(v); return this; }
        public Builder cpuOverPercent(Map<String, Double> v) { cpuOverPercent = NameOrder.sorted(v); return this; }
        public Builder rttMs(Summary v) { rttMs = v; return this; }
        public Builder jitterUs(Summary v) { jitterUs = v; return this; }
        public Builder repliesLost(Long v) { repliesLost = v; return this; }
        public Builder drops(Map<String, Double> v) { drops = NameOrder.sorted(v); return this; }
        public Builder grid(Map<String, String> v) { grid = v == null ? null : new TreeMap<>(v); return this; }

        public Point build() {
            return new Point(transport, protocol, direction, payload, guest, throughputMbps, throughputTrials,
                    loss, cpuPercent, cpuReadyPercent, cpuOverPercent, rttMs, jitterUs, repliesLost, drops, grid);
        }
    }
}
