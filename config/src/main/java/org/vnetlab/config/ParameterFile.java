package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parameter file as `vnetlab calibrate` writes it: {@code model.*} keys (checked against the
 * defaults by {@link ScenarioLoader}) and an optional {@code fit} block saying what the values
 * were fitted on ({@code fit.dataset}, {@code fit.covers}). Any other key is an error naming the
 * file, line and key.
 */
public record ParameterFile(Path file, Config model, Optional<FitCoverage> fit) {

    private static final Set<String> ENTRY_KEYS = Set.of("scenario", "sets", "protocols", "transports",
            "min-payload", "max-payload");

    public static ParameterFile read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigError(file + ": is a directory; give a parameter file (as `vnetlab calibrate` writes"
                    + " them)");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigError(file + ": no such parameter file");
        }
        try {
            Config all = HoconFile.parse(file);
            for (var e : all.entrySet()) {
                String key = e.getKey();
                if (!key.startsWith("model.") && !key.startsWith("fit.")) {
                    throw ConfigError.at(e.getValue().origin(), key,
                            "a parameter file holds only model.* keys and a fit block (as `vnetlab calibrate` writes them)");
                }
            }
            Config model = all.withOnlyPath("model");
            return new ParameterFile(file, all.hasPath("model") ? model : ConfigFactory.empty(),
                    all.hasPath("fit") ? Optional.of(fit(all.getConfig("fit"))) : Optional.empty());
        } catch (ConfigException e) {
            throw ConfigError.of(e);
        }
    }

    /** The most payload a datagram carries: a coverage past it names nothing a run could make. */
    private static final int MAX_PAYLOAD = 65_507;

    /** Fails naming the entry's key when its list names anything but {@code valid}, or nothing. */
    private static void onlyOf(Config entry, String where, String key, List<String> valid) {
        List<String> given = entry.getStringList(key);
        for (String v : given) {
            if (!valid.contains(v)) {
                throw ConfigError.at(entry.getValue(key).origin(), where + "." + key, "'" + v + "' is not one of "
                        + String.join(", ", valid));
            }
        }
        if (given.isEmpty()) {
            throw ConfigError.at(entry.getValue(key).origin(), where + "." + key, "names none of "
                    + String.join(", ", valid));
        }
    }

    private static FitCoverage fit(Config fit) {
        for (String key : fit.root().keySet()) {
            if (!key.equals("dataset") && !key.equals("covers")) {
                throw ConfigError.at(fit.getValue(key).origin(), "fit." + key, "unknown key (valid: dataset, covers)");
            }
        }
        List<FitCoverage.Entry> entries = new ArrayList<>();
        ConfigList covers = fit.getList("covers");
        for (int i = 0; i < covers.size(); i++) {
            ConfigValue v = covers.get(i);
            String where = "fit.covers[" + i + "]";
            if (v.valueType() != ConfigValueType.OBJECT) {
                throw ConfigError.at(v.origin(), where, "expected an object with " + String.join(", ", ENTRY_KEYS));
            }
            Config c = ((ConfigObject) v).toConfig();
            for (String key : c.root().keySet()) {
                if (!ENTRY_KEYS.contains(key)) {
                    throw ConfigError.at(c.getValue(key).origin(), where + "." + key,
                            "unknown key (valid: " + String.join(", ", new java.util.TreeSet<>(ENTRY_KEYS)) + ")");
                }
            }
            int min = c.getInt("min-payload");
            int max = c.getInt("max-payload");
            if (min < 0 || max < min || max > MAX_PAYLOAD) {
                throw ConfigError.at(c.getValue("max-payload").origin(), where + ".max-payload",
                        "payload range " + min + ".." + max + " is out of range (0 <= min <= max <= " + MAX_PAYLOAD
                                + ")");
            }
            // a coverage of ipv9 or sctp, said nothing yet made every note about it wrong
            onlyOf(c, where, "protocols", List.of("ipv4", "ipv6"));
            onlyOf(c, where, "transports", List.of("udp", "tcp", "rtt"));
            entries.add(new FitCoverage.Entry(c.getString("scenario"), c.getStringList("sets"),
                    c.getStringList("protocols"), c.getStringList("transports"), min, max));
        }
        return new FitCoverage(fit.getString("dataset"), entries);
    }
}
