package org.vnetlab.console;

import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.commands.ReproduceCommand;
import org.vnetlab.console.commands.ScenariosCommand;
import org.vnetlab.console.commands.ShowCommand;
import org.vnetlab.console.commands.SimCommand;

/** Every command vnetlab has, in the order help lists them. */
public final class Commands {

    private Commands() {
    }

    public static Cli cli() {
        ScenarioLoader loader = new ScenarioLoader();
        return new Cli(List.of(
                new ReproduceCommand(loader),
                new ScenariosCommand(loader.catalog()),
                new ShowCommand(loader),
                new SimCommand(loader)));
    }
}
