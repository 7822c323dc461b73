package org.vnetlab.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;

/** A worker loads only self-contained scenario text: nothing that reads files or the environment. */
class ScenarioTextTest {

    @Test
    void aRenderedScenarioPasses() {
        ScenarioText.check(new ScenarioLoader().load("xen-double", List.of()).render());
    }

    @Test
    void includesSubstitutionsAndExtendsAreRefused() {
        for (String text : List.of("include \"/etc/passwd\"\nname = x", "include file(\"/etc/passwd\")",
                "include url(\"http://example.org/x.conf\")", "include classpath(\"reference.conf\")",
                "name = ${HOME}", "name = ${?PATH}", "extends = native")) {
            ConfigError e = assertThrows(ConfigError.class, () -> ScenarioText.check(text), text);
            assertTrue(e.getMessage().startsWith("sweep scenario: "), e.getMessage());
        }
    }
}
