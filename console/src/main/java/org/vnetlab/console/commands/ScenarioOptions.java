package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;

/** The options every command that loads a scenario shares: --set and --params. */
public final class ScenarioOptions {

    public static final Option SET = Option.repeated("--set", "KEY=VALUE",
            "override a scenario key, e.g. --set host.cpus=4 or --set xen.domUs=4");
    public static final Option PARAMS = Option.value("--params", "FILE",
            "model parameters (model.* keys) from a file, e.g. one written by calibrate", "the bundled defaults");

    private ScenarioOptions() {
    }

    public static List<Option> all() {
        return List.of(SET, PARAMS);
    }

    public static LoadedScenario load(ScenarioLoader loader, String nameOrFile, ParsedArgs args) {
        Path params = args.path(PARAMS.name()).orElse(null);
        return loader.load(nameOrFile, args.values(SET.name()), params);
    }
}
