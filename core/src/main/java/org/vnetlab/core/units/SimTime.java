package org.vnetlab.core.units;

/**
 * Time in vnetlab is a {@code long} count of nanoseconds, virtual in the simulator and
 * wall-clock in the emulator. These helpers convert at the edges; the hot paths keep longs.
 */
public final class SimTime {

    public static final long NANOSECOND = 1L;
    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;

    private SimTime() {
    }

    public static long seconds(double seconds) {
        return Math.round(seconds * SECOND);
    }

    public static long millis(double millis) {
        return Math.round(millis * MILLISECOND);
    }

    public static long micros(double micros) {
        return Math.round(micros * MICROSECOND);
    }

    public static double toSeconds(long nanos) {
        return nanos / (double) SECOND;
    }

    public static double toMillis(long nanos) {
        return nanos / (double) MILLISECOND;
    }

    public static double toMicros(long nanos) {
        return nanos / (double) MICROSECOND;
    }
}
