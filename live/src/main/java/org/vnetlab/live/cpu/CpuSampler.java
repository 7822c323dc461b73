package org.vnetlab.live.cpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-second CPU samples of several sources, like xentop: each {@link #sample()} records, per source,
 * the CPU used since the previous call as a percent of one CPU over the wall time between them.
 * The study's reduction (median of the middle five samples of the transmit half) is
 * {@link org.vnetlab.core.metrics.CpuLoadMethod#middleMedian}.
 */
public final class CpuSampler {

    private final List<CpuSource> sources;
    private final long[] lastCpu;
    /** Sources found {@link CpuSource.Unreadable}: their samples are dropped, so the report leaves them out. */
    private final boolean[] dropped;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private long lastWall;

    public CpuSampler(List<CpuSource> sources) {
        this.sources = List.copyOf(sources);
        this.lastCpu = new long[sources.size()];
        this.dropped = new boolean[sources.size()];
        for (CpuSource s : sources) {
            samples.put(s.name(), new ArrayList<>());
        }
        restart();
    }

    /** Starts a new interval now (and keeps the samples so far). */
    public synchronized void restart() {
        lastWall = System.nanoTime();
        for (int i = 0; i < sources.size(); i++) {
            lastCpu[i] = read(i);
        }
    }

    /** Takes one sample of every source: percent of one CPU since the previous sample. */
    public synchronized void sample() {
        long wall = System.nanoTime();
        long dt = wall - lastWall;
        if (dt <= 0) {
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            long cpu = read(i);
            if (!dropped[i]) {
                samples.get(sources.get(i).name()).add(100.0 * (cpu - lastCpu[i]) / dt);
            }
            lastCpu[i] = cpu;
        }
        lastWall = wall;
    }

    /** The samples so far, per source name. */
    public synchronized Map<String, List<Double>> samples() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        samples.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /**
     * A source that vanished (a process that exited) reads as idle rather than failing the test; one
     * that became unreadable has no samples at all rather than wrong ones.
     */
    private long read(int i) {
        if (dropped[i]) {
            return lastCpu[i];
        }
        try {
            return sources.get(i).cpuNanos();
        } catch (CpuSource.Unreadable e) {
            dropped[i] = true;
            samples.get(sources.get(i).name()).clear();
            return lastCpu[i];
        } catch (RuntimeException e) {
            return lastCpu[i];
        }
    }
}
