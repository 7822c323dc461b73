package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.vnetlab.core.metrics.CpuLoadMethod;
import org.vnetlab.sim.cpu.CreditScheduler;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Executor;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * xentop in the simulation: every interval, each domain's CPU time since the last sample as a
 * percentage of one physical CPU (200 % is both CPUs of the study's machine); under a hypervisor,
 * also the time its VCPUs waited ready in the run queues (xenmon's waiting time), the same way,
 * and the time during which one of its VCPUs at least was OVER in the credit scheduler, as a
 * percentage of the interval.
 */
final class CpuSampler {

    private final Kernel kernel;
    private final long interval;
    private final List<Executor> executors;
    private final Series busy = new Series(Domain::busyNanos);
    /** The hypervisor's scheduler, or null: then no ready or OVER time is sampled. */
    private final CreditScheduler hypervisor;
    private final Series ready = new Series(Domain::readyNanos);
    private final Series over = new Series(Domain::overNanos);
    private long lastAt;
    private final Event tick = new Event("cpu-sampler") {
        @Override
        protected void fire() {
            sample();
            kernel.scheduleAfter(this, interval);
        }
    };

    /**
     * @param interval the sampling interval; a run shorter than ten intervals is sampled ten
     *                 times over its length instead, so short runs still report CPU load
     * @param hypervisor the credit scheduler placing the domains' VCPUs, or null (no hypervisor)
     */
    CpuSampler(Kernel kernel, long interval, long runLength, List<Executor> executors, Iterable<Domain> domains,
               CreditScheduler hypervisor) {
        this.kernel = kernel;
        this.interval = Math.max(1, Math.min(interval, runLength / 10));
        this.executors = executors;
        this.hypervisor = hypervisor;
        for (Domain d : domains) {
            busy.add(d);
            if (hypervisor != null) {
                ready.add(d);
                over.add(d);
            }
        }
    }

    void start() {
        lastAt = kernel.now();
        kernel.scheduleAfter(tick, interval);
    }

    private void sample() {
        executors.forEach(Executor::account);
        if (hypervisor != null) {
            hypervisor.chargeUntilNow();
        }
        long length = kernel.now() - lastAt;
        busy.sample(length);
        ready.sample(length);
        over.sample(length);
        lastAt = kernel.now();
    }

    /**
     * A last, shorter sample of the time since the last one: for a run that ended before its
     * length (a closed-loop probe done with its measurements).
     */
    void sampleRest() {
        if (kernel.now() > lastAt) {
            kernel.cancel(tick);
            sample();
        }
    }

    /** Per domain: the median of the middle {@code keep} samples (the study's method). */
    SortedMap<String, Double> load(int keep) {
        return busy.reduce(keep);
    }

    /** Per domain, its ready time as {@link #load} reduces the CPU time; empty without a hypervisor. */
    SortedMap<String, Double> ready(int keep) {
        return ready.reduce(keep);
    }

    /** Per domain, its OVER time as {@link #load} reduces the CPU time, % of the time; empty without a hypervisor. */
    SortedMap<String, Double> over(int keep) {
        return over.reduce(keep);
    }

    /** One running total per domain (CPU, ready, OVER time), sampled as % of one CPU (or of the time) per interval. */
    private static final class Series {
        private final ToLongFunction<Domain> total;
        private final Map<Domain, List<Double>> samples = new LinkedHashMap<>();
        private final Map<Domain, Long> last = new LinkedHashMap<>();

        Series(ToLongFunction<Domain> total) {
            this.total = total;
        }

        void add(Domain d) {
            samples.put(d, new ArrayList<>());
            last.put(d, 0L);
        }

        void sample(long length) {
            samples.forEach((d, list) -> {
                long now = total.applyAsLong(d);
                list.add(100.0 * (now - last.get(d)) / length);
                last.put(d, now);
            });
        }

        SortedMap<String, Double> reduce(int keep) {
            SortedMap<String, Double> out = new TreeMap<>();
            samples.forEach((d, list) -> {
                double[] a = list.stream().mapToDouble(Double::doubleValue).toArray();
                out.put(d.name(), a.length == 0 ? 0.0 : CpuLoadMethod.middleMedian(a, keep));
            });
            return out;
        }
    }
}
