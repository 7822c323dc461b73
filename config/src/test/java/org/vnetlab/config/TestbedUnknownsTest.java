package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list's own checks; which scenario gets which unknown is tested where the model's keys are (VariationsTest). */
class TestbedUnknownsTest {

    @Test
    void aMalformedEntryIsAnErrorNamingIt() {
        for (String[] bad : List.of(
                new String[]{"{key = \"host.cpux\", low = 0, high = 1, basis = b}", "host.cpux is not a scenario key"},
                new String[]{"{key = \"peer.cpu-speed\", low = 1, high = 0.5, basis = b}", "low must be below high"},
                new String[]{"{key = \"peer.cpu-speed\", low = 0.5, high = 1, platforms = [xenn], basis = b}",
                    "unknown platform xenn"},
                new String[]{"{key = \"host.nic.irq-cpu\", low = 0, high = 1, below = \"host.name\", basis = b}",
                    "below = host.name is not a numeric scenario key"},
                new String[]{"{key = \"peer.cpu-speed\", low = 0.5, high = 1}", "basis"})) {
            Config reference = ConfigFactory.parseString("vnetlab.testbed-unknowns = [" + bad[0] + "]")
                    .withFallback(ConfigFactory.defaultReference(TestbedUnknownsTest.class.getClassLoader()));
            ConfigError e = assertThrows(ConfigError.class, () -> new ScenarioLoader(reference), bad[0]);
            assertTrue(e.getMessage().startsWith("vnetlab.testbed-unknowns") && e.getMessage().contains(bad[1]),
                    e.getMessage());
        }
        // a model key is checked in the scenario it would be varied in, where the model's defaults are
        ScenarioLoader loader = new ScenarioLoader(ConfigFactory.parseString(
                "vnetlab.testbed-unknowns = [{key = \"model.no.such\", low = 0, high = 1, basis = b}]")
                .withFallback(ConfigFactory.defaultReference(TestbedUnknownsTest.class.getClassLoader())));
        LoadedScenario nat = loader.load("native", List.of());
        ConfigError e = assertThrows(ConfigError.class, () -> loader.testbedUnknowns().applyingTo(nat));
        assertTrue(e.getMessage().startsWith("vnetlab.testbed-unknowns") && e.getMessage().endsWith(
                "key model.no.such is not a scenario key"), e.getMessage());
    }
}
