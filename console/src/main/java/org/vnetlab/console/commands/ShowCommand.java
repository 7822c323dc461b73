package org.vnetlab.console.commands;

import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;

/** Prints a scenario fully resolved, as HOCON that vnetlab reads back. */
public final class ShowCommand implements Command {

    private final ScenarioLoader loader;

    public ShowCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String arguments() {
        return "NAME|FILE";
    }

    @Override
    public String summary() {
        return "print a scenario with every key resolved, as HOCON";
    }

    @Override
    public List<Option> options() {
        return ScenarioOptions.all();
    }

    @Override
    public boolean takesScenario() {
        return true;
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        String scenario = args.single("scenario name or file");
        io.out().print(ScenarioOptions.load(loader, scenario, args).render());
        return 0;
    }
}
