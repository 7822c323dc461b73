package org.vnetlab.console.session;

import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.console.cli.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code use NAME|FILE}: chooses the console's scenario, which scenario commands then default to. */
@Command(name = "use", description = "choose the session scenario (drops earlier set overrides)")
public final class UseCommand implements org.vnetlab.console.cli.Command {

    private final Session session;

    @Parameters(paramLabel = "NAME|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    public UseCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run(Terminal io) {
        LoadedScenario loaded = session.use(scenario);
        io.out().println(ScenarioSummary.of(loaded, List.of()));
        return 0;
    }
}
