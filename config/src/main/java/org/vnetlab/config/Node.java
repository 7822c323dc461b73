package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.vnetlab.core.net.IpAddress;
import org.vnetlab.core.units.DataRate;

/**
 * A part of a configuration with the key prefix it lives at, so every typed read can fail
 * with a {@link ConfigError} naming the file, line and full key.
 */
final class Node {

    /**
     * The longest duration a key may have: a day of virtual time, far beyond any run, delay or
     * timer a scenario needs, and far below where sums of nanoseconds overflow.
     */
    static final long MAX_DURATION_NANOS = 24 * 3600 * 1_000_000_000L;

    private final Config config;
    private final String prefix;
    /** The part of {@link #config} written at {@link #prefix}; the rest came from a fallback. */
    private final Config own;
    private final String fallbackPrefix;

    Node(Config config, String prefix) {
        this(config, prefix, config, prefix);
    }

    private Node(Config config, String prefix, Config own, String fallbackPrefix) {
        this.config = config;
        this.prefix = prefix;
        this.own = own;
        this.fallbackPrefix = fallbackPrefix;
    }

    /**
     * This node's keys with {@code fallback}'s beneath them; a key that comes from the fallback
     * is named by {@code fallbackPrefix} in errors (e.g. {@code udp.rate}, not {@code workloads[0].rate}).
     */
    Node over(Node fallback) {
        return new Node(config.withFallback(fallback.config), prefix, config, fallback.prefix);
    }

    Node at(String key) {
        Config sub = read(key, config::getConfig, "an object");
        Config ownSub = own.hasPath(key) ? own.getConfig(key) : ConfigFactory.empty();
        return new Node(sub, prefix + key + ".", ownSub, fallbackPrefix + key + ".");
    }

    Config config() {
        return config;
    }

    String full(String key) {
        return own.hasPathOrNull(key) || !config.hasPathOrNull(key) ? prefix + key : fallbackPrefix + key;
    }

    boolean has(String key) {
        return config.hasPath(key);
    }

    ConfigValue value(String key) {
        return read(key, config::getValue, "a value");
    }

    ConfigError error(String key, String what) {
        ConfigValue v = config.hasPathOrNull(key) ? config.getValue(key) : null;
        return ConfigError.at(v == null ? config.origin() : v.origin(), full(key), what);
    }

    /**
     * Of keys that are wrong together, the one to name: the first the user gave on the command line
     * (a --set), else the first from their own file, else the first; not one the defaults or a
     * bundled scenario gave, which they did not write.
     */
    String givenOf(String... keys) {
        String fromFile = null;
        for (String key : keys) {
            ConfigValue v = config.hasPathOrNull(key) ? config.getValue(key) : null;
            if (v == null) {
                continue;
            }
            if (v.origin().filename() == null && v.origin().resource() == null) {
                return key;
            }
            if (fromFile == null && v.origin().filename() != null) {
                fromFile = key;
            }
        }
        return fromFile != null ? fromFile : keys[0];
    }

    String string(String key) {
        return read(key, config::getString, "a string");
    }

    String name(String key) {
        String s = string(key);
        if (!s.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw error(key, "'" + s + "' is not a valid name (a letter, then letters, digits, '-' or '_')");
        }
        return s;
    }

    /** @param valid the valid values, in the order the error lists them (an ordered set) */
    String oneOf(String key, Set<String> valid) {
        String s = string(key);
        if (!valid.contains(s)) {
            throw error(key, "'" + s + "' is not valid; valid: " + String.join(", ", valid)
                    + Suggest.hint(s, valid));
        }
        return s;
    }

    /** One of {@code type}'s constants, written in lower case ({@code spin} for {@code SPIN}). */
    <E extends Enum<E>> E oneOf(String key, Class<E> type) {
        Set<String> valid = new LinkedHashSet<>();
        for (E e : type.getEnumConstants()) {
            valid.add(e.name().toLowerCase(Locale.ROOT));
        }
        return Enum.valueOf(type, oneOf(key, valid).toUpperCase(Locale.ROOT));
    }

