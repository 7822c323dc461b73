package org.vnetlab.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import java.util.regex.Pattern;

/**
 * A configuration mistake, told in one line: where (file and line, or the --set flag), which
 * key, what was found and what would be valid. The command line prints it and exits with 2.
 */
public class ConfigError extends RuntimeException {

    private static final Pattern PROPERTIES_ADVICE =
            Pattern.compile(",? or you may be able to rename the file \\.properties rather than \\.conf");

    /**
     * The overrides a flag (--set, whatif's --base-set, --params) or the console's set gives, whose
     * one line needs no line number.
     */
    private static final Pattern ONE_LINE_FLAG = Pattern.compile("--|set ");

    public ConfigError(String message) {
        super(message, null, false, false);
    }

    /** An error about {@code key} whose value came from {@code origin}. */
    public static ConfigError at(ConfigOrigin origin, String key, String what) {
        return new ConfigError(where(origin) + ": " + key + ": " + what);
    }

    /**
     * A mistake the HOCON parser found, in one line with its file and line. The parser's advice to
     * rename the file {@code .properties} is dropped: vnetlab reads only HOCON.
     */
    public static ConfigError of(ConfigException e) {
        String message = e.getMessage();
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
        }
        message = PROPERTIES_ADVICE.matcher(message).replaceAll("").replaceAll("\\s+", " ").strip();
        return new ConfigError(e.origin() == null ? message : where(e.origin()) + ": " + message);
    }

    /**
     * "file.conf:12", "scenario xen-double:12", "--set k=v" (the console's "set k=v") or the origin's
     * own description.
     */
    public static String where(ConfigOrigin origin) {
        if (origin == null) {
            return "configuration";
        }
        String line = origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "";
        if (origin.filename() != null) {
            // a bare name is parsed as ./name so that its includes are found; show it as typed
            String name = origin.filename();
            return (name.startsWith("./") ? name.substring(2) : name) + line;
        }
        if (origin.resource() != null) {
            return bundledName(origin.resource()) + line;
        }
        String d = origin.description();
        return ONE_LINE_FLAG.matcher(d).lookingAt() ? d.replaceAll(": \\d+$", "") : d;
    }

    private static String bundledName(String resource) {
        if (resource.startsWith(ScenarioCatalog.RESOURCE_DIR)) {
            return "scenario " + resource.substring(ScenarioCatalog.RESOURCE_DIR.length()).replace(".conf", "");
        }
        return resource;
    }
}
