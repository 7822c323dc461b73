package org.vnetlab.sim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vnetlab.core.metrics.CpuLoadMethod;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Executor;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * xentop in the simulation: every interval, each domain's CPU time since the last sample as a
 * percentage of one physical CPU (200 % is both CPUs of the study's machine).
 */
final class CpuSampler {

    private final Kernel kernel;
    private final long interval;
    private final List<Executor> executors;
    private final Map<Domain, List<Double>> samples = new LinkedHashMap<>();
    private final Map<Domain, Long> last = new LinkedHashMap<>();
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
     */
    CpuSampler(Kernel kernel, long interval, long runLength, List<Executor> executors, Iterable<Domain> domains) {
        this.kernel = kernel;
        this.interval = Math.max(1, Math.min(interval, runLength / 10));
        this.executors = executors;
        for (Domain d : domains) {
            samples.put(d, new ArrayList<>());
            last.put(d, 0L);
        }
    }

    void start() {
        lastAt = kernel.now();
        kernel.scheduleAfter(tick, interval);
    }

    private void sample() {
        executors.forEach(Executor::account);
        long length = kernel.now() - lastAt;
        for (Domain d : samples.keySet()) {
            long busy = d.busyNanos();
            samples.get(d).add(100.0 * (busy - last.get(d)) / length);
            last.put(d, busy);
        }
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
        SortedMap<String, Double> out = new TreeMap<>();
        samples.forEach((d, list) -> {
            double[] a = list.stream().mapToDouble(Double::doubleValue).toArray();
            out.put(d.name(), a.length == 0 ? 0.0 : CpuLoadMethod.middleMedian(a, keep));
        });
        return out;
    }
}
