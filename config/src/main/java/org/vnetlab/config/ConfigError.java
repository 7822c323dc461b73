package org.vnetlab.config;

import com.typesafe.config.ConfigOrigin;

/**
 * A configuration mistake, told in one line: where (file and line, or the --set flag), which
 * key, what was found and what would be valid. The command line prints it and exits with 2.
 */
public class ConfigError extends RuntimeException {

    public ConfigError(String message) {
        super(message, null, false, false);
    }

    /** An error about {@code key} whose value came from {@code origin}. */
    public static ConfigError at(ConfigOrigin origin, String key, String what) {
        return new ConfigError(where(origin) + ": " + key + ": " + what);
    }

    /** "file.conf:12", "scenario xen-double:12", "--set k=v" or the origin's own description. */
    public static String where(ConfigOrigin origin) {
        if (origin == null) {
            return "configuration";
        }
        String line = origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "";
        if (origin.filename() != null) {
            return origin.filename() + line;
        }
        if (origin.resource() != null) {
            return bundledName(origin.resource()) + line;
        }
        String d = origin.description();
        return d.startsWith("--set") || d.startsWith("--params") ? d.replaceAll(": \\d+$", "") : d;
    }

    private static String bundledName(String resource) {
        if (resource.startsWith(ScenarioCatalog.RESOURCE_DIR)) {
            return "scenario " + resource.substring(ScenarioCatalog.RESOURCE_DIR.length()).replace(".conf", "");
        }
        return resource;
    }
}
