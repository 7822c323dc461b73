package org.vnetlab.sim.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.File;
import java.net.URL;
import org.vnetlab.config.ConfigError;

/**
 * Checks that a sweep's scenario text is self-contained before anything loads it: no
 * {@code include} (of files, URLs or resources), no {@code ${...}} substitutions (which could read
 * the environment) and no {@code extends}. A worker thus reads no file and no variable named by
 * the coordinator; a resolved scenario ({@code LoadedScenario.render()}) always passes.
 */
final class ScenarioText {

    private ScenarioText() {
    }

    /** @throws ConfigError saying what the text may not hold */
    static void check(String text) {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setIncluder(new Refuse()).setOriginDescription("sweep scenario"));
        } catch (ConfigException e) {
            throw new ConfigError("sweep scenario: " + e.getMessage().replaceAll("\\s+", " "));
        }
        if (!parsed.isResolved()) {
            throw new ConfigError("sweep scenario: ${...} substitutions are not allowed (send the resolved scenario)");
        }
        if (parsed.hasPath("extends")) {
            throw new ConfigError("sweep scenario: extends is not allowed (send the resolved scenario)");
        }
    }

    /** An includer that includes nothing. */
    private static final class Refuse implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL,
            ConfigIncluderClasspath {

        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            throw refused(what);
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, File file) {
            throw refused(file.toString());
        }

        @Override
        public ConfigObject includeURL(ConfigIncludeContext context, URL url) {
            throw refused(url.toString());
        }

        @Override
        public ConfigObject includeResources(ConfigIncludeContext context, String what) {
            throw refused(what);
        }

        private static ConfigError refused(String what) {
            return new ConfigError("sweep scenario: include " + what + " is not allowed (send the resolved scenario)");
        }
    }
}
