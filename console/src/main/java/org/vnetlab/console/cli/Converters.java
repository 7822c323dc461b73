package org.vnetlab.console.cli;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.RunLimits;
import org.vnetlab.core.units.SimTime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option types with their checks. A converter's message is what would be valid; the command line
 * prints it after the flag and the value ({@code sim: --trials 0: expected a positive integer}).
 */
public final class Converters {

    private Converters() {
    }

    /** An integer of at least 1. */
    public static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return check(value, Integer::parseInt, v -> v > 0, "expected a positive integer, at most " + Integer.MAX_VALUE);
        }
    }

    /** Trials of a simulated point: 1 to {@link RunLimits#MAX_TRIALS}. */
    public static final class Trials implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return check(value, Integer::parseInt, v -> v > 0 && v <= RunLimits.MAX_TRIALS,
                    "expected a number of trials, 1 to " + RunLimits.MAX_TRIALS);
        }
    }

    /** An integer of at least 0. */
    public static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return check(value, Integer::parseInt, v -> v >= 0, "expected an integer, 0 to " + Integer.MAX_VALUE);
        }
    }

    /** A number more than 0 and finite. */
    public static final class PositiveNumber implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return check(value, Double::parseDouble, v -> v > 0 && !v.isInfinite(), "expected a positive number");
        }
    }

    /** A simulated leg's length: seconds, more than 0 and at most an hour, as nanoseconds. */
    public static final class SimSeconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            double s = check(value, Double::parseDouble, v -> v >= RunLimits.MIN_SECONDS && v <= RunLimits.MAX_SECONDS,
                    "expected seconds, at least " + RunLimits.MIN_SECONDS + " and at most " + (int) RunLimits.MAX_SECONDS);
            return SimTime.seconds(s);
        }
    }

    /** The longest wall-clock time a flag takes, as a scenario's durations: a day (1e9 s was taken, and ran). */
    public static final double MAX_WALL_SECONDS = 86_400;

    /** A wall-clock time in seconds, more than 0 and at most a day. */
    public static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double s = check(value, Double::parseDouble, v -> v > 0 && v <= MAX_WALL_SECONDS,
                    "expected seconds, more than 0 and at most 86400 (a day)");
            return Duration.ofNanos(Math.round(s * 1e9));
        }
    }

    /** A wall-clock time in seconds, 0 to a day. */
    public static final class SecondsOrZero implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double s = check(value, Double::parseDouble, v -> v >= 0 && v <= MAX_WALL_SECONDS,
                    "expected seconds, 0 to 86400 (a day)");
            return Duration.ofNanos(Math.round(s * 1e9));
        }
    }

    /** A payload size in bytes that fits a UDP datagram. */
    public static final class PayloadSize implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.isBlank()) {
                // picocli hands each element of the split list over alone: the list itself is not in the message
                throw new TypeConversionException("an empty size (two commas in a row, or one at an end?); expected"
                        + " payload sizes in bytes (1..65507), comma-separated");
            }
            return check(value.trim(), Integer::parseInt, v -> v > 0 && v <= 65507,
                    "expected payload sizes in bytes (1..65507), comma-separated");
        }
    }

    /** A TCP or UDP port, 1-65535. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return check(value, Integer::parseInt, v -> v >= 1 && v <= 65535, "expected a port number 1-65535");
        }
    }

    /** A data rate such as 1000M, 1G or 500 Mbit/s. */
    public static final class Rate implements ITypeConverter<DataRate> {
        @Override
        public DataRate convert(String value) {
            // a rate past 1 Tbit/s is a typo (99999999T saturated to 2^63 bit/s, silently)
            return check(value, DataRate::parse, v -> v.bitsPerSecond() <= DataRate.MAX_MBPS * 1e6,
                    "expected a rate such as 1000M, 1G or 500Mbit/s, at most 1T");
        }
    }

    /**
     * A rate in Mbit/s that a scenario can be given: at least 1 bit/s (the scenario's rate is
     * written to the millionth of a Mbit/s) and at most {@link DataRate#MAX_MBPS}.
     */
    public static final class Mbps implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return check(value, Double::parseDouble, v -> v >= 1e-6 && v <= DataRate.MAX_MBPS,
                    "expected Mbit/s, 0.000001 to 1000000 (1 Tbit/s, the most a scenario may have)");
        }
    }

    /**
     * Fails in one line when {@code sizes}, given as {@code where} ({@code --sizes 36,36}), names
     * a payload twice: its runs would be made twice for one row.
     */
    public static void checkEachSizeOnce(String where, List<Integer> sizes) {
        Set<Integer> seen = new HashSet<>();
        for (int size : sizes) {
            if (!seen.add(size)) {
                throw new UsageError(where + ": " + size + " is given twice; give each size once");
            }
        }
    }

    /** {@code value} if it is ASCII; Java's integer parsers read any script's digits ('٣' as 3). */
    static String ascii(String value) {
        if (!value.chars().allMatch(c -> c < 128)) {
            throw new TypeConversionException("not ASCII: " + value);
        }
        return value;
    }

    private interface Parse<T> {
        T apply(String s);
    }

    private interface Valid<T> {
        boolean test(T t);
    }

    private static <T> T check(String value, Parse<T> parse, Valid<T> valid, String expected) {
        T v;
        try {
            v = parse.apply(ascii(value));
        } catch (RuntimeException e) {
            throw new TypeConversionException(expected);
        }
        if (!valid.test(v)) {
            throw new TypeConversionException(expected);
        }
        return v;
    }
}
