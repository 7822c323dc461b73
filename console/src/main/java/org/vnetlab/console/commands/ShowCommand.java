package org.vnetlab.console.commands;

import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints a scenario fully resolved, as HOCON that vnetlab reads back. */
@Command(name = "show", description = "print a scenario with every key resolved, as HOCON")
public final class ShowCommand implements ScenarioCommand {

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "NAME|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    public ShowCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) {
        io.out().print(scenarioOptions.load(loader, scenario).render());
        return 0;
    }
}
