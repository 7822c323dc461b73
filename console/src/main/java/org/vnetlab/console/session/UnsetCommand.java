package org.vnetlab.console.session;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.console.cli.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code unset KEY...}: drops session overrides, so the scenario's own values apply again. */
@Command(name = "unset", description = "drop session overrides given with set")
public final class UnsetCommand implements org.vnetlab.console.cli.Command {

    private final Session session;

    @Parameters(paramLabel = "KEY", arity = "1..*", description = "a key given with set")
    List<String> keys = new ArrayList<>();

    public UnsetCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run(Terminal io) {
        keys.forEach(session::unset);
        List<String> sets = session.sets();
        io.out().println(sets.isEmpty() ? "no overrides" : "set " + String.join(" ", sets));
        return 0;
    }
}
