package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/** Every scenario key has a comment (machine 2's block repeats machine 1's keys, documented there). */
class DefaultsDocumentedTest {

    @Test
    void everyKeyIsCommented() {
        Config defaults = ConfigFactory.parseResources("reference.conf").getConfig("vnetlab.defaults");
        defaults.entrySet().forEach(e -> {
            String key = e.getKey();
            String documentedAt = key.startsWith("peer.")
                    ? "host." + key.substring("peer.".length()) : key;
            if (!defaults.hasPath(documentedAt)) {
                documentedAt = key;
            }
            assertFalse(defaults.getValue(documentedAt).origin().comments().isEmpty(),
                    key + " has no comment in config's reference.conf");
        });
    }
}
