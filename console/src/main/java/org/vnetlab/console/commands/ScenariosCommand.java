package org.vnetlab.console.commands;

import java.util.List;
import org.vnetlab.config.ScenarioCatalog;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;

/** Lists the bundled scenarios with a line each. */
public final class ScenariosCommand implements Command {

    private final ScenarioCatalog catalog;

    public ScenariosCommand(ScenarioCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "scenarios";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "list the bundled scenarios (the study's experiments)";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        if (!args.positional().isEmpty()) {
            throw new UsageError("scenarios: takes no arguments");
        }
        int width = catalog.names().stream().mapToInt(String::length).max().orElse(10) + 2;
        for (String name : catalog.names()) {
            io.out().println(name + " ".repeat(width - name.length()) + catalog.description(name));
        }
        return 0;
    }
}
