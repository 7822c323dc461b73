package org.vnetlab.core.metrics;

/**
 * RFC 3550 interarrival jitter (section 6.4.1, algorithm in appendix A.8): for packets i-1 and i
 * with send times S and arrival times R, D = (R_i - R_{i-1}) - (S_i - S_{i-1}) and the running
 * estimate is J += (|D| - J) / 16. Times are nanoseconds; the estimate is kept as a double.
 */
public final class InterarrivalJitter {

    private boolean started;
    private long lastSend;
    private long lastArrival;
    private double jitterNanos;

    /** Takes one packet's send and arrival time and returns the estimate after it, in ns. */
    public double add(long sendNanos, long arrivalNanos) {
        if (started) {
            long d = (arrivalNanos - lastArrival) - (sendNanos - lastSend);
            jitterNanos += (Math.abs(d) - jitterNanos) / 16.0;
        }
        started = true;
        lastSend = sendNanos;
        lastArrival = arrivalNanos;
        return jitterNanos;
    }

    public double jitterNanos() {
        return jitterNanos;
    }
}
