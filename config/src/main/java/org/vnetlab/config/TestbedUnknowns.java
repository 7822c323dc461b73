package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the study does not state about its testbed and no fit pins ({@code vnetlab.testbed-unknowns}
 * in reference.conf): machine 2's speed, where each NIC's interrupt was taken. {@code vnetlab
 * sensitivity} varies them beside the model's priors, whose ranges their provenance lines give.
 */
public final class TestbedUnknowns {

    static final String PATH = "vnetlab.testbed-unknowns";
    private static final String MODEL = "model.";

    /**
     * A key whose value on the study's testbed is not known, and where it plausibly lies.
     *
     * @param key       as {@code --set} takes it
     * @param low       the low end, as {@code --set} takes it
     * @param high      the high end
     * @param basis     where the range comes from
     * @param platforms the platforms that read the key; empty for every one
     * @param below     a key whose value must be greater than {@code high} (a CPU index needs that
     *                  many CPUs), or empty
     * @param where     the entry, for an error about it
     */
    public record Unknown(String key, String low, String high, String basis, List<String> platforms, String below,
                          String where) {

        public Unknown {
            platforms = List.copyOf(platforms);
        }

        /**
         * Whether a scenario reads the key and can take both ends.
         *
         * @throws ConfigError naming the entry when the scenario has no such key
         */
        public boolean appliesTo(LoadedScenario l) {
            if (!platforms.isEmpty() && !platforms.contains(l.scenario().platform().kind())) {
                return false;
            }
            if (!l.config().hasPath(key)) {
                throw notAKey(where, key);
            }
            return below.isEmpty() || l.config().getDouble(below) > Double.parseDouble(high);
        }
    }

    private final List<Unknown> all;

    private TestbedUnknowns(List<Unknown> all) {
        this.all = List.copyOf(all);
    }

    /**
     * Reads the list from the merged defaults (none when it is absent); an entry that names no
     * settable key, a platform that does not exist or ends that are not a low and a higher number
     * is an error naming it.
     */
    static TestbedUnknowns of(Config reference) {
        if (!reference.hasPath(PATH)) {
            return new TestbedUnknowns(List.of());
        }
        Config defaults = reference.getConfig("vnetlab.defaults");
        List<Unknown> all = new ArrayList<>();
        for (Config entry : reference.getConfigList(PATH)) {
            all.add(parse(entry, defaults));
        }
        return new TestbedUnknowns(all);
    }

    private static Unknown parse(Config entry, Config defaults) {
        String where = PATH + " (" + entry.origin().description() + ")";
        try {
            String key = entry.getString("key");
            // a model key is checked against the scenario it is varied in: the model's defaults
            // are on the class path where the model is, not in this module alone
            if (!key.startsWith(MODEL) && !defaults.hasPath(key)) {
                throw notAKey(where, key);
            }
            double low = entry.getDouble("low");
            double high = entry.getDouble("high");
            if (!(low < high)) {
                throw new ConfigError(where + ": " + key + ": low must be below high, got " + low + " and " + high);
            }
            List<String> platforms = entry.hasPath("platforms") ? entry.getStringList("platforms") : List.of();
            for (String p : platforms) {
                if (!ScenarioParser.PLATFORMS.contains(p)) {
                    throw new ConfigError(where + ": " + key + ": unknown platform " + p + ", expected one of "
                            + String.join(", ", ScenarioParser.PLATFORMS));
                }
            }
            String below = entry.hasPath("below") ? entry.getString("below") : "";
            if (!below.isEmpty() && (!defaults.hasPath(below)
                    || defaults.getValue(below).valueType() != ConfigValueType.NUMBER)) {
                throw new ConfigError(where + ": " + key + ": below = " + below + " is not a numeric scenario key");
            }
            return new Unknown(key, ParameterSpec.number(low), ParameterSpec.number(high), entry.getString("basis"),
                    platforms, below, where);
        } catch (ConfigException e) {
            throw new ConfigError(where + ": " + e.getMessage());
        }
    }

    private static ConfigError notAKey(String where, String key) {
        return new ConfigError(where + ": key " + key + " is not a scenario key");
    }

    /** Every unknown, in reference.conf's order. */
    public List<Unknown> all() {
        return all;
    }

    /** The unknowns a scenario reads and can take both ends of. */
    public List<Unknown> applyingTo(LoadedScenario l) {
        return all.stream().filter(u -> u.appliesTo(l)).toList();
    }
}
