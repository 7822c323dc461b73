package org.vnetlab.console.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.jline.terminal.TerminalBuilder;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.session.Session;
import picocli.CommandLine.Command;

/**
 * {@code vnetlab console}: the interactive console on a terminal, or the same commands read line
 * by line from standard input when that is not a terminal.
 */
@Command(name = "console",
        description = "interactive console with a session scenario, completion and history (reads a script from a pipe)")
public final class ConsoleCommand implements org.vnetlab.console.cli.Command {

    /** The history file, in the user's home directory when that can be written. */
    public static final String HISTORY = ".vnetlab_history";

    private final ScenarioLoader loader;
    private final Function<Session, Cli> commandsFor;

    /** @param commandsFor the console's commands, given the session they share */
    public ConsoleCommand(ScenarioLoader loader, Function<Session, Cli> commandsFor) {
        this.loader = loader;
        this.commandsFor = commandsFor;
    }

    @Override
    public int run(Terminal io) throws IOException {
        Session session = new Session(loader);
        SessionDispatcher dispatcher = new SessionDispatcher(commandsFor.apply(session), session);
        if (System.console() == null) {
            Terminal script = new Terminal(io.out(), io.err(), false, io.cancelled(), io.width(), io.unicode(),
                    session::setLastResult);
            return new ScriptRunner(dispatcher).run(
                    new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())), script);
        }
        try (JlineLog log = JlineLog.to(io.err());
             org.jline.terminal.Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Optional<Path> history = HistoryFile.in(Path.of(System.getProperty("user.home")), io.err());
            return new Repl(dispatcher, new ConsoleCompleter(dispatcher), history).run(terminal);
        }
    }
}
