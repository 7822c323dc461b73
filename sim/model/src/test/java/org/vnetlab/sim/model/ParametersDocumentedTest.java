package org.vnetlab.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ParameterSpec;
import org.vnetlab.config.ParameterSpecs;
import org.vnetlab.config.ScenarioLoader;

/**
 * Every model parameter has a comment saying what it is and a provenance line saying where its
 * default comes from and its valid range, and the simulator reads it.
 */
class ParametersDocumentedTest {

    private static final Config MODEL = ConfigFactory.parseResources("reference.conf")
            .getConfig("vnetlab.defaults.model");

    @Test
    void everyParameterIsCommented() {
        MODEL.entrySet().forEach(e -> assertFalse(e.getValue().origin().comments().isEmpty(),
                "model." + e.getKey() + " has no comment in sim's reference.conf"));
    }

    @Test
    void everyParameterHasAProvenanceAndARangeHoldingItsDefault() {
        ParameterSpecs specs = ParameterSpecs.of(ConfigFactory.defaultReference());
        MODEL.entrySet().forEach(e -> assertTrue(specs.get(e.getKey()).isPresent(), "model." + e.getKey()));
        assertEquals(MODEL.entrySet().size(), specs.all().size());
    }

    @Test
    void aValueOutsideItsRangeIsAOneLineErrorNamingTheKeyAndTheRange() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> new ScenarioLoader().load("native", List.of("model.cost.jitter=0.9")));
        assertEquals("--set model.cost.jitter=0.9: model.cost.jitter: out of range: 0.9 (valid: 0 to 0.5;"
                + " `vnetlab params` lists every parameter's range)", e.getMessage());
        assertThrows(ConfigError.class, () -> new ScenarioLoader().load("xen-single",
                List.of("model.xen.ring-slots=8")));
    }

    @Test
    void aMalformedProvenanceLineIsAnErrorNamingTheParameter() {
        Config bad = ConfigFactory.parseString("vnetlab.defaults.model {\n  # What it is.\n"
                + "  # Provenance: guessed, nothing. Valid: 0 to 1.\n  a-ns = 1\n}");
        ConfigError e = assertThrows(ConfigError.class, () -> ParameterSpecs.of(bad));
        assertTrue(e.getMessage().contains("model.a-ns") && e.getMessage().contains("unknown provenance 'guessed'"),
                e.getMessage());
        Config outside = ConfigFactory.parseString("vnetlab.defaults.model {\n"
                + "  # Provenance: prior, a guess. Valid: 0 to 1 ns.\n  a-ns = 2\n}");
        assertTrue(assertThrows(ConfigError.class, () -> ParameterSpecs.of(outside)).getMessage()
                .contains("lies outside its own valid range 0 to 1 ns"));
    }

    @Test
    void aPlausibleRangeIsReadForPriorsAndMustHoldTheDefault() {
        ParameterSpecs specs = ParameterSpecs.of(ConfigFactory.defaultReference());
        ParameterSpec wake = specs.get("xen.vcpu-wake-ns").orElseThrow();
        assertEquals(new ParameterSpec.Range(3000, 13000), wake.plausible(5000).orElseThrow(), "the range its source gives");
        ParameterSpec tick = specs.get("linux.tick-cost-ns").orElseThrow();
        assertEquals(new ParameterSpec.Range(750, 3000), tick.plausible(1500).orElseThrow(), "a prior: half to twice");
        assertEquals(new ParameterSpec.Range(320000, 500000),
                specs.get("linux.cache-hot-ns").orElseThrow().plausible(400000).orElseThrow(), "published: a quarter");
        assertTrue(specs.get("linux.hz").orElseThrow().plausible(250).isEmpty(), "the source's constant is pinned");
        assertTrue(specs.get("cost.bridge.per-packet-ns").orElseThrow().plausible(500).isEmpty(), "a fit pins it");

        Config fitted = ConfigFactory.parseString("vnetlab.defaults.model {\n"
                + "  # Provenance: fitted, Table 1. Valid: 0 to 10 ns. Plausible: 1 to 2.\n  a-ns = 1\n}");
        assertTrue(assertThrows(ConfigError.class, () -> ParameterSpecs.of(fitted)).getMessage()
                .contains("model.a-ns: 'Plausible: LOW to HIGH.' is for priors and published figures"));
        Config away = ConfigFactory.parseString("vnetlab.defaults.model {\n"
                + "  # Provenance: prior, a guess. Valid: 0 to 10 ns. Plausible: 2 to 3.\n  a-ns = 1\n}");
        assertTrue(assertThrows(ConfigError.class, () -> ParameterSpecs.of(away)).getMessage()
                .contains("model.a-ns: its plausible range 2 to 3 must hold its default 1"));
    }

    @Test
    void everyParameterIsRead() throws IOException {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(f));
            }
        }
        MODEL.entrySet().forEach(e -> assertTrue(sources.indexOf("\"" + e.getKey() + "\"") >= 0,
                "model." + e.getKey() + " is never read by the simulator"));
    }
}
