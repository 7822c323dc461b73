package org.vnetlab.sim.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every model parameter has a comment saying what it is, and the simulator reads it. */
class ParametersDocumentedTest {

    private static final Config MODEL = ConfigFactory.parseResources("reference.conf")
            .getConfig("vnetlab.defaults.model");

    @Test
    void everyParameterIsCommented() {
        MODEL.entrySet().forEach(e -> assertFalse(e.getValue().origin().comments().isEmpty(),
                "model." + e.getKey() + " has no comment in sim's reference.conf"));
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
