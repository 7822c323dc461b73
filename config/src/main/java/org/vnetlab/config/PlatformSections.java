package org.vnetlab.config;

import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.Map;

/**
 * The sections that one platform alone reads ({@code xen}, {@code vserver}, {@code container},
 * {@code kvm}, {@code native}). A key the user gave in another platform's section would change
 * nothing: {@code sim native --set xen.domUs=1000} ran one native host, silently.
 */
final class PlatformSections {

    private PlatformSections() {
    }

    /**
     * Fails on the first of {@code given} (the user's own keys by path: overrides and the scenario
     * file's, not its bundled parents') that lies in a section {@code platform} does not read.
     */
    static void check(Map<String, ConfigValue> given, String platform) {
        for (Map.Entry<String, ConfigValue> key : given.entrySet()) {
            String section = ConfigUtil.splitPath(key.getKey()).get(0);
            if (ScenarioParser.PLATFORMS.contains(section) && !section.equals(platform)) {
                throw ConfigError.at(key.getValue().origin(), key.getKey(), "platform " + platform + " reads no "
                        + section + ".* keys; they apply with platform = " + section
                        + " (a " + section + " scenario, or set platform too)");
            }
        }
    }
}
