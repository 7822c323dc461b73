package org.vnetlab.console.commands;

import org.vnetlab.config.ScenarioCatalog;
import org.vnetlab.console.cli.Terminal;
import picocli.CommandLine.Command;

/** Lists the bundled scenarios with a line each. */
@Command(name = "scenarios", description = "list the bundled scenarios (the study's experiments)")
public final class ScenariosCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioCatalog catalog;

    public ScenariosCommand(ScenarioCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public int run(Terminal io) {
        int width = catalog.names().stream().mapToInt(String::length).max().orElse(10) + 2;
        for (String name : catalog.names()) {
            io.out().println(name + " ".repeat(width - name.length()) + catalog.description(name));
        }
        return 0;
    }
}
