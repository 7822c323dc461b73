package org.vnetlab.core.units;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data rate in bits per second. Parsed once from text such as {@code 1 Gbit/s},
 * {@code 500Mbit/s}, {@code 1000M} or {@code 10G}; SI prefixes (k = 1000).
 */
public record DataRate(long bitsPerSecond) implements Comparable<DataRate> {

    /** The fastest rate a scenario may ask for, Mbit/s (1 Tbit/s); result files are bounded the same way. */
    public static final double MAX_MBPS = 1_000_000;

    /** Largest byte count whose bits times 10^9 fit a long. */
    private static final long EXACT_BYTES = Long.MAX_VALUE / 8_000_000_000L;

    private static final Pattern TEXT =
            Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtT]?)(?:bit/s|bps|b/s)?\\s*");

    public DataRate {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("a data rate must be positive, got " + bitsPerSecond + " bit/s");
        }
    }

    public static DataRate bitsPerSecond(double bits) {
        return new DataRate(Math.round(bits));
    }

    public static DataRate mbps(double megabits) {
        return bitsPerSecond(megabits * 1e6);
    }

    public static DataRate gbps(double gigabits) {
        return bitsPerSecond(gigabits * 1e9);
    }

    /**
     * Parses {@code NUMBER [k|M|G|T][bit/s]}.
     *
     * @throws IllegalArgumentException with a message saying what would be valid
     */
    public static DataRate parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a data rate; use a number with an optional k, M, G or T prefix and unit,"
                    + " e.g. 1 Gbit/s, 500Mbit/s or 1000M");
        }
        double value = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "T" -> 1e12;
            default -> 1;
        };
        if (value <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a positive data rate");
        }
        return bitsPerSecond(value * factor);
    }

    public double mbps() {
        return bitsPerSecond / 1e6;
    }

    /**
     * Nanoseconds to serialise {@code bytes} at this rate, rounded up; {@link Long#MAX_VALUE} (292
     * years) when it would be longer. Allocation-free up to a gigabyte, where bits times 10^9 fit a long.
     */
    public long nanosFor(long bytes) {
        if (Math.abs(bytes) <= EXACT_BYTES) {
            long bitNanos = bytes * 8L * 1_000_000_000L;
            return Math.floorDiv(bitNanos, bitsPerSecond) + (Math.floorMod(bitNanos, bitsPerSecond) == 0 ? 0 : 1);
        }
        BigInteger bitNanos = BigInteger.valueOf(bytes).multiply(BigInteger.valueOf(8_000_000_000L));
        BigInteger[] qr = bitNanos.divideAndRemainder(BigInteger.valueOf(bitsPerSecond));
        BigInteger up = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return up.bitLength() < Long.SIZE ? up.longValue() : up.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    @Override
    public int compareTo(DataRate other) {
        return Long.compare(bitsPerSecond, other.bitsPerSecond);
    }

    @Override
    public String toString() {
        if (bitsPerSecond % 1_000_000_000L == 0) {
            return bitsPerSecond / 1_000_000_000L + " Gbit/s";
        }
        if (bitsPerSecond % 1_000_000L == 0) {
            return bitsPerSecond / 1_000_000L + " Mbit/s";
        }
        if (bitsPerSecond % 1_000L == 0) {
            return bitsPerSecond / 1_000L + " kbit/s";
        }
        return bitsPerSecond + " bit/s";
    }
}
