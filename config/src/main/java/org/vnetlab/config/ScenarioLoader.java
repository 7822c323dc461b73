package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /** How overrides are given on the command line, and named in their errors. */
    public static final String SET_FLAG = "--set";
    /** The parameter-file name reported when the bundled defaults are used. */
    public static final String DEFAULT_PARAMETERS = "defaults";
    /** Scenarios a chain of extends may pass through: deeper than any a user writes by hand. */
    private static final int MAX_EXTENDS = 32;

    private final Config defaults;
    private final ScenarioCatalog catalog;
    private final Set<String> knownKeys;
    private final ParameterSpecs specs;
    private final TestbedUnknowns unknowns;

    public ScenarioLoader() {
        this(ConfigFactory.defaultReference(ScenarioLoader.class.getClassLoader()));
    }

    public ScenarioLoader(Config reference) {
        this.defaults = reference.getConfig("vnetlab.defaults");
        this.catalog = new ScenarioCatalog(reference);
        this.knownKeys = new TreeSet<>();
        defaults.entrySet().forEach(e -> knownKeys.add(e.getKey()));
        this.specs = ParameterSpecs.declared(reference);
        this.unknowns = TestbedUnknowns.of(reference);
    }

    /** What each model parameter is: provenance, valid range, unit. */
    public ParameterSpecs parameterSpecs() {
        return specs;
    }

    /** What the study does not state about its testbed, and where each value plausibly lies. */
    public TestbedUnknowns testbedUnknowns() {
        return unknowns;
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
        return load(nameOrFile, sets, params, SET_FLAG);
    }

    /**
     * As {@link #load(String, List, Path)}, with an override's error naming it as {@code setFlag KEY=VALUE}
     * (the console's {@code set} command gives {@code set}).
     */
    public LoadedScenario load(String nameOrFile, List<String> sets, Path params, String setFlag) {
        try {
            Config top = source(nameOrFile, null);
            Config scenario = withExtends(top, nameOrFile, List.of(identity(nameOrFile, null)));
            checkKeys(scenario, false);
            Config parameters = params == null ? ConfigFactory.empty() : parameters(params);
            Config overrides = overrides(sets, setFlag);
            Config merged = overrides.withFallback(parameters).withFallback(scenario).withFallback(defaults);
            merged = applyVariant(merged, overrides.withFallback(parameters));
            // a substitution names a key of the scenario, never the environment: a parameter file once
            // printed a password from it in its error
            Config resolved = merged.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
            Scenario parsed = ScenarioParser.parse(resolved, specs);
            Map<String, ConfigValue> given = new TreeMap<>();
            leaves(overrides.withFallback(catalog.contains(nameOrFile) ? ConfigFactory.empty() : top).root(),
                    List.of(), given);
            PlatformSections.check(given, resolved.getString("platform"));
            return new LoadedScenario(parsed, resolved, nameOrFile,
                    params == null ? DEFAULT_PARAMETERS : params.toString());
        } catch (ConfigException e) {
            throw ConfigError.of(e);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(nameOrFile + ": " + e.getMessage());
        }
    }

    /** Parses one {@code KEY=VALUE} override and checks that the key exists. */
    public Config override(String set) {
        return override(set, SET_FLAG);
    }

    /** As {@link #override(String)}, an error naming the override as {@code setFlag KEY=VALUE}. */
    public Config override(String set, String setFlag) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw new ConfigError(setFlag + " " + set + ": expected KEY=VALUE, e.g. " + setFlag + " host.cpus=4");
        }
        return override(set.substring(0, eq).trim(), set.substring(eq + 1).trim(), setFlag + " " + set);
    }

    /**
     * Parses {@code value} for {@code key} and checks that the key exists and takes a value (is
     * not a group of keys).
     *
     * @param where the flag as given, the start of an error's line
     * @throws ConfigError naming {@code where}, the key and what would be valid
     */
    public Config override(String key, String value, String where) {
        try {
            ConfigUtil.splitPath(key);
        } catch (ConfigException e) {
            throw new ConfigError(where + ": '" + key + "' is not a valid key path");
        }
        checkKey(key, null, where);
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(key + " = " + value,
                    ConfigParseOptions.defaults().setOriginDescription(where).setSyntax(ConfigSyntax.CONF));
        } catch (ConfigException.Parse e) {
            ConfigValue text = ConfigValueFactory.fromAnyRef(value, where);
            parsed = ConfigFactory.empty(where).withValue(key, text);
        }
        if (!parsed.isResolved()) {
            // a substitution would be resolved only against the merged scenario, where its error names no flag
            throw new ConfigError(where + ": " + key + ": a value given here cannot refer to other keys (${...});"
                    + " give the value itself");
        }
        checkNotAGroup(key, parsed.getValue(key), where);
        return parsed;
    }

    /**
     * Fails when {@code key} names a group of keys (such as {@code xen.domU}, the guest template)
     * but is given a single value: usually a near key was meant ({@code xen.domUs}, the guest count).
     */
    private void checkNotAGroup(String key, ConfigValue given, String where) {
        ConfigValue known = defaults.getValue(key);
        if (known.valueType() != ConfigValueType.OBJECT || given.valueType() == ConfigValueType.OBJECT) {
            return;
        }
        List<String> members = defaults.getConfig(key).root().keySet().stream().sorted().limit(3)
                .map(k -> key + "." + k).toList();
        List<String> others = knownKeys.stream().filter(k -> !k.startsWith(key + ".")).toList();
        String hint = Suggest.nearest(key, others).map(k -> "; did you mean '" + k + "'?")
                .orElse("; set one of its keys, e.g. " + members.get(0));
        throw new ConfigError(where + ": " + key + " is a group of keys (" + String.join(", ", members)
                + ", ...), not a value" + hint);
    }

    private Config overrides(List<String> sets, String setFlag) {
        Config all = ConfigFactory.empty();
        for (String set : sets) {
            all = override(set, setFlag).withFallback(all);
        }
        return all;
    }

    private Config source(String nameOrFile, Path relativeTo) {
        if (nameOrFile.isBlank()) {
            throw new ConfigError("the scenario's name is empty; give a bundled scenario's name ("
                    + String.join(", ", catalog.names()) + ") or a .conf file");
        }
        var bundled = catalog.source(nameOrFile);
        if (bundled.isPresent()) {
            return bundled.get();
        }
        Path file = file(nameOrFile, relativeTo);
        if (Files.isRegularFile(file)) {
            Config parsed = HoconFile.parse(file);
            if (parsed.isEmpty()) {
                // every key would be a default: a native host, which an empty file hardly meant
                throw new ConfigError(file + ": holds no keys; a scenario names at least its platform (platform ="
                        + " native|xen|vserver|container|kvm) or extends another (extends = xen-single)");
            }
            return parsed;
        }
        if (Files.isDirectory(file)) {
            throw new ConfigError(file + ": is a directory; give a scenario's .conf file or a bundled scenario's name");
        }
        if (looksLikeFile(nameOrFile)) {
            throw new ConfigError(file + ": no such scenario file");
        }
        throw new ConfigError("unknown scenario '" + nameOrFile + "'" + Suggest.hint(nameOrFile, catalog.names())
                + " (bundled: " + String.join(", ", catalog.names()) + "; or give a .conf file)");
    }

    /**
     * What a chain of extends compares: a bundled scenario's name, or the absolute path of the file
     * {@code nameOrFile} names from {@code relativeTo}'s folder (null: the current one).
     */
    private String identity(String nameOrFile, Path relativeTo) {
        return catalog.contains(nameOrFile) ? nameOrFile
                : file(nameOrFile, relativeTo).toAbsolutePath().normalize().toString();
    }

    /** The file {@code name} names: from {@code relativeTo}'s folder, or the current one when that is null. */
    private static Path file(String name, Path relativeTo) {
        return relativeTo == null ? Path.of(name) : relativeTo.resolveSibling(name);
    }

    private static boolean looksLikeFile(String s) {
        return s.contains("/") || s.contains("\\") || s.endsWith(".conf") || s.endsWith(".hocon");
    }

    private Config withExtends(Config scenario, String from, List<String> chain) {
        if (!scenario.hasPath("extends")) {
            return scenario;
        }
        ConfigValue value = scenario.getValue("extends");
        if (value.valueType() != ConfigValueType.STRING) {
            throw ConfigError.at(value.origin(), "extends", "expected the name or file of one scenario, got a "
                    + value.valueType().name().toLowerCase(Locale.ROOT) + " ("
                    + value.render(ConfigRenderOptions.concise()) + ")");
        }
        String base = scenario.getString("extends");
        if (base.isBlank()) {
            return scenario;
        }
        Path relativeTo = catalog.contains(from) ? null : Path.of(from);
        String identity = identity(base, relativeTo);
        if (chain.contains(identity)) {
            throw ConfigError.at(value.origin(), "extends", "a cycle: " + String.join(" extends ", chain)
                    + " extends " + identity);
        }
        if (chain.size() > MAX_EXTENDS) {
            throw ConfigError.at(value.origin(), "extends", "more than " + MAX_EXTENDS + " levels of extends");
        }
        Config parentSource;
        try {
            parentSource = source(base, relativeTo);
        } catch (ConfigError e) {
            throw ConfigError.at(value.origin(), "extends", e.getMessage());
        }
        List<String> longer = new ArrayList<>(chain);
        longer.add(identity);
        // a file's own extends is relative to that file's folder, not to the folder vnetlab runs in
        Config parent = withExtends(parentSource, identity, longer);
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
        Map<String, ConfigValue> leaves = new TreeMap<>();
        leaves(c.root(), List.of(), leaves);
        for (Map.Entry<String, ConfigValue> leaf : leaves.entrySet()) {
            List<String> parts = ConfigUtil.splitPath(leaf.getKey());
            if (!insideVariant && parts.get(0).equals("variants") && parts.size() > 2) {
                continue; // checked when the variant is chosen
            }
            checkKey(leaf.getKey(), leaf.getValue(), null);
        }
    }

    /**
     * The values under {@code object} by path, walked without resolving it: a substitution that
     * does not resolve is reported by {@code resolve()} with its file and line, after the keys.
     */
    private static void leaves(ConfigObject object, List<String> at, Map<String, ConfigValue> into) {
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            List<String> path = new ArrayList<>(at);
            path.add(e.getKey());
            if (e.getValue() instanceof ConfigObject inner) {
                leaves(inner, path, into);
            } else {
                into.put(ConfigUtil.joinPath(path), e.getValue());
            }
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
}