    int intValue(String key) {
        int v = number(key, config::getInt, "an integer");
        requireWhole(key);
        return v;
    }

    /** Typesafe Config reads 2.5 as the integer 2: a fraction where a count belongs is an error. */
    private void requireWhole(String key) {
        Object raw = value(key).unwrapped();
        if (fractional(raw)) {
            throw error(key, "must be a whole number, got " + raw);
        }
    }

    private void requireWholeEntries(String key) {
        for (Object raw : config.getList(key).unwrapped()) {
            if (fractional(raw)) {
                throw error(key, "every entry must be a whole number, got " + raw);
            }
        }
    }

    /** A number with a fraction, also one HOCON kept as text ({@code .3}), which Typesafe Config reads as 0. */
    private static boolean fractional(Object raw) {
        if (raw instanceof String text) {
            try {
                return fractional(Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return raw instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue());
    }

    int positiveInt(String key) {
        int v = intValue(key);
        if (v <= 0) {
            throw error(key, "must be a positive integer, got " + v);
        }
        return v;
    }

    /** An integer from {@code min} to {@code max}; {@code why} (may be empty) says where the bound comes from. */
    int intBetween(String key, int min, int max, String why) {
        int v = intValue(key);
        if (v < min || v > max) {
            throw error(key, "must be " + min + " to " + max + (why.isEmpty() ? "" : " (" + why + ")") + ", got " + v);
        }
        return v;
    }

    int nonNegativeInt(String key) {
        int v = intValue(key);
        if (v < 0) {
            throw error(key, "cannot be negative, got " + v);
        }
        return v;
    }

    boolean bool(String key) {
        return read(key, config::getBoolean, "true or false");
    }

    long longValue(String key) {
        long v = number(key, config::getLong, "an integer");
        requireWhole(key);
        // an integer past a long's range reaches getLong as text or as a double, which it clamps without a word
        Object raw = value(key).unwrapped();
        if (raw instanceof String text && !isLong(text.strip())
                || raw instanceof Double d && !(d >= -0x1p63 && d < 0x1p63)) {
            throw error(key, "expected an integer, " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", got " + raw);
        }
        return v;
    }

    private static boolean isLong(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    double positiveDouble(String key) {
        double v = number(key, config::getDouble, "a number");
        if (!(v > 0) || Double.isInfinite(v)) {
            throw error(key, "must be a positive number, got " + v);
        }
        return v;
    }

    double fraction(String key) {
        double v = number(key, config::getDouble, "a number");
        if (!(v > 0 && v <= 1)) {
            throw error(key, "must be in (0, 1], got " + v);
        }
        return v;
    }

    long bytes(String key) {
        Long v = number(key, config::getBytes, "a size such as 512 MiB");
        if (v <= 0) {
            throw error(key, "must be a positive size, got " + v);
        }
        return v;
    }

    long nanos(String key, boolean zeroAllowed) {
        ConfigValue raw = value(key);
        if (raw.valueType() == ConfigValueType.NUMBER && ((Number) raw.unwrapped()).doubleValue() != 0) {
            // Typesafe Config would read a bare number as milliseconds
            throw bareNumber(key, raw, zeroAllowed ? "non-negative" : "positive", "duration", "10 s or 20 us");
        }
        Duration d = number(key, config::getDuration, "a duration such as 10 s or 20 us");
        long n = d.toNanos();
        if (n < 0 || (n == 0 && !zeroAllowed)) {
            throw error(key, "must be a " + (zeroAllowed ? "non-negative" : "positive") + " duration, got '"
                    + value(key).unwrapped() + "'");
        }
        if (n > MAX_DURATION_NANOS) {
            // Typesafe Config saturates a duration past a long's nanoseconds (1e20 s) without a word
            throw error(key, "must be at most " + MAX_DURATION_NANOS / 1_000_000_000L / 3600
                    + " hours: no duration of a scenario needs more virtual time; got '" + value(key).unwrapped() + "'");
        }
        return n;
    }

    /**
     * A number without the unit its key needs: when it is not more than 0 a unit would not mend
     * it, so the error says what sign the value needs ({@code sign}: "positive").
     */
    private ConfigError bareNumber(String key, ConfigValue raw, String sign, String quantity, String examples) {
        Object given = raw.unwrapped();
        return ((Number) given).doubleValue() <= 0
                ? error(key, "must be a " + sign + " " + quantity + " such as " + examples + ", got " + given)
                : error(key, "'" + given + "' has no unit; write a " + quantity + " such as " + examples);
    }

    DataRate rate(String key) {
        ConfigValue v = value(key);
        String text = String.valueOf(v.unwrapped());
        if (v.valueType() == ConfigValueType.NUMBER) {
            throw bareNumber(key, v, "positive", "rate", "1 Gbit/s or 500 Mbit/s");
        }
        DataRate rate;
        try {
            rate = DataRate.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
        if (rate.mbps() > DataRate.MAX_MBPS) {
            throw error(key, "'" + text + "' is more than the 1 Tbit/s a scenario may have");
        }
        return rate;
    }

    List<Integer> positiveInts(String key) {
        List<Integer> list = number(key, config::getIntList, "a list of integers");
        requireWholeEntries(key);
        for (int v : list) {
            if (v <= 0) {
                throw error(key, "every entry must be a positive integer, got " + v);
            }
        }
        return list;
    }

    List<Integer> nonNegativeInts(String key) {
        List<Integer> list = number(key, config::getIntList, "a list of integers");
        requireWholeEntries(key);
        for (int v : list) {
            if (v < 0) {
                throw error(key, "every entry must be non-negative, got " + v);
            }
        }
        return list;
    }

    List<IpAddress> addresses(String key) {
        List<IpAddress> out = new ArrayList<>();
        for (String s : read(key, config::getStringList, "a list of addresses")) {
            try {
                out.add(IpAddress.parse(s));
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }
        return out;
    }

    List<Node> objects(String key) {
        List<? extends Config> list = read(key, config::getConfigList, "a list of objects");
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new Node(list.get(i), full(key) + "[" + i + "]."));
        }
        return out;
    }

    /** Fails when this object holds a key that is not in {@code allowed}. */
    void onlyKeys(Set<String> allowed) {
        for (String k : config.root().keySet()) {
            if (!allowed.contains(k)) {
                throw error(k, "unknown key; valid here: " + String.join(", ", allowed.stream().sorted().toList())
                        + Suggest.hint(k, allowed));
            }
        }
    }

    /**
     * A read of a number (with or without a unit): Typesafe Config converts a string with Java's
     * parsers, which take any Unicode digit ('٣' reads as 3), so a value must spell its digits in ASCII.
     */
    private <T> T number(String key, Function<String, T> getter, String expected) {
        T v = read(key, getter, expected, true);
        String text = value(key).render(ConfigRenderOptions.concise());
        if (!text.chars().allMatch(c -> c < 128)) {
            throw error(key, "expected " + expected + " in ASCII digits, got " + describe(key));
        }
        return v;
    }

    private <T> T read(String key, Function<String, T> getter, String expected) {
        return read(key, getter, expected, false);
    }

    /** @param numeric whether a number is expected, so a whole number that fails is one too large */
    private <T> T read(String key, Function<String, T> getter, String expected, boolean numeric) {
        try {
            return getter.apply(key);
        } catch (ConfigException.Missing e) {
            throw ConfigError.at(config.origin(), full(key), "missing; expected " + expected);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            Object raw = config.getValue(key).unwrapped();
            if (numeric && raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                // a whole number Typesafe Config cannot narrow to an int
                throw error(key, "too large: " + raw);
            }
            throw error(key, "expected " + expected + ", got " + describe(key));
        }
    }

    private String describe(String key) {
        ConfigValue v = config.getValue(key);
        return v.valueType() == ConfigValueType.STRING ? "'" + v.unwrapped() + "'"
                : v.valueType().name().toLowerCase() + " " + v.render(ConfigRenderOptions.concise());
    }
}
