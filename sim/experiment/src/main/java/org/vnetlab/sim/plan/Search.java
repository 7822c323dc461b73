package org.vnetlab.sim.plan;

/**
 * How a plan walks its candidates 1..n (guest counts, steps of CPU speed) to the first one whose
 * verdict flips: the first failing count of guests, the first speed that meets. Both walks take
 * one candidate at a time (its trials fill the cores), so which candidates are simulated never
 * depends on the machine.
 */
public enum Search {

    /**
     * Halves the candidates in doubt each step: about log2(n) simulations. Right only where the
     * verdict is monotone (never flips back); each question argues why it is.
     */
    BISECTION,

    /** Every candidate from the first, stopping at the first that flips: n simulations at most. */
    LINEAR;

    /** Simulates candidates and says, for each, whether its verdict flipped. */
    interface Probe {
        boolean flipped(int candidate) throws InterruptedException;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The first candidate in {@code from..to} that flips, assuming the one before {@code from}
     * does not; {@code to + 1} when none up to {@code to} does.
     */
    int first(int from, int to, Probe probe) throws InterruptedException {
        if (this == LINEAR) {
            for (int c = from; c <= to; c++) {
                if (probe.flipped(c)) {
                    return c;
                }
            }
            return to + 1;
        }
        int lo = from - 1; // known (or assumed) not flipped
        int hi = to + 1;   // flipped, or past the candidates
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (probe.flipped(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
