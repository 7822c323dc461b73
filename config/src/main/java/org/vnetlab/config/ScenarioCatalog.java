package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.util.List;
import java.util.Optional;

/** The scenarios bundled with vnetlab: the study's eight experiments and the literature dataset's three. */
public final class ScenarioCatalog {

    static final String RESOURCE_DIR = "vnetlab/scenarios/";

    private final List<String> names;

    ScenarioCatalog(Config reference) {
        this.names = List.copyOf(reference.getStringList("vnetlab.bundled-scenarios"));
    }

    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /** The bundled scenario's own file, without defaults; empty for an unknown name. */
    Optional<Config> source(String name) {
        if (!contains(name)) {
            return Optional.empty();
        }
        ConfigParseOptions options = ConfigParseOptions.defaults().setAllowMissing(false)
                .setSyntax(ConfigSyntax.CONF).setClassLoader(ScenarioCatalog.class.getClassLoader());
        return Optional.of(ConfigFactory.parseResources(RESOURCE_DIR + name + ".conf", options));
    }

    /** The bundled scenario's one-line description. */
    public String description(String name) {
        return source(name).map(c -> c.hasPath("description") ? c.getString("description") : "").orElse("");
    }
}
