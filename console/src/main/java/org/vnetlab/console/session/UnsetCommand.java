package org.vnetlab.console.session;

import java.util.List;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;

/** {@code unset KEY...}: drops session overrides, so the scenario's own values apply again. */
public final class UnsetCommand implements Command {

    private final Session session;

    public UnsetCommand(Session session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "unset";
    }

    @Override
    public String arguments() {
        return "KEY...";
    }

    @Override
    public String summary() {
        return "drop session overrides given with set";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        if (args.positional().isEmpty()) {
            throw new UsageError("unset: expected one or more keys");
        }
        args.positional().forEach(session::unset);
        List<String> sets = session.sets();
        io.out().println(sets.isEmpty() ? "no overrides" : "set " + String.join(" ", sets));
        return 0;
    }
}
