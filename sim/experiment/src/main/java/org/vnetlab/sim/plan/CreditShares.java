package org.vnetlab.sim.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vnetlab.core.model.Dom0;
import org.vnetlab.core.model.DomU;
import org.vnetlab.core.model.XenPlatform;

/**
 * What Xen's credit scheduler gives each busy domain, read from xentop-like CPU figures: the
 * physical CPUs' time shared by weight among the domains that used any of it, as
 * {@code csched_acct} shares credit among the domains with an active VCPU, none above what its
 * VCPUs (or its cap) can use, its surplus shared among the others.
 *
 * @param shares  busy domain -> its share, % of one CPU
 * @param weights busy domain -> its weight
 */
record CreditShares(Map<String, Double> shares, Map<String, Integer> weights) {

    /** A domain that used less than this (% of one CPU) earns no credit as a rule: not busy. */
    static final double BUSY_PERCENT = 5;

    static CreditShares of(XenPlatform xen, int cpus, Map<String, Double> cpu) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        Map<String, Double> peaks = new LinkedHashMap<>();
        busy(cpu, Dom0.NAME, xen.dom0().weight(), peak(xen.dom0().vcpus(), xen.dom0().cap(), cpus), weights, peaks);
        for (DomU u : xen.domUs()) {
            busy(cpu, u.name(), u.weight(), peak(u.vcpus(), u.cap(), cpus), weights, peaks);
        }
        Map<String, Integer> busy = Map.copyOf(weights);
        Map<String, Double> shares = new LinkedHashMap<>();
        double left = 100.0 * cpus;
        // water-filling: a domain whose share would pass its peak gets its peak, the rest is shared again
        boolean capped = true;
        while (capped && !weights.isEmpty()) {
            capped = false;
            int w = weights.values().stream().mapToInt(Integer::intValue).sum();
            for (var e : weights.entrySet()) {
                double peak = peaks.get(e.getKey());
                if (left * e.getValue() / w > peak) {
                    shares.put(e.getKey(), peak);
                    left -= peak;
                    weights.remove(e.getKey());
                    capped = true;
                    break;
                }
            }
        }
        int w = weights.values().stream().mapToInt(Integer::intValue).sum();
        for (var e : weights.entrySet()) {
            shares.put(e.getKey(), left * e.getValue() / w);
        }
        return new CreditShares(shares, busy);
    }

    /** The weights of the busy domains together. */
    int weight() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void busy(Map<String, Double> cpu, String domain, int weight, double peak,
                             Map<String, Integer> weights, Map<String, Double> peaks) {
        if (cpu.getOrDefault(domain, 0.0) >= BUSY_PERCENT) {
            weights.put(domain, weight);
            peaks.put(domain, peak);
        }
    }

    /** The most one domain can use, % of one CPU: its VCPUs on the CPUs there are, or its cap. */
    private static double peak(int vcpus, int cap, int cpus) {
        double all = 100.0 * Math.min(vcpus, cpus);
        return cap > 0 ? Math.min(cap, all) : all;
    }
}
