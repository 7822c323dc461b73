package org.vnetlab.console.session;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.result.Result;

/**
 * What the console remembers between commands: the scenario chosen with {@code use}, the
 * overrides given with {@code set}, and the last result a command produced. Commands run on a
 * worker thread while the prompt thread reads, so every access is synchronized.
 */
public final class Session {

    /** How the console's own overrides are named in their errors: {@code set KEY=VALUE}, as typed. */
    private static final String SET = "set";

    private final ScenarioLoader loader;
    private String scenario;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Result lastResult;

    public Session(ScenarioLoader loader) {
        this.loader = loader;
    }

    public ScenarioLoader loader() {
        return loader;
    }

    /**
     * Makes {@code nameOrFile} the session scenario; fails if it does not load. The overrides of
     * the scenario in use before are dropped; those set while none was in use apply to this one,
     * and it fails with the first of them it does not accept.
     */
    public synchronized LoadedScenario use(String nameOrFile) {
        List<String> pending = scenario == null ? asSets(overrides) : List.of();
        LoadedScenario loaded = loader.load(nameOrFile, pending, null, SET);
        scenario = nameOrFile;
        if (pending.isEmpty()) {
            overrides.clear();
        }
        return loaded;
    }

    /**
     * Adds or replaces the overrides {@code KEY=VALUE}, all or none: fails with a one-line
     * {@link ConfigError} for an unknown key, or for a value the session scenario does not accept.
     *
     * @return the session scenario with the overrides, or empty when no scenario is in use yet
     */
    public synchronized Optional<LoadedScenario> set(List<String> keyValues) {
        Map<String, String> next = new LinkedHashMap<>(overrides);
        for (String keyValue : keyValues) {
            Config parsed = loader.override(keyValue, SET);
            int eq = keyValue.indexOf('=');
            String key = keyValue.substring(0, eq).trim();
            if (scenario == null) {
                // checked now, not at the `use` that applies it: that error would name the wrong line
                checkKind(key, parsed.getValue(key), keyValue);
            }
            next.remove(key);
            next.put(key, keyValue.substring(eq + 1).trim());
        }
        Optional<LoadedScenario> loaded = scenario == null ? Optional.empty()
                : Optional.of(loader.load(scenario, asSets(next), null, SET));
        overrides.clear();
        overrides.putAll(next);
        return loaded;
    }

    /**
     * Fails when the default of {@code key} is a number or a switch and {@code value} is not one:
     * what can be told of a value before a scenario is in use (the rest is checked by `use`).
     */
    private void checkKind(String key, ConfigValue value, String keyValue) {
        if (!loader.defaults().hasPath(key)) {
            return;
        }
        ConfigValueType kind = loader.defaults().getValue(key).valueType();
        Object v = value.unwrapped();
        if (kind == ConfigValueType.NUMBER && value.valueType() != ConfigValueType.NUMBER) {
            throw new ConfigError(SET + " " + keyValue + ": " + key + ": expected a number, got '" + v + "'");
        }
        if (kind == ConfigValueType.BOOLEAN && value.valueType() != ConfigValueType.BOOLEAN
                && !List.of("yes", "no", "on", "off").contains(String.valueOf(v))) {
            throw new ConfigError(SET + " " + keyValue + ": " + key + ": expected true or false, got '" + v + "'");
        }
    }

    public Optional<LoadedScenario> set(String keyValue) {
        return set(List.of(keyValue));
    }

    /** Removes the override of {@code key}; fails when there is none. */
    public synchronized void unset(String key) {
        if (overrides.remove(key) == null) {
            throw new ConfigError("unset: '" + key + "' is not set"
                    + (overrides.isEmpty() ? " (nothing is)" : " (set: " + String.join(", ", overrides.keySet()) + ")"));
        }
    }

    public synchronized Optional<String> scenario() {
        return Optional.ofNullable(scenario);
    }

    /** The overrides as {@code KEY=VALUE}, in the order they were first set. */
    public synchronized List<String> sets() {
        return asSets(overrides);
    }

    public synchronized Set<String> overriddenKeys() {
        return Set.copyOf(overrides.keySet());
    }

    public synchronized Optional<Result> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    public synchronized void setLastResult(Result result) {
        lastResult = result;
    }

    private static List<String> asSets(Map<String, String> map) {
        List<String> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(k + "=" + v));
        return list;
    }
}
