package org.vnetlab.core.units;

/**
 * How much one simulated point may ask for: its trials and each run's simulated seconds. Every way
 * in (a flag, a scenario's method, a result file's record of how it was made, a benchmark) holds to
 * the same bounds, so none of them starts work that would not end in any sensible time.
 */
public final class RunLimits {

    /** Trials of one point: the study used 7; a thousand already pins a median to its last digit. */
    public static final int MAX_TRIALS = 1_000;
    /** The shortest run: below a millisecond a run sees too few packets to measure anything. */
    public static final double MIN_SECONDS = 0.001;
    /** The longest run: an hour of simulated time. */
    public static final double MAX_SECONDS = 3_600;

    private RunLimits() {
    }
}
