package org.vnetlab.console.repl;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.session.Session;
import picocli.CommandLine.ParseResult;

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
        return run(words, io, "");
    }

    /** @param where what an error's line names first, as {@link Cli#run(List, Terminal, String)} takes it */
    public int run(List<String> words, Terminal io, String where) {
        return cli.run(withSessionScenario(words), io, where);
    }

    /** The command line with the session scenario filled in where the command takes one and none was given. */
    List<String> withSessionScenario(List<String> words) {
        if (words.isEmpty() || session.scenario().isEmpty()) {
            return words;
        }
        ParseResult leaf = cli.parseLeniently(words);
        int depth = 0;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            depth++;
        }
        if (!(leaf.commandSpec().userObject() instanceof ScenarioCommand command) || leaf.hasMatchedPositional(0)
                || !leaf.unmatched().isEmpty()) {
            return words; // not a scenario command, a scenario given, or a mistake the Cli reports
        }
        List<String> filled = new ArrayList<>(words.subList(0, depth));
        filled.add(session.scenario().get());
        for (String set : session.sets()) {
            filled.add(command.sessionSetFlag());
            filled.add(set);
        }
        filled.addAll(words.subList(depth, words.size()));
        return filled;
    }
}
