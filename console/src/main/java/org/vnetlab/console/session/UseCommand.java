package org.vnetlab.console.session;

import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;

/** {@code use NAME|FILE}: chooses the console's scenario, which scenario commands then default to. */
public final class UseCommand implements Command {

    private final Session session;

    public UseCommand(Session session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "use";
    }

    @Override
    public String arguments() {
        return "NAME|FILE";
    }

    @Override
    public String summary() {
        return "choose the session scenario (drops earlier set overrides)";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        LoadedScenario loaded = session.use(args.single("scenario name or file"));
        io.out().println(ScenarioSummary.of(loaded, List.of()));
        return 0;
    }
}
