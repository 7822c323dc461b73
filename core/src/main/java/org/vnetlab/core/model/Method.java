package org.vnetlab.core.model;

/**
 * How an experiment is measured (the study's method, CESNET TR 3/2008).
 *
 * @param trials              runs per point; the median is reported
 * @param seed                the root of every random stream of a run
 * @param cpuSampleNanos      interval of the xentop-like CPU samples
 * @param cpuSampleMiddle     how many samples from the middle of the transmit half are kept
 */
public record Method(int trials, long seed, long cpuSampleNanos, int cpuSampleMiddle) {

    public Method {
        Checks.positive("trials", trials);
        Checks.positive("cpu sample interval", cpuSampleNanos);
        Checks.positive("cpu samples kept", cpuSampleMiddle);
    }
}
