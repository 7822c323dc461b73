package org.vnetlab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ConfigError;

/** Every live setting is commented in reference.conf, read by LiveSettings, and checked. */
class LiveSettingsTest {

    @Test
    void everyKeyHasACommentAndIsRead() throws Exception {
        String text;
        try (InputStream in = LiveSettings.class.getClassLoader().getResourceAsStream("reference.conf")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        Config reference = ConfigFactory.parseString(text);
        int keys = 0;
        for (Map.Entry<String, ?> e : reference.getConfig(LiveSettings.PATH).entrySet()) {
            keys++;
            String leaf = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().startsWith(leaf + " =")) {
                    at = i;
                }
            }
            assertTrue(at > 0 && lines.get(at - 1).trim().startsWith("#"), e.getKey() + " has no comment");
            Config without = ConfigFactory.load().withoutPath(LiveSettings.PATH + "." + e.getKey());
            assertThrows(ConfigError.class, () -> LiveSettings.from(without), e.getKey() + " is never read");
        }
        assertEquals(25, keys);
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheKey() {
        Config bad = ConfigFactory.load().withValue("vnetlab.live.server.port", ConfigValueFactory.fromAnyRef(70000));
        ConfigError e = assertThrows(ConfigError.class, () -> LiveSettings.from(bad));
        assertTrue(e.getMessage().contains("port") && e.getMessage().contains("70000"), e.getMessage());
        Config rate = ConfigFactory.load().withValue("vnetlab.live.client.rate", ConfigValueFactory.fromAnyRef("fast"));
        assertTrue(assertThrows(ConfigError.class, () -> LiveSettings.from(rate)).getMessage().contains("rate"));
    }
}
