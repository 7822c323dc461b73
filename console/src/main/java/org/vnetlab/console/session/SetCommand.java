package org.vnetlab.console.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.console.cli.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code set KEY=VALUE...}: overrides scenario keys for the session; without arguments lists them. */
@Command(name = "set", description = "override scenario keys for the session, e.g. set xen.domUs=4 (no argument: list them)")
public final class SetCommand implements org.vnetlab.console.cli.Command {

    private final Session session;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "a scenario key and its value")
    List<String> keyValues = new ArrayList<>();

    public SetCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run(Terminal io) {
        if (keyValues.isEmpty()) {
            List<String> sets = session.sets();
            io.out().println(sets.isEmpty() ? "no overrides" : String.join("\n", sets));
            return 0;
        }
        Optional<LoadedScenario> loaded = session.set(keyValues);
        io.out().println(loaded.map(l -> ScenarioSummary.of(l, session.sets()))
                .orElse("set " + String.join(" ", session.sets()) + " (no scenario in use yet: they apply to the"
                        + " next `use NAME`)"));
        return 0;
    }
}
