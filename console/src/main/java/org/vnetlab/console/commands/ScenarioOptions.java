package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.ScenarioCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that loads a scenario shares: --set and --params. */
public final class ScenarioOptions {

    @Option(names = ScenarioCommand.SET, paramLabel = "KEY=VALUE",
            description = "override a scenario key, e.g. --set host.cpus=4 or --set xen.domUs=4 (repeatable)")
    List<String> sets = new ArrayList<>();

    @Mixin
    ParamsOption params;

    public List<String> sets() {
        return List.copyOf(sets);
    }

    /** The parameter file, or null for the bundled defaults. */
    public Path params() {
        return params.file();
    }

    public LoadedScenario load(ScenarioLoader loader, String nameOrFile) {
        return loader.load(nameOrFile, sets, params.file());
    }
}
