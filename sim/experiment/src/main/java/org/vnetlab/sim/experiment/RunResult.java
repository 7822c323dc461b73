package org.vnetlab.sim.experiment;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one run measured.
 *
 * @param throughputMbps guest -> payload delivered, Mbit/s
 * @param loss           guest -> fraction of sent packets not delivered; a guest that sent nothing has none
 * @param cpuPercent     domain -> the study's CPU figure (median of the middle samples), % of one CPU
 * @param drops          queue trace -> packets dropped there
 * @param packetsOffered packets the senders handed to their sockets (a benchmark's work measure)
 * @param events         events the kernel fired (a benchmark's cost measure)
 * @param rttMs          guest -> RTT per measurement, ms (probe runs only; empty otherwise)
 * @param jitterUs       guest -> RFC 3550 jitter per measurement, us (probe runs only)
 * @param repliesLost    guest -> probes sent whose reply never reached the receiver (probe runs only)
 * @param cpuReadyPercent domain -> time its VCPUs waited ready for a physical CPU, % of one CPU, reduced
 *                       as cpuPercent (empty without a hypervisor)
 * @param cpuOverPercent domain -> time one of its VCPUs at least was OVER in the credit scheduler, % of
 *                       the time, reduced as cpuPercent (empty without a hypervisor)
 */
public record RunResult(RunSpec spec, Map<String, Double> throughputMbps, Map<String, Double> loss,
                        SortedMap<String, Double> cpuPercent, SortedMap<String, Long> drops, long packetsOffered,
                        long events, Map<String, double[]> rttMs, Map<String, double[]> jitterUs,
                        Map<String, Long> repliesLost, SortedMap<String, Double> cpuReadyPercent,
                        SortedMap<String, Double> cpuOverPercent) {

    /** A throughput run's result. */
    public static RunResult throughput(RunSpec spec, Map<String, Double> mbps, Map<String, Double> loss,
                                       SortedMap<String, Double> cpu, SortedMap<String, Long> drops,
                                       long offered, long events) {
        return new RunResult(spec, mbps, loss, cpu, drops, offered, events, Map.of(), Map.of(), Map.of(),
                new TreeMap<>(), new TreeMap<>());
    }

    /** The same result with what the credit scheduler measured of the domains: ready and OVER time. */
    public RunResult withScheduling(SortedMap<String, Double> ready, SortedMap<String, Double> over) {
        return new RunResult(spec, throughputMbps, loss, cpuPercent, drops, packetsOffered, events, rttMs, jitterUs,
                repliesLost, ready, over);
    }
}
