package org.vnetlab.config;

import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import java.io.File;
import java.net.URL;

/**
 * How a scenario's includes are read: every include is required, at any depth (HOCON skips a
 * missing one without a word, so a mistyped name would lose its keys unsaid), and only files are
 * included: a scenario fetches no URL and reads no resource of the program (a bundled scenario is
 * named by {@code extends}).
 */
final class StrictIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

    /** An include this reader refuses; {@link HoconFile} names the file and line that asked for it. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final ConfigIncluder fallback;

    StrictIncluder() {
        this(null);
    }

    private StrictIncluder(ConfigIncluder fallback) {
        this.fallback = fallback;
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return new StrictIncluder(fallback);
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        return fallback.include(required(context), what);
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
        return ((ConfigIncluderFile) fallback).includeFile(required(context), what);
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        throw new Refused("url(" + what + "): a scenario includes files only, and fetches nothing from the network");
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        throw new Refused("classpath(" + what + "): a scenario includes files only; name a bundled scenario with"
                + " extends = NAME");
    }

    private static ConfigIncludeContext required(ConfigIncludeContext context) {
        return context.setParseOptions(context.parseOptions().setAllowMissing(false));
    }
}
