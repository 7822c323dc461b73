package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vnetlab.core.model.Scenario;

/**
 * Loads a scenario by bundled name or file, applies {@code extends}, a parameter file,
 * {@code --set} overrides and the chosen variant on top of the defaults, rejects unknown keys,
 * and parses the result into the core model. Every mistake is a one-line {@link ConfigError}.
 *
 * <p>Precedence, highest first: --set, --params, the chosen variant, the scenario (then the
 * scenarios it extends), {@code vnetlab.defaults}.
 */
public final class ScenarioLoader {

    /** The parameter-file name reported when the bundled defaults are used. */
    public static final String DEFAULT_PARAMETERS = "defaults";
    private static final int MAX_EXTENDS = 8;

    private final Config defaults;
    private final ScenarioCatalog catalog;
    private final Set<String> knownKeys;

    public ScenarioLoader() {
        this(ConfigFactory.defaultReference(ScenarioLoader.class.getClassLoader()));
    }

    public ScenarioLoader(Config reference) {
        this.defaults = reference.getConfig("vnetlab.defaults");
        this.catalog = new ScenarioCatalog(reference);
        this.knownKeys = new TreeSet<>();
        defaults.entrySet().forEach(e -> knownKeys.add(e.getKey()));
    }

    public ScenarioCatalog catalog() {
        return catalog;
    }

    /** Every settable key (relative to {@code vnetlab.defaults}), sorted. */
    public Set<String> knownKeys() {
        return knownKeys;
    }

    /** The defaults every scenario falls back to. */
    public Config defaults() {
        return defaults;
    }

    public LoadedScenario load(String nameOrFile, List<String> sets) {
        return load(nameOrFile, sets, null);
    }

    /**
     * @param params a parameter file (model.* keys only) or null for the bundled defaults
     * @throws ConfigError for anything wrong, in one line
     */
    public LoadedScenario load(String nameOrFile, List<String> sets, Path params) {
        try {
            Config scenario = withExtends(source(nameOrFile, null), nameOrFile, 0);
            checkKeys(scenario, false);
            Config parameters = params == null ? ConfigFactory.empty() : parameters(params);
            Config overrides = overrides(sets);
            Config merged = overrides.withFallback(parameters).withFallback(scenario).withFallback(defaults);
            merged = applyVariant(merged, overrides.withFallback(parameters));
            Config resolved = merged.resolve();
            Scenario parsed = ScenarioParser.parse(resolved);
            return new LoadedScenario(parsed, resolved, nameOrFile,
                    params == null ? DEFAULT_PARAMETERS : params.toString());
        } catch (ConfigException e) {
            throw fromTypesafe(e);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(nameOrFile + ": " + e.getMessage());
        }
    }

    /** Parses one {@code KEY=VALUE} override and checks that the key exists. */
    public Config override(String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw new ConfigError("--set " + set + ": expected KEY=VALUE, e.g. --set host.cpus=4");
        }
        String key = set.substring(0, eq).trim();
        String value = set.substring(eq + 1).trim();
        try {
            ConfigUtil.splitPath(key);
        } catch (ConfigException e) {
            throw new ConfigError("--set " + set + ": '" + key + "' is not a valid key path");
        }
        checkKey(key, null, "--set " + set);
        String origin = "--set " + set;
        try {
            return ConfigFactory.parseString(key + " = " + value,
                    ConfigParseOptions.defaults().setOriginDescription(origin).setSyntax(ConfigSyntax.CONF));
        } catch (ConfigException.Parse e) {
            ConfigValue text = ConfigValueFactory.fromAnyRef(value, origin);
            return ConfigFactory.empty(origin).withValue(key, text);
        }
    }

    private Config overrides(List<String> sets) {
        Config all = ConfigFactory.empty();
        for (String set : sets) {
            all = override(set).withFallback(all);
        }
        return all;
    }

    private Config source(String nameOrFile, Path relativeTo) {
        var bundled = catalog.source(nameOrFile);
        if (bundled.isPresent()) {
            return bundled.get();
        }
        Path file = relativeTo == null ? Path.of(nameOrFile) : relativeTo.resolveSibling(nameOrFile);
        if (Files.isRegularFile(file)) {
            return parseFile(file);
        }
        if (looksLikeFile(nameOrFile)) {
            throw new ConfigError(file + ": no such scenario file");
        }
        throw new ConfigError("unknown scenario '" + nameOrFile + "'" + Suggest.hint(nameOrFile, catalog.names())
                + " (bundled: " + String.join(", ", catalog.names()) + "; or give a .conf file)");
    }

    private static boolean looksLikeFile(String s) {
        return s.contains("/") || s.contains("\\") || s.endsWith(".conf") || s.endsWith(".hocon");
    }

    private static Config parseFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigError(file + ": cannot be read");
        }
        return ConfigFactory.parseFile(file.toFile(),
                ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    }

    private Config withExtends(Config scenario, String from, int depth) {
        if (!scenario.hasPath("extends") || scenario.getString("extends").isBlank()) {
            return scenario;
        }
        if (depth >= MAX_EXTENDS) {
            throw ConfigError.at(scenario.getValue("extends").origin(), "extends",
                    "more than " + MAX_EXTENDS + " levels of extends; is there a cycle?");
        }
        String base = scenario.getString("extends");
        Path relativeTo = catalog.contains(from) ? null : Path.of(from);
        Config parent = withExtends(source(base, relativeTo), base, depth + 1);
        return scenario.withoutPath("extends").withFallback(parent);
    }

    private Config parameters(Path file) {
        Config params = ParameterFile.read(file).model();
        checkKeys(params, false);
        return params;
    }

    private Config applyVariant(Config merged, Config above) {
        String by = merged.getString("variant-by");
        if (by.isBlank()) {
            return merged;
        }
        Node root = new Node(merged, "");
        Set<String> valid = new TreeSet<>(merged.getConfig("variants").root().keySet());
        String chosen = root.oneOf(by, valid);
        Config variant = merged.getConfig("variants").getConfig(ConfigUtil.quoteString(chosen));
        checkKeys(variant, true);
        return above.withFallback(variant).withFallback(merged);
    }

    /** Fails on the first key of {@code c} that the defaults do not have. */
    private void checkKeys(Config c, boolean insideVariant) {
        List<String> paths = new ArrayList<>();
        c.entrySet().forEach(e -> paths.add(e.getKey()));
        paths.sort(null);
        for (String path : paths) {
            List<String> parts = ConfigUtil.splitPath(path);
            if (!insideVariant && parts.get(0).equals("variants") && parts.size() > 2) {
                continue; // checked when the variant is chosen
            }
            checkKey(path, c.getValue(path), null);
        }
    }

    private void checkKey(String path, ConfigValue value, String setFlag) {
        if (defaults.hasPathOrNull(path)) {
            return;
        }
        String what = "unknown key" + Suggest.hint(path, knownKeys)
                + " (`vnetlab show NAME` lists every key)";
        throw setFlag != null ? new ConfigError(setFlag + ": " + path + ": " + what)
                : ConfigError.at(value.origin(), path, what);
    }

    private static ConfigError fromTypesafe(ConfigException e) {
        String message = e.getMessage();
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            return new ConfigError(ConfigError.where(e.origin()) + ": " + message.replaceAll("\\s+", " "));
        }
        return new ConfigError(message.replaceAll("\\s+", " "));
    }
}
