package org.vnetlab.sim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;

/**
 * A sweep's scenario, loaded from its HOCON text once per set of overrides. Local runs, the
 * coordinator and every worker load scenarios this same way, so they simulate the same model.
 * The text is kept in a private temporary file for the loader and removed on {@link #close()}.
 */
public final class ScenarioCache implements AutoCloseable {

    private final ScenarioLoader loader;
    private final Path file;
    private final Map<List<String>, Scenario> loaded = new ConcurrentHashMap<>();

    /** @throws org.vnetlab.config.ConfigError for text that is not a self-contained scenario */
    public ScenarioCache(ScenarioLoader loader, String scenarioText) {
        ScenarioText.check(scenarioText);
        this.loader = loader;
        try {
            this.file = Files.createTempFile("vnetlab-sweep-", ".conf");
            Files.writeString(file, scenarioText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep's scenario to a temporary file", e);
        }
    }

    /**
     * The scenario with {@code overrides} applied.
     *
     * @throws org.vnetlab.config.ConfigError for an override the scenario does not accept
     */
    public Scenario get(List<String> overrides) {
        return loaded.computeIfAbsent(List.copyOf(overrides), o -> loader.load(file.toString(), o).scenario());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
