package org.vnetlab.console.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.commands.ScenarioOptions;
import org.vnetlab.console.session.Session;

/**
 * Runs one console command line through the {@link Cli}: a scenario command given no scenario
 * gets the session's, with the session's {@code set} overrides before the line's own
 * {@code --set} flags (so the line's win).
 */
public final class SessionDispatcher {

    private final Cli cli;
    private final Session session;

    public SessionDispatcher(Cli cli, Session session) {
        this.cli = cli;
        this.session = session;
    }

    public Cli cli() {
        return cli;
    }

    public Session session() {
        return session;
    }

    public int run(List<String> words, Terminal io) {
        return cli.run(withSessionScenario(words), io);
    }

    /** The command line with the session scenario filled in where the command takes one and none was given. */
    List<String> withSessionScenario(List<String> words) {
        if (words.isEmpty()) {
            return words;
        }
        Optional<Command> command = cli.command(words.get(0));
        Optional<String> scenario = session.scenario();
        if (command.isEmpty() || !command.get().takesScenario() || scenario.isEmpty()) {
            return words;
        }
        List<String> rest = words.subList(1, words.size());
        try {
            if (!ParsedArgs.parse(words.get(0), command.get().options(), rest).positional().isEmpty()) {
                return words;
            }
        } catch (UsageError e) {
            return words; // the Cli reports it
        }
        List<String> filled = new ArrayList<>();
        filled.add(words.get(0));
        filled.add(scenario.get());
        for (String set : session.sets()) {
            filled.add(ScenarioOptions.SET.name());
            filled.add(set);
        }
        filled.addAll(rest);
        return filled;
    }
}
