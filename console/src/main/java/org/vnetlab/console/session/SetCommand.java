package org.vnetlab.console.session;

import java.util.List;
import java.util.Optional;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;

/** {@code set KEY=VALUE...}: overrides scenario keys for the session; without arguments lists them. */
public final class SetCommand implements Command {

    private final Session session;

    public SetCommand(Session session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String arguments() {
        return "[KEY=VALUE...]";
    }

    @Override
    public String summary() {
        return "override scenario keys for the session, e.g. set xen.domUs=4 (no argument: list them)";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        if (args.positional().isEmpty()) {
            List<String> sets = session.sets();
            io.out().println(sets.isEmpty() ? "no overrides" : String.join("\n", sets));
            return 0;
        }
        Optional<LoadedScenario> loaded = session.set(args.positional());
        io.out().println(loaded.map(l -> ScenarioSummary.of(l, session.sets()))
                .orElse("set " + String.join(" ", session.sets()) + " (no scenario in use yet: `use NAME`)"));
        return 0;
    }
}
